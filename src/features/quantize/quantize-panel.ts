/**
 * "Quantize here": one choice per method of QUANTIZE_METHODS, the chosen method's options, the button and the
 * worker's progress. Events (bubbling): `quantize-request` {request: QuantizeRequest}, `lab-message` {kind, text}.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { CalibrationFile } from '../../quantize/calibration-files';
import type { QuantizeMode, QuantizeProgress } from '../../quantize/types';
import { originName, type SampleOrigin } from './eval-samples';
import { labStyles } from './lab.styles';
import {
  optionShown,
  optionValue,
  QUANTIZE_METHODS,
  requestOptions,
  type CalibrationSource,
  type MethodOption,
  type OptionValues,
  type QuantizeMethod,
  type QuantizeRequest,
} from './quantize-methods';
import { quantizePanelStyles } from './quantize-panel.styles';
import { SAMPLE_ORIGINS } from './sample-sets';

function stageWords(stage: QuantizeProgress['stage']): string {
  switch (stage) {
    case 'reading':
      return msg('Reading the model', { id: 'quantize.stage.reading' });
    case 'calibrating':
      return msg('Calibrating on drawings', { id: 'quantize.stage.calibrating' });
    case 'quantizing':
      return msg('Quantizing weights', { id: 'quantize.stage.quantizing' });
    case 'writing':
      return msg('Writing the new model', { id: 'quantize.stage.writing' });
  }
}

@localized()
@customElement('quantize-panel')
export class QuantizePanel extends LitElement {
  static override styles = [labStyles, quantizePanelStyles];

  /** The model to quantize; empty when there is none (the button is disabled). */
  @property() modelTitle = '';
  /** Drawings in each set, for the calibration choice. */
  @property({ attribute: false }) counts: Readonly<Record<SampleOrigin, number>> = { synthetic: 0, game: 0, drawn: 0, imported: 0 };
  @property({ type: Boolean }) busy = false;
  /** The worker's last progress report while quantizing. */
  @property({ attribute: false }) progress: QuantizeProgress | undefined;
  @state() private method: QuantizeMethod = QUANTIZE_METHODS[0]!;
  /** Drawings of a set, or 'npy': the .npy files chosen below. */
  @state() private calibrationOrigin: SampleOrigin | 'npy' = 'synthetic';
  @state() private npyFiles: CalibrationFile[] = [];
  /** Each method's settings as last chosen, so switching methods and back keeps them. */
  @state() private values: Partial<Record<QuantizeMode, OptionValues>> = {};

  override render() {
    const progress = this.progress;
    return html`<h2>${msg('Quantize here', { id: 'quantize.panel.heading' })}</h2>
      <div role="radiogroup" aria-label=${msg('Quantization mode', { id: 'quantize.panel.methods' })}>
        ${QUANTIZE_METHODS.map(
          (m) => html`<label class="choice"><input type="radio" name="mode" value=${m.mode} .checked=${this.method === m} ?disabled=${this.busy} @change=${() => (this.method = m)} />
            <strong>${m.title()}</strong><span class="muted">${m.explain()}</span></label>`,
        )}
      </div>
      ${this.method.options.length
        ? html`<div class="options" data-testid="method-options">
            ${this.method.options.filter((option) => optionShown(this.method, option, this.methodValues)).map((option) => this.renderOption(option))}
          </div>`
        : nothing}
      <p class="row">
        <button class="primary" data-testid="quantize" ?disabled=${this.busy || !this.modelTitle} @click=${this.request}>
          ${msg(str`Quantize ${this.modelTitle}`, { id: 'quantize.panel.button' })}
        </button>
        ${progress
          ? html`<span>${stageWords(progress.stage)}</span>
              <progress max=${progress.total || 1} .value=${progress.done} aria-label=${msg('Quantization progress', { id: 'quantize.panel.progress' })}></progress>`
          : nothing}
      </p>
      <p class="muted">
        ${msg("The project's own quantizer runs in a worker on the fp32 file (from this browser's cache); int8 weights get one scale per output channel. Sizes are those of the .onnx file: some formats are turned back into float weights when the model loads, so memory use can stay near fp32. The new model is kept in this browser until you delete it.", { id: 'quantize.panel.explain' })}
      </p>`;
  }

  private get methodValues(): OptionValues {
    return this.values[this.method.mode] ?? {};
  }

  private setValue(key: keyof OptionValues, value: OptionValues[keyof OptionValues]): void {
    this.values = { ...this.values, [this.method.mode]: { ...this.methodValues, [key]: value } };
  }

  private renderOption(option: MethodOption): TemplateResult {
    const hint = (text: string | undefined) => (text ? html`<p class="muted hint">${text}</p>` : nothing);
    switch (option.kind) {
      case 'calibration-data':
        return this.renderCalibration();
      case 'choice': {
        const current = String(optionValue(this.method, option.key, this.methodValues));
        // <select> values are strings: the chosen entry gives back the typed value (a number, a boolean…).
        const choose = (e: Event) => {
          const picked = option.values.find((v) => String(v.value) === (e.target as HTMLSelectElement).value);
          if (picked) this.setValue(option.key, picked.value);
        };
        return html`<label class="option">${option.label()}
            <select data-testid=${`option-${option.key}`} ?disabled=${this.busy} @change=${choose}>
              ${option.values.map((v) => html`<option value=${String(v.value)} ?selected=${String(v.value) === current}>${v.label()}</option>`)}
            </select></label>
          ${hint(option.hint?.())}`;
      }
      case 'number': {
        const current = optionValue(this.method, option.key, this.methodValues);
        return html`<label class="option">${option.label()}
            <input type="number" data-testid=${`option-${option.key}`} min=${option.min} max=${option.max} step=${option.step} .value=${Number.isNaN(current) ? '' : String(current)} ?disabled=${this.busy}
              @change=${(e: Event) => this.setValue(option.key, (e.target as HTMLInputElement).valueAsNumber)} /></label>
          ${hint(option.hint?.())}`;
      }
    }
  }

  private renderCalibration(): TemplateResult {
    const chosen = this.npyFiles.length ? this.npyFiles.map((f) => f.name).join(', ') : msg('none chosen', { id: 'quantize.calibration.noneChosen' });
    return html`<label>${msg('Calibrate on', { id: 'quantize.calibration.label' })}
        <select data-testid="calibration-origin" .value=${this.calibrationOrigin}
          @change=${(e: Event) => (this.calibrationOrigin = (e.target as HTMLSelectElement).value as SampleOrigin | 'npy')}>
          ${SAMPLE_ORIGINS.map((o) => html`<option value=${o} ?selected=${o === this.calibrationOrigin}>${originName(o)} (${this.counts[o]})</option>`)}
          <option value="npy" ?selected=${this.calibrationOrigin === 'npy'}>${msg(str`.npy files (${chosen})`, { id: 'quantize.calibration.npyChoice' })}</option>
        </select></label>
      ${this.calibrationOrigin === 'npy'
        ? html`<label class="muted">${msg('.npy files', { id: 'quantize.calibration.npyFiles' })}
              <input type="file" accept=".npy" multiple data-testid="calibration-npy" @change=${this.chooseNpy} /></label>
            <p class="muted">
              <code>&lt;input name&gt;.npy</code>:
              ${msg('one per model input, one row per sample: float32 is used as stored, uint8 is multiplied by 1/255. A one-input model also takes any .npy files of uint8 rows (e.g. Quick, Draw! bitmaps).', { id: 'quantize.calibration.npyHelp' })}
            </p>`
        : nothing}`;
  }

  private calibration(): CalibrationSource | undefined {
    if (!this.method.options.some((o) => o.kind === 'calibration-data')) return undefined;
    return this.calibrationOrigin === 'npy' ? { origin: 'npy', files: this.npyFiles } : { origin: this.calibrationOrigin };
  }

  private request(): void {
    let options;
    try {
      options = requestOptions(this.method, this.methodValues);
    } catch (error) {
      this.dispatchEvent(new CustomEvent('lab-message', { detail: { kind: 'error', text: (error as Error).message }, bubbles: true, composed: true }));
      return;
    }
    const request: QuantizeRequest = { method: this.method, calibration: this.calibration(), options };
    this.dispatchEvent(new CustomEvent('quantize-request', { detail: { request }, bubbles: true, composed: true }));
  }

  private async chooseNpy(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    this.npyFiles = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const names = this.npyFiles.map((f) => f.name).join(', ');
    const text = msg(str`Calibration will read ${names} (checked against the model's inputs when you quantize).`, { id: 'quantize.calibration.chosen' });
    this.dispatchEvent(new CustomEvent('lab-message', { detail: { kind: 'ok', text }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-panel': QuantizePanel;
  }
}
