// The text to summarize: typed or pasted into the box, or read from a file that is picked or dropped on the panel.
// The page owns the text and reads files; this panel reports what the user did through events:
// `text-input` (detail: the new text), `text-commit` (the box lost focus), `file-chosen` (detail: File),
// `drop-error` (detail: message) and `undo-replace`.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACCEPTED_FILES } from '../../summarize/validation';
import { controlStyles } from '../../ui/shared-styles';
import { panelStyles } from './panel-styles';
import { readerCounts, type ReaderCounts } from './reader-counts';
import { countLabel } from './result-facts';

@customElement('mlwb-source-input')
@localized()
export class SourceInput extends LitElement {
  @property({ attribute: false }) text = '';
  /** While a file is read or a summary made, no other file may be opened. */
  @property({ type: Boolean }) busy = false;
  /** Name of the file whose text replaced the user's own, while an undo is offered; '' when none. */
  @property({ attribute: false }) replacedBy = '';
  @property({ attribute: false }) draftNote = '';
  @state() private dragging = false;
  /** Word and character counts of `text` as a reader counts them, computed when it changes (not on every render). */
  @state() private counts: ReaderCounts = readerCounts('');

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('text')) this.counts = readerCounts(this.text);
  }

  private emit<T>(type: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private onFilePicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.emit('file-chosen', file);
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) this.emit('drop-error', msg('Drop one file at a time.', { id: 'summarize.input.drop-one' }));
    else this.emit('file-chosen', files[0]);
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  override render() {
    const replacedBy = this.replacedBy;
    return html`<section class=${this.dragging ? 'dragging' : ''} @dragover=${this.onDragOver} @dragleave=${() => (this.dragging = false)} @drop=${this.onDrop}>
      <label for="source">${msg('Text to summarize', { id: 'summarize.input.label' })}</label>
      <textarea
        id="source"
        data-testid="source-text"
        .value=${this.text}
        @input=${(e: Event) => this.emit('text-input', (e.target as HTMLTextAreaElement).value)}
        @blur=${() => this.emit('text-commit')}
        placeholder=${msg('Paste or type an article, or drop a .txt, .md or .pdf file here.', { id: 'summarize.input.placeholder' })}
        spellcheck="false"
      ></textarea>
      <div class="row">
        <span class="muted" data-testid="counts">${countLabel(this.counts)}</span>
        <label class="file">
          <input type="file" accept=${ACCEPTED_FILES} @change=${this.onFilePicked} data-testid="file-input" ?disabled=${this.busy} />
          <span>${msg('Open a file…', { id: 'summarize.input.open-file' })}</span>
        </label>
      </div>
      ${replacedBy
        ? html`<p class="replaced" role="status" data-testid="replaced-note">
            <span>${msg(str`Replaced your text with ${replacedBy}.`, { id: 'summarize.input.replaced' })}</span>
            <button data-testid="undo-replace" @click=${() => this.emit('undo-replace')}>${msg('Undo', { id: 'summarize.input.undo' })}</button>
          </p>`
        : nothing}
      <p class="muted draft-note" data-testid="draft-note" aria-live="polite">${this.draftNote}</p>
    </section>`;
  }

  static override styles = [
    controlStyles,
    panelStyles,
    css`
      section.dragging {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      textarea {
        font: inherit;
        color: inherit;
        min-height: 14rem;
        resize: vertical;
        border: 1px solid var(--border);
        border-radius: 8px;
        padding: 0.6rem;
        background: var(--surface);
      }
      /* Space kept even when empty, so the note appearing on blur never moves the controls under a click. */
      .draft-note {
        margin: 0;
        min-height: 1.4em;
      }
      .file input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .file span {
        border: 1px solid var(--border);
        background: var(--surface-2);
        border-radius: 8px;
        padding: 0.35rem 0.8rem;
        cursor: pointer;
      }
      .file:focus-within span {
        outline: 3px solid var(--focus);
        outline-offset: 2px;
      }
      .replaced {
        margin: 0;
        display: flex;
        align-items: center;
        gap: 0.6rem;
      }
      /* A long file name wraps; the button keeps its one line (「元に戻す」 broke in two at 390 px). */
      .replaced span {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .replaced button {
        flex-shrink: 0;
        white-space: nowrap;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-source-input': SourceInput;
  }
}
