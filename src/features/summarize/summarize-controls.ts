// The summary settings bar: engine (bundled extractive, a catalogued hub model, or any hub id), length or
// precision, the Summarize button, Stop / Cancel download while a hub model works, and the page's status line.
// It owns the settings; the page hears `summarize-request` (detail: SummarizeRequest), `stop-request` and
// `cancel-download`.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { catalog, onCatalogChange } from '../../runtime/catalog';
import { modelTitle } from '../../ui/model-title';
import type { Dtype } from '../../runtime/protocol';
import { DEFAULT_LENGTH, LENGTH_PRESETS, type LengthSetting } from '../../summarize/extractive';
import { formatNumber } from '../../ui/format';
import { controlStyles } from '../../ui/shared-styles';
import { chosenHubModel, dtypeFor, EXTRACTIVE, hubSummarizers, OTHER_HUB_MODEL, uncataloguedSummarizer, type HubSummarizer } from './engines';
import { panelStyles } from './panel-styles';
import { MAX_SENTENCES, MIN_SENTENCES, sentenceCountFrom } from './sentence-count';

export type Activity = 'idle' | 'reading' | 'extracting' | 'loading' | 'generating';

/** What the user asked for: the extractive engine at a length, or a hub model (undefined: an invalid id) at a dtype. */
export type SummarizeRequest = { engine: 'extractive'; length: LengthSetting } | { engine: 'hub'; model: HubSummarizer | undefined; dtype: Dtype };

type LengthChoice = 'short' | 'medium' | 'long' | 'sentences';

@customElement('mlwb-summarize-controls')
@localized()
export class SummarizeControls extends LitElement {
  @property({ attribute: false }) activity: Activity = 'idle';
  /** Set once Stop is pressed, until the generation ends. */
  @property({ type: Boolean }) stopping = false;
  /** The status line shown while nothing is running ('' for none). */
  @property({ attribute: false }) status = '';
  @state() private engine = EXTRACTIVE;
  @state() private otherModelId = '';
  @state() private lengthChoice = DEFAULT_LENGTH as LengthChoice;
  @state() private sentenceCount = 3;
  @state() private dtype: Dtype = 'int8';
  /** Catalogued summarizers, hub and opened from disk; re-read when a model folder is opened or deleted (any tab). */
  @state() private summarizers = hubSummarizers(catalog);
  private stopListening?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.summarizers = hubSummarizers(catalog);
    this.stopListening = onCatalogChange(() => (this.summarizers = hubSummarizers(catalog)));
  }

  override disconnectedCallback(): void {
    this.stopListening?.();
    super.disconnectedCallback();
  }

  private emit<T>(type: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private request(): SummarizeRequest {
    if (this.engine === EXTRACTIVE) {
      return { engine: 'extractive', length: this.lengthChoice === 'sentences' ? { sentences: this.sentenceCount } : this.lengthChoice };
    }
    const model = chosenHubModel(this.engine, this.otherModelId, this.summarizers);
    return { engine: 'hub', model, dtype: dtypeFor(model ?? uncataloguedSummarizer(''), this.dtype) };
  }

  /** The corrected count is written back to the field: when it equals the current count no render would show it. */
  private onSentenceCount(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.sentenceCount = sentenceCountFrom(input.value);
    input.value = String(this.sentenceCount);
  }

  private statusText(): string {
    switch (this.activity) {
      case 'extracting':
        return msg('Summarizing…', { id: 'summarize.status.extracting' });
      case 'loading':
        return msg('Loading the model…', { id: 'summarize.status.loading' });
      case 'generating':
        return this.stopping ? msg('Stopping…', { id: 'summarize.status.stopping' }) : msg('Writing the summary…', { id: 'summarize.status.generating' });
      default:
        return this.status;
    }
  }

  override render() {
    const value = (e: Event) => (e.target as HTMLSelectElement | HTMLInputElement).value;
    return html`<section aria-label=${msg('Summary settings', { id: 'summarize.settings' })}>
      <label>
        ${msg('Engine', { id: 'summarize.engine' })}
        <select data-testid="engine" @change=${(e: Event) => (this.engine = value(e))}>
          <option value=${EXTRACTIVE} ?selected=${this.engine === EXTRACTIVE}>${msg('Extractive (bundled, offline)', { id: 'summarize.engine.extractive' })}</option>
          ${this.summarizers.map(
            (m) =>
              html`<option value=${m.id} ?selected=${this.engine === m.id}>
                ${m.local ? msg(str`${modelTitle(m)} — from disk`, { id: 'summarize.engine.local' }) : msg(str`${modelTitle(m)} — hub`, { id: 'summarize.engine.hub' })}
              </option>`,
          )}
          <option value=${OTHER_HUB_MODEL} ?selected=${this.engine === OTHER_HUB_MODEL}>${msg('Other hub model…', { id: 'summarize.engine.other' })}</option>
        </select>
      </label>
      ${this.engine === OTHER_HUB_MODEL
        ? html`<label>
            ${msg('Model', { id: 'summarize.model' })}
            <input
              data-testid="hub-model"
              placeholder=${msg('organisation/name', { id: 'summarize.model.placeholder' })}
              .value=${this.otherModelId}
              @input=${(e: Event) => (this.otherModelId = value(e))}
            />
          </label>`
        : nothing}
      ${this.engine === EXTRACTIVE ? this.renderLengthControls() : this.renderDtypeControl()}
      <button class="primary" data-testid="summarize" ?disabled=${this.activity !== 'idle'} @click=${() => this.emit('summarize-request', this.request())}>
        ${msg('Summarize', { id: 'summarize.run' })}
      </button>
      ${this.activity === 'generating' ? html`<button data-testid="stop" @click=${() => this.emit('stop-request')}>${msg('Stop', { id: 'summarize.stop' })}</button>` : nothing}
      ${this.activity === 'loading'
        ? html`<button data-testid="cancel-download" @click=${() => this.emit('cancel-download')}>${msg('Cancel download', { id: 'summarize.cancel-download' })}</button>`
        : nothing}
      <span class="muted status" role="status" data-testid="status">${this.statusText()}</span>
    </section>`;
  }

  private renderLengthControls() {
    const words = (preset: keyof typeof LENGTH_PRESETS) => formatNumber(LENGTH_PRESETS[preset]);
    const short = words('short');
    const medium = words('medium');
    const long = words('long');
    return html`<label>
        ${msg('Length', { id: 'summarize.length' })}
        <select data-testid="length" .value=${this.lengthChoice} @change=${(e: Event) => (this.lengthChoice = (e.target as HTMLSelectElement).value as LengthChoice)}>
          <option value="short">${msg(str`Short (about ${short} words)`, { id: 'summarize.length.short' })}</option>
          <option value="medium">${msg(str`Medium (about ${medium} words)`, { id: 'summarize.length.medium' })}</option>
          <option value="long">${msg(str`Long (about ${long} words)`, { id: 'summarize.length.long' })}</option>
          <option value="sentences">${msg('Number of sentences', { id: 'summarize.length.sentences' })}</option>
        </select>
      </label>
      ${this.lengthChoice === 'sentences'
        ? html`<label>
            ${msg('Sentences', { id: 'summarize.sentences' })}
            <input
              type="number"
              min=${MIN_SENTENCES}
              max=${MAX_SENTENCES}
              data-testid="sentence-count"
              .value=${String(this.sentenceCount)}
              @change=${this.onSentenceCount}
            />
          </label>`
        : nothing}`;
  }

  // Options are marked `selected` themselves: a select's `.value` set before its options are rendered is lost.
  private renderDtypeControl() {
    const model = chosenHubModel(this.engine, this.otherModelId, this.summarizers) ?? uncataloguedSummarizer('');
    const shown = dtypeFor(model, this.dtype);
    return html`<label>
      ${msg('Precision', { id: 'summarize.precision' })}
      <select data-testid="dtype" @change=${(e: Event) => (this.dtype = (e.target as HTMLSelectElement).value as Dtype)}>
        ${model.dtypes.map((d) => html`<option value=${d} ?selected=${d === shown}>${d}</option>`)}
      </select>
    </label>`;
  }

  static override styles = [
    controlStyles,
    panelStyles,
    css`
      section {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      label {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
        max-width: 100%;
        white-space: nowrap;
      }
      select {
        max-width: 100%;
      }
      input[type='number'] {
        width: 4.5rem;
      }
      /* "Reading <file name>…": a long name wraps inside the card. */
      .status {
        min-width: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-summarize-controls': SummarizeControls;
  }
}
