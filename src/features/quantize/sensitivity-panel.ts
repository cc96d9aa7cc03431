/**
 * "Per-layer sensitivity" and "Mixed precision": each Conv/Gemm/MatMul quantized alone (format from
 * QUANTIZE_METHODS, default options) and compared with fp32 on the comparison drawings, shown as two bar charts and a
 * table; then the most sensitive layers kept in fp32 until a target agreement, stored as a variant by the page.
 * Runs its two flows itself (lab-sensitivity.ts, in the quantize worker; Stop ends the worker).
 * Event (bubbling): `mixed-made` {made: LabQuantizeResult} — a variant to store and tick for the comparison.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { SensitivityProgress } from '../../quantize/sensitivity';
import '../../ui/lab-chart';
import { formatNumber } from '../../ui/format';
import { errorText } from '../../ui/load-error-text';
import { formatBytes } from '../../util/format-bytes';
import { formatShare } from './comparison-table';
import { describeSamples, originName, type EvalDrawing, type SampleOrigin } from './eval-samples';
import { labStyles } from './lab.styles';
import {
  comparedOn,
  measureSensitivity,
  mixedForLab,
  mixedSummary,
  TARGET_RANGE,
  type MeasuredSensitivity,
  type MixedForLab,
  type SensitivityContext,
  type SensitivityRequest,
} from './lab-sensitivity';
import type { LabModel } from './lab-variants';
import { QUANTIZE_METHODS, type QuantizeMethod } from './quantize-methods';
import { SAMPLE_ORIGINS } from './sample-sets';
import { barChartHeight, changedChart, sensitivityBars, sensitivityRows, sqnrChart } from './sensitivity-chart';
import { sensitivityPanelStyles } from './sensitivity-panel.styles';

function stageWords(progress: SensitivityProgress): string {
  const done = formatNumber(progress.done);
  const total = formatNumber(progress.total);
  switch (progress.stage) {
    case 'calibrating':
      return msg('Calibrating on drawings', { id: 'quantize.sensitivity.stage.calibrating' });
    case 'reference':
      return msg('Running fp32', { id: 'quantize.sensitivity.stage.reference' });
    case 'layers':
      return msg(str`Layer ${done} of ${total}`, { id: 'quantize.sensitivity.stage.layers' });
    case 'mixed':
      return msg(str`Mix ${done} of ${total}`, { id: 'quantize.sensitivity.stage.mixed' });
  }
}

/** A layer name that may wrap after each "/" only (a break opportunity there), not inside a module name. */
function breakAtSlashes(name: string) {
  return name.split('/').map((part, i, parts) => html`${part}${i < parts.length - 1 ? html`/<wbr />` : nothing}`);
}

type Message = { kind: 'ok' | 'error'; text: string };

@localized()
@customElement('quantize-sensitivity-panel')
export class SensitivityPanel extends LitElement {
  static override styles = [labStyles, sensitivityPanelStyles];

  @property({ attribute: false }) model: LabModel | undefined;
  /** The comparison set (the compare panel's) and its drawings. */
  @property() origin: SampleOrigin = 'synthetic';
  @property({ attribute: false }) drawings: readonly EvalDrawing[] = [];
  /** Every set's drawings, for static calibration. */
  @property({ attribute: false }) drawingsOf: (origin: SampleOrigin) => readonly EvalDrawing[] = () => [];
  @property({ attribute: false }) counts: Readonly<Record<SampleOrigin, number>> = { synthetic: 0, game: 0, drawn: 0, imported: 0 };
  /** The rest of the lab is working: no new run starts. */
  @property({ type: Boolean }) busy = false;

  @state() private method: QuantizeMethod = QUANTIZE_METHODS[0]!;
  @state() private calibrationOrigin: SampleOrigin = 'synthetic';
  @state() private target = 0.99;
  @state() private running: 'sensitivity' | 'mixed' | undefined;
  @state() private status = '';
  @state() private progress: SensitivityProgress | undefined;
  @state() private message: Message | undefined;
  @state() private measured: MeasuredSensitivity | undefined;
  @state() private mixed: MixedForLab | undefined;
  private stopper: AbortController | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another model: what was measured belongs to the old one, and a run on it is stopped.
    if (changed.has('model') && changed.get('model')?.id !== this.model?.id && changed.get('model') !== undefined) {
      this.stopper?.abort();
      this.measured = undefined;
      this.mixed = undefined;
      this.message = undefined;
    }
  }

  override disconnectedCallback(): void {
    this.stopper?.abort();
    super.disconnectedCallback();
  }

  private get request(): SensitivityRequest {
    return { method: this.method, calibrationOrigin: this.method.options.some((o) => o.kind === 'calibration-data') ? this.calibrationOrigin : undefined };
  }

  private async run(kind: 'sensitivity' | 'mixed'): Promise<void> {
    const model = this.model;
    if (!model || this.running) return;
    const stopper = new AbortController();
    this.stopper = stopper;
    this.running = kind;
    this.message = undefined;
    const context: SensitivityContext = {
      model,
      origin: this.origin,
      drawings: this.drawings,
      drawingsOf: this.drawingsOf,
      onStatus: (text) => (this.status = text),
      // The last progress report may arrive after the result.
      onProgress: (progress) => {
        if (this.stopper === stopper && !stopper.signal.aborted) this.progress = progress;
      },
      signal: stopper.signal,
    };
    try {
      if (kind === 'sensitivity') {
        this.measured = await measureSensitivity(this.request, context);
        this.mixed = undefined;
      } else {
        const mixed = await mixedForLab(this.request, context, this.target, this.measured);
        this.mixed = mixed;
        if (mixed.made) this.dispatchEvent(new CustomEvent('mixed-made', { detail: { made: mixed.made }, bubbles: true, composed: true }));
      }
    } catch (error) {
      const stopped = stopper.signal.aborted;
      const text = stopped ? msg('Stopped. Nothing was changed.', { id: 'quantize.sensitivity.stopped' }) : errorText(error);
      this.message = { kind: stopped ? 'ok' : 'error', text };
    } finally {
      if (this.stopper === stopper) {
        this.stopper = undefined;
        this.running = undefined;
        this.status = '';
        this.progress = undefined;
      }
    }
  }

  override render() {
    const samples = describeSamples(this.origin, this.drawings);
    const disabled = this.busy || !!this.running || !this.model;
    return html`<h2>${msg('Per-layer sensitivity', { id: 'quantize.sensitivity.heading' })}</h2>
      <p class="muted">
        ${msg("Quantizes one Conv, Gemm or MatMul layer at a time (the others stay fp32) and compares the model's answers with fp32: the layers that change them most are the ones worth keeping in float.", { id: 'quantize.sensitivity.explain' })}
      </p>
      <div class="row">
        <label>${msg('Format', { id: 'quantize.sensitivity.format' })}
          <select data-testid="sensitivity-method" ?disabled=${disabled}
            @change=${(e: Event) => (this.method = QUANTIZE_METHODS.find((m) => m.mode === (e.target as HTMLSelectElement).value) ?? this.method)}>
            ${QUANTIZE_METHODS.map((m) => html`<option value=${m.mode} ?selected=${m === this.method}>${m.title()}</option>`)}
          </select></label>
        ${this.method.options.some((o) => o.kind === 'calibration-data')
          ? html`<label>${msg('Calibrate on', { id: 'quantize.sensitivity.calibration' })}
              <select data-testid="sensitivity-calibration" ?disabled=${disabled}
                @change=${(e: Event) => (this.calibrationOrigin = (e.target as HTMLSelectElement).value as SampleOrigin)}>
                ${SAMPLE_ORIGINS.map((o) => html`<option value=${o} ?selected=${o === this.calibrationOrigin}>${originName(o)} (${formatNumber(this.counts[o])})</option>`)}
              </select></label>`
          : nothing}
      </div>
      <p>${msg(str`Compared on ${samples} (the comparison set, chosen under Drawings).`, { id: 'quantize.sensitivity.on' })}</p>
      <p class="row">
        <button class="primary" data-testid="run-sensitivity" ?disabled=${disabled} @click=${() => void this.run('sensitivity')}>
          ${msg('Measure each layer', { id: 'quantize.sensitivity.button' })}
        </button>
        ${this.running === 'sensitivity' ? this.renderProgress() : nothing}
      </p>
      ${this.message && !this.running
        ? html`<p class="message ${this.message.kind}" role=${this.message.kind === 'error' ? 'alert' : 'status'} data-testid="sensitivity-message">${this.message.text}</p>`
        : nothing}
      ${this.measured ? this.renderMeasured(this.measured) : nothing}
      <h3>${msg('Mixed precision', { id: 'quantize.sensitivity.mixed.heading' })}</h3>
      <p class="muted">
        ${msg('Keeps the most sensitive layers in fp32, one more at a time, until the model agrees with fp32 on the target share of the comparison drawings; the result is stored as a variant and ticked for the comparison. Reuses the measurement above when it is for the same model, format and drawings.', { id: 'quantize.sensitivity.mixed.explain' })}
      </p>
      <p class="row">
        <label>${msg('Target agreement', { id: 'quantize.sensitivity.target' })}
          <input type="number" data-testid="target-agreement" min=${TARGET_RANGE.min} max=${TARGET_RANGE.max} step=${TARGET_RANGE.step} .value=${String(this.target)} ?disabled=${disabled}
            @change=${(e: Event) => (this.target = (e.target as HTMLInputElement).valueAsNumber)} /></label>
        <button data-testid="run-mixed" ?disabled=${disabled} @click=${() => void this.run('mixed')}>
          ${msg('Make mixed-precision variant', { id: 'quantize.sensitivity.mixed.button' })}
        </button>
        ${this.running === 'mixed' ? this.renderProgress() : nothing}
      </p>
      ${this.mixed ? this.renderMixed(this.mixed) : nothing}`;
  }

  private renderProgress() {
    const progress = this.progress;
    return html`<span role="status" data-testid="sensitivity-status">${progress ? stageWords(progress) : this.status}</span>
      ${progress ? html`<progress max=${progress.total || 1} .value=${progress.done} aria-label=${msg('Sensitivity progress', { id: 'quantize.sensitivity.progress' })}></progress>` : nothing}
      <button data-testid="stop-sensitivity" @click=${() => this.stopper?.abort()}>${msg('Stop', { id: 'quantize.sensitivity.stop' })}</button>`;
  }

  private renderMeasured(measured: MeasuredSensitivity) {
    const bars = sensitivityBars(measured.layers);
    const height = `height: ${barChartHeight(bars.labels.length)}px`;
    const format = measured.method.title();
    const model = this.model?.title ?? '';
    const samples = comparedOn(measured.compared);
    const count = formatNumber(measured.layers.length);
    // On a phone each layer stacks (stackedTableStyles): its name across the card, the column heads label the values.
    const column = { op: msg('Operator', { id: 'quantize.sensitivity.column.op' }), agreement: msg('Agreement', { id: 'quantize.sensitivity.column.agreement' }) };
    return html`<p data-testid="sensitivity-summary">
        ${msg(str`${format}, one layer at a time, of ${model} on ${samples}: ${count} layers, most sensitive first.`, { id: 'quantize.sensitivity.summary' })}
      </p>
      <div class="charts">
        ${bars.changedPercent.every((p) => p === 0)
          ? html`<p class="muted" data-testid="sensitivity-unchanged">
              ${msg("No drawing changed its top class with any one layer quantized: the SQNR chart still ranks the layers by how much noise each adds to the model's output.", { id: 'quantize.sensitivity.unchanged' })}
            </p>`
          : html`<quantize-lab-chart style=${height} data-testid="sensitivity-changed-chart"
              label=${msg('Share of drawings whose top class changed when each layer alone is quantized', { id: 'quantize.sensitivity.changedLabel' })}
              .config=${changedChart(bars)}></quantize-lab-chart>`}
        <quantize-lab-chart style=${height} data-testid="sensitivity-sqnr-chart"
          label=${msg("Signal-to-quantization-noise ratio of the model's output when each layer alone is quantized", { id: 'quantize.sensitivity.sqnrLabel' })}
          .config=${sqnrChart(bars)}></quantize-lab-chart>
      </div>
      <div class="table-wrap">
        <table class="stacked" data-testid="sensitivity-table">
          <caption class="muted">${msg("Agreement: share of drawings with fp32's top class. KL: drift of the probabilities from fp32's (nats). SQNR: output signal over quantization noise.", { id: 'quantize.sensitivity.caption' })}</caption>
          <thead>
            <tr>
              <th>${msg('Layer', { id: 'quantize.sensitivity.column.layer' })}</th><th>${column.op}</th><th>${column.agreement}</th><th>KL</th><th>SQNR</th>
            </tr>
          </thead>
          <tbody>
            ${sensitivityRows(measured.layers).map(
              (r) => html`<tr data-testid="sensitivity-row" data-layer=${r.layer}>
                <td>${breakAtSlashes(r.layer)}</td><td data-label=${column.op}>${r.op}</td><td data-label=${column.agreement}>${r.agreement}</td>
                <td data-label="KL">${r.kl}</td><td data-label="SQNR">${r.sqnr}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderMixed(mixed: MixedForLab) {
    const { result } = mixed;
    return html`<p class="message ${result.reached ? 'ok' : 'error'}" role=${result.reached ? 'status' : 'alert'} data-testid="mixed-summary">${mixedSummary(mixed)}</p>
      ${result.reached && result.keptInFloat.length
        ? html`<p>${msg('Kept in fp32:', { id: 'quantize.sensitivity.mixed.kept' })}</p>
            <ul class="kept" data-testid="kept-in-float">${result.keptInFloat.map((layer) => html`<li>${layer}</li>`)}</ul>`
        : nothing}
      ${result.steps.length > 1
        ? html`<div class="table-wrap">
            <table class="steps" data-testid="mixed-steps">
              <thead>
                <tr>
                  <th>${msg('Layers in fp32', { id: 'quantize.sensitivity.steps.kept' })}</th>
                  <th>${msg('Agreement', { id: 'quantize.sensitivity.steps.agreement' })}</th><th>${msg('Size', { id: 'quantize.sensitivity.steps.size' })}</th>
                </tr>
              </thead>
              <tbody>
                ${result.steps.map((s) => html`<tr><td>${formatNumber(s.keptInFloat)}</td><td>${formatShare(s.agreement)}</td><td>${formatBytes(s.bytes)}</td></tr>`)}
              </tbody>
            </table>
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-sensitivity-panel': SensitivityPanel;
  }
}
