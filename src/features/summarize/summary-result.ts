// A finished summary: the text (copyable), whether it is out of date or was stopped early, its facts, and for the
// extractive engine the source with the chosen sentences highlighted. Text bindings only, never HTML. The page
// hears `copy-summary`.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../../ui/format';
import { modelName } from '../../ui/model-name';
import { controlStyles } from '../../ui/shared-styles';
import { panelStyles } from './panel-styles';
import { compressionLabel, durationLabel, type SourcePiece } from './result-facts';

/** Who wrote a summary: the extractive engine (sentences chosen of all), or a hub model as loaded. */
export type MadeBy = { engine: 'extractive'; chosen: number; sentences: number } | { engine: 'hub'; modelId: string; dtype: string; device: string };

export interface SummaryResult {
  summary: string;
  /** The text that was summarized (the editor may have changed since). */
  source: string;
  /** The source cut at the chosen sentences (extractive only). */
  pieces?: SourcePiece[];
  ms: number;
  /** Time inside the extractive engine alone (the rest is the trip to its worker and back). */
  engineMs?: number;
  madeBy: MadeBy;
  /** Set when the user pressed Stop: the summary is what was generated until then. */
  stopped?: boolean;
}

function madeByLabel(madeBy: MadeBy): string {
  if (madeBy.engine === 'hub') return `${modelName(madeBy.modelId)} · ${madeBy.dtype} · ${madeBy.device === 'webgpu' ? 'WebGPU' : 'WASM'} · transformers.js`;
  const chosen = formatNumber(madeBy.chosen);
  const sentences = formatNumber(madeBy.sentences);
  return msg(str`Extractive engine (bundled, offline) · ${chosen} of ${sentences} sentences · Web Worker`, { id: 'summarize.made-by.extractive' });
}

@customElement('mlwb-summary-result')
@localized()
export class SummaryResultView extends LitElement {
  @property({ attribute: false }) result!: SummaryResult;
  /** The text in the editor is no longer the one summarized. */
  @property({ type: Boolean }) stale = false;

  override render() {
    const result = this.result;
    const engineMs = result.engineMs === undefined ? undefined : durationLabel(result.engineMs);
    return html`<section aria-labelledby="summary-heading">
      <div class="row">
        <h2 id="summary-heading">${msg('Summary', { id: 'summarize.result.heading' })}</h2>
        <button data-testid="copy" @click=${() => this.dispatchEvent(new CustomEvent('copy-summary'))}>${msg('Copy', { id: 'summarize.result.copy' })}</button>
      </div>
      ${this.stale
        ? html`<p class="muted" data-testid="stale">${msg('The text has changed since this summary; press Summarize to update it.', { id: 'summarize.result.stale' })}</p>`
        : nothing}
      ${result.stopped
        ? html`<p class="muted" data-testid="stopped">${msg('Stopped: this is the summary up to where you pressed Stop.', { id: 'summarize.result.stopped' })}</p>`
        : nothing}
      ${result.madeBy.engine === 'extractive' && result.madeBy.chosen >= result.madeBy.sentences
        ? html`<p class="muted" data-testid="whole-text">${msg('The text is no longer than the chosen length, so the summary is the whole text.', { id: 'summarize.result.whole-text' })}</p>`
        : nothing}
      <p class="summary" data-testid="summary">${result.summary}</p>
      <dl class="facts">
        <dt>${msg('Length', { id: 'summarize.fact.length' })}</dt>
        <dd data-testid="compression">${compressionLabel(result.source, result.summary)}</dd>
        <dt>${msg('Time', { id: 'summarize.fact.time' })}</dt>
        <dd data-testid="time-taken">
          ${durationLabel(result.ms)}${engineMs === undefined
            ? nothing
            : html`<span class="muted">${msg(str` (engine ${engineMs})`, { id: 'summarize.fact.engine-time' })}</span>`}
        </dd>
        <dt>${msg('Made by', { id: 'summarize.fact.made-by' })}</dt>
        <dd data-testid="made-by">${madeByLabel(result.madeBy)}</dd>
      </dl>
      ${result.pieces
        ? html`<h2>${msg('Source, chosen sentences highlighted', { id: 'summarize.result.source' })}</h2>
            <!-- No whitespace inside: the view keeps the source's own line breaks (pre-wrap). -->
            <div class="source" data-testid="source-view">${result.pieces.map((piece) => (piece.chosen ? html`<mark>${piece.text}</mark>` : piece.text))}</div>`
        : nothing}
    </section>`;
  }

  static override styles = [
    controlStyles,
    panelStyles,
    css`
      h2 {
        font-size: 1.05rem;
        margin: 0.5rem 0;
      }
      .facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 0.8rem;
        margin: 0;
      }
      .facts dt {
        color: var(--text-muted);
      }
      .facts dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .source {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        line-height: 1.5;
        max-height: 24rem;
        overflow: auto;
        color: var(--text-muted);
      }
      mark {
        background: var(--warn-soft);
        color: var(--text);
        border-radius: 3px;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-summary-result': SummaryResultView;
  }
}
