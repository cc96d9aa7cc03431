/** The comparison's results: what was compared on, the table (one row per variant and backend) and the two charts. */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import '../../ui/lab-chart';
import { paragraph } from '../../i18n/paragraph';
import { formatNumber } from '../../ui/format';
import { sketchClassLabel } from '../../ui/sketch-class-label';
import { classChart, latencyChart } from './chart-configs';
import { classDifferences } from './chart-data';
import type { ComparisonClasses } from './class-names';
import { tableRows, type VariantResult } from './comparison-table';
import { comparisonViewStyles } from './comparison-view.styles';
import { describeSamples, originName, type EvalDrawing, type SampleOrigin } from './eval-samples';
import { labStyles } from './lab.styles';

/** What the last comparison ran on and what it learnt about the model's classes. */
export interface ComparedOn {
  /** The drawing set compared on; described when shown, so the words follow a language switch. */
  origin: SampleOrigin;
  drawings: readonly EvalDrawing[];
  classNames: string[];
  classSource: ComparisonClasses['source'];
  /** Labels of the drawings the model has no class for. */
  unknownLabels: string[];
}

@localized()
@customElement('quantize-comparison-view')
export class ComparisonView extends LitElement {
  static override styles = [labStyles, comparisonViewStyles];

  @property({ attribute: false }) results: VariantResult[] = [];
  @property({ attribute: false }) compared: ComparedOn | undefined;

  override render() {
    const compared = this.compared;
    if (!compared) return nothing;
    const samples = describeSamples(compared.origin, compared.drawings);
    const comparedOn = samples.includes(originName('synthetic'))
      ? msg(str`Compared on ${samples} (drawn by this page’s code at run time, not real drawings).`, { id: 'quantize.results.onSynthetic' })
      : msg(str`Compared on ${samples}.`, { id: 'quantize.results.on' });
    // On a phone each row stacks (stackedTableStyles): the column heads become each value's label.
    const column = {
      backend: msg('Backend', { id: 'quantize.column.backend' }),
      size: msg('Size', { id: 'quantize.column.size' }),
      smaller: msg('Smaller', { id: 'quantize.column.smallerHead' }),
      firstLoad: msg('First load', { id: 'quantize.column.firstLoadHead' }),
      reload: msg('Reload', { id: 'quantize.column.reload' }),
      agreement: msg('Agreement', { id: 'quantize.column.agreementHead' }),
      accuracy: msg('Accuracy', { id: 'quantize.column.accuracyHead' }),
    };
    return html`<h2>${msg('Results', { id: 'quantize.results.heading' })}</h2>
      <p data-testid="samples-used">${paragraph([comparedOn, ...classesNotes(compared)])}</p>
      <div class="table-wrap">
        <table class="stacked" data-testid="comparison-table">
          <thead>
            <tr>
              <th>${msg('Variant', { id: 'quantize.column.variant' })}</th><th>${column.backend}</th><th>${column.size}</th><th>${column.smaller}</th>
              <th>${column.firstLoad}</th><th>${column.reload}</th><th>p50</th><th>p95</th><th>${column.agreement}</th><th>KL</th><th>${column.accuracy}</th>
            </tr>
          </thead>
          <tbody>
            ${tableRows(this.results).map(
              (r) => html`<tr data-testid="result-row" data-name=${r.name} data-backend=${r.backend} class=${r.isReference ? 'reference' : ''}>
                <td>${r.name}</td><td data-label=${column.backend}>${r.backend}</td><td data-label=${column.size}>${r.size}</td>
                <td data-testid="smaller" data-label=${column.smaller}>${r.smaller}</td>
                <td data-label=${column.firstLoad}>${r.firstLoad}<small>${r.firstLoadSource}</small></td><td data-label=${column.reload}>${r.reload}</td>
                <td data-testid="p50" data-label="p50">${r.p50}</td><td data-testid="p95" data-label="p95">${r.p95}</td>
                <td data-testid="agreement" data-label=${column.agreement}>${r.agreement}</td><td data-label="KL">${r.kl}</td>
                <td data-testid="accuracy" data-label=${column.accuracy}>${r.accuracy}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="charts">
        <div>
          <h3>${msg('Latency distribution', { id: 'quantize.results.latencyHeading' })}</h3>
          <quantize-lab-chart label=${msg('Share of runs at or below each latency, per variant', { id: 'quantize.results.latencyLabel' })} .config=${latencyChart(this.results)}></quantize-lab-chart>
        </div>
        ${this.renderClassChart(compared)}
      </div>`;
  }

  private renderClassChart(compared: ComparedOn) {
    const diff = classDifferences(this.results, compared.classNames.map(sketchClassLabel));
    if (diff.series.length === 0 || diff.classes.length === 0) return nothing;
    const unchanged = diff.series.every((series) => series.points.every((p) => p === 0));
    return html`<div>
      <h3>${msg('Per-class accuracy change vs fp32', { id: 'quantize.results.classHeading' })}</h3>
      ${unchanged
        ? html`<p class="muted">${msg('No class gained or lost a drawing: every variant is exactly as accurate as fp32 on each class.', { id: 'quantize.results.unchanged' })}</p>`
        : nothing}
      <quantize-lab-chart label=${msg('Per-class accuracy change of each variant against fp32', { id: 'quantize.results.classLabel' })} .config=${classChart(this.results, diff)}></quantize-lab-chart>
    </div>`;
  }
}

/** The results line's sentences about the model's classes and which labels were not scored (none to say: []). */
function classesNotes(compared: ComparedOn): string[] {
  const count = compared.classNames.length;
  if (compared.classSource === 'numbered') {
    const first = compared.classNames[0] ?? '';
    const last = compared.classNames[count - 1] ?? '';
    return [msg(str`The model's config has no id2label, so its ${count} classes are numbered (${first} … ${last}); agreement and KL are measured, accuracy only for drawings labelled with those names.`, { id: 'quantize.results.numbered' })];
  }
  const assumed =
    compared.classSource === 'sketch' &&
    msg(str`The model's config has no id2label; its ${formatNumber(count)} outputs are taken to be the sketch classes in the bundled model's order.`, { id: 'quantize.results.assumed' });
  const unknown = compared.unknownLabels.join(', ');
  const unknownNote = compared.unknownLabels.length > 0 && msg(str`Labels the model does not know (not counted for accuracy): ${unknown}.`, { id: 'quantize.results.unknown' });
  return [assumed, unknownNote].filter((note) => note !== false);
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-comparison-view': ComparisonView;
  }
}
