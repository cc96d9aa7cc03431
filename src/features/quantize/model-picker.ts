/**
 * The lab's model choice: the catalog's sketch models or a float .onnx the user opens, and that model's variants
 * (tick to compare, download, delete; Play opens the game with a stored one, #/doodle/variant/<id>). Events
 * (bubbling): `model-change` {id}, `model-file` {file}, `variant-toggle` {id, on}, `variant-delete` {variant}; the
 * page acts on them.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { playsInGame, playVariantHref } from '../../ui/play-variant';
import { formatBytes } from '../../util/format-bytes';
import { labStyles } from './lab.styles';
import { selfCheckText } from './self-check-text';
import { downloadName, type LabModel, type LabVariant } from './lab-variants';
import { modelPickerStyles } from './model-picker.styles';
import type { StoredVariant } from '../../runtime/variant-store';

@localized()
@customElement('quantize-model-picker')
export class ModelPicker extends LitElement {
  static override styles = [labStyles, modelPickerStyles];

  @property({ attribute: false }) models: LabModel[] = [];
  @property() modelId = '';
  @property({ attribute: false }) variants: LabVariant[] = [];
  /** Variant ids ticked for the comparison; the reference is always included. */
  @property({ attribute: false }) checked: ReadonlySet<string> = new Set();
  /** Variants this browser refused to store: shown with a warning, downloadable. */
  @property({ attribute: false }) unsaved: readonly StoredVariant[] = [];
  @property({ type: Boolean }) busy = false;

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const model = this.models.find((m) => m.id === this.modelId);
    return html`<h2>${msg('Model', { id: 'quantize.model.heading' })}</h2>
      <div class="row">
        <select data-testid="model-select" aria-label=${msg('Model', { id: 'quantize.model.label' })} .value=${this.modelId} ?disabled=${this.busy}
          @change=${(e: Event) => this.emit('model-change', { id: (e.target as HTMLSelectElement).value })}>
          ${this.models.map((m) => html`<option value=${m.id} ?selected=${m.id === this.modelId}>${m.title}</option>`)}
        </select>
        <label class="muted">${msg('Or open your own fp32 .onnx', { id: 'quantize.model.open' })}
          <input type="file" accept=".onnx" data-testid="open-model" ?disabled=${this.busy} @change=${this.chooseFile} /></label>
      </div>
      <ul aria-label=${msg('Variants', { id: 'quantize.model.variants' })}>
        ${this.variants.map((v) => this.renderVariant(v))}
      </ul>
      ${model?.catalogModel?.source === 'hub'
        ? html`<p class="muted">${msg('Hub models download from the hub set in the header when it is reachable; a model must take one 28×28 sketch to be compared here.', { id: 'quantize.model.hubNote' })}</p>`
        : nothing}`;
  }

  private renderVariant(v: LabVariant): TemplateResult {
    const stored = v.stored;
    // One layout for every row: name and size on a line, the notes across the row below, the buttons in one group.
    return html`<li data-testid="variant" data-name=${v.name}>
      <div class="head">
        <label>
          <input type="checkbox" .checked=${v.isReference || this.checked.has(v.id)} ?disabled=${v.isReference || this.busy}
            @change=${(e: Event) => this.emit('variant-toggle', { id: v.id, on: (e.target as HTMLInputElement).checked })} />
          ${v.name}${v.isReference ? html` <span class="muted">${msg('(reference)', { id: 'quantize.variant.reference' })}</span>` : nothing}
        </label>
        <span class="size">${v.bytes === undefined ? msg('size after download', { id: 'quantize.variant.sizeUnknown' }) : formatBytes(v.bytes)}</span>
      </div>
      ${stored?.calibratedOn ? html`<small class="muted">${msg(str`calibrated on ${stored.calibratedOn}`, { id: 'quantize.variant.calibratedOn' })}</small>` : nothing}
      ${stored?.selfCheck ? html`<small class="muted" data-testid="self-check">${selfCheckText(stored.selfCheck)}</small>` : nothing}
      ${stored && this.unsaved.includes(stored)
        ? html`<small class="unsaved" data-testid="not-saved">${msg('not saved in this browser: download it to keep it', { id: 'quantize.variant.notSaved' })}</small>`
        : nothing}
      ${stored
        ? html`<div class="actions">
            ${this.unsaved.includes(stored) || !playsInGame(stored.modelId)
              ? nothing
              : html`<button data-testid="play-variant" title=${msg('Play Doodle Dash with this model', { id: 'quantize.variant.playTitle' })}
                  @click=${() => (location.hash = playVariantHref(stored.id))}>${msg('Play', { id: 'quantize.variant.play' })}</button>`}
            <button data-testid="download-variant" @click=${() => download(stored)}>${msg('Download .onnx', { id: 'quantize.variant.download' })}</button>
            <button class="danger" data-testid="delete-variant" ?disabled=${this.busy} @click=${() => this.emit('variant-delete', { variant: stored })}>
              ${msg('Delete', { id: 'quantize.variant.delete' })}
            </button>
          </div>`
        : nothing}
    </li>`;
  }

  private chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.emit('model-file', { file });
  }
}

/** Saves the variant's bytes as a file through the browser's download. */
function download(variant: StoredVariant): void {
  const url = URL.createObjectURL(new Blob([variant.bytes as BlobPart], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = downloadName(variant.name, variant);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-model-picker': ModelPicker;
  }
}
