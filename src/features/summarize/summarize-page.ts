// #/summarize — paste, type or open a document; summarize it with the bundled extractive engine (offline, chosen
// sentences highlighted in the source) or a transformers.js hub model (streamed, stoppable, map-reduce for long
// documents). Summaries are rendered as text bindings only, never as HTML.
import { LitElement, css, html, nothing } from 'lit';
import { catalog } from '../../runtime/catalog';
import type { Dtype, FileProgress } from '../../runtime/protocol';
import type { ModelInfo } from '../../runtime/worker-client';
import { DEFAULT_LENGTH, LENGTH_PRESETS, type LengthSetting } from '../../summarize/extractive';
import { ACCEPTED_FILES, classifyFile, decodeTextFile } from '../../summarize/validation';
import { controlStyles } from '../../ui/shared-styles';
import '../../ui/progress-list';
import { loadDraft, saveDraft } from './draft-store';
import { parseHubId } from '../../runtime/hub-id';
import { EXTRACTIVE, hubSummarizers, OTHER_HUB_MODEL, progressLabel, uncataloguedSummarizer, type HubSummarizer } from './engines';
import { ExtractiveClient } from '../../runtime/extractive-client';
import { compressionLabel, countLabel, durationLabel, highlightPieces, type SourcePiece } from './result-facts';
import { SummarizeClient } from '../../runtime/summarize-client';
import { MAX_SENTENCES, MIN_SENTENCES, sentenceCountFrom } from './sentence-count';
import { withFileProgress } from '../../ui/file-progress';

type LengthChoice = 'short' | 'medium' | 'long' | 'sentences';

interface SummaryResult {
  summary: string;
  /** The text that was summarized (the editor may have changed since). */
  source: string;
  /** The source cut at the chosen sentences (extractive only). */
  pieces?: SourcePiece[];
  ms: number;
  /** Time inside the extractive engine alone (the rest is the trip to its worker and back). */
  engineMs?: number;
  madeBy: string;
  /** Set when the user pressed Stop: the summary is what was generated until then. */
  stopped?: boolean;
}

/** The text an opened file replaced, kept so the user can undo the replacement. */
interface Replaced {
  previous: string;
  fileName: string;
}

type Activity = 'idle' | 'reading' | 'extracting' | 'loading' | 'generating';

const DRAFT_SAVE_DELAY_MS = 300;
const HUB_SUMMARIZERS = hubSummarizers(catalog);

export class SummarizePage extends LitElement {
  static override properties = {
    subroute: {},
    text: { state: true },
    lengthChoice: { state: true },
    sentenceCount: { state: true },
    activity: { state: true },
    error: { state: true },
    status: { state: true },
    draftNote: { state: true },
    counts: { state: true },
    result: { state: true },
    dragging: { state: true },
    engine: { state: true },
    otherModelId: { state: true },
    dtype: { state: true },
    files: { state: true },
    streamed: { state: true },
    chunkLabel: { state: true },
    replaced: { state: true },
  };
  declare subroute: string;
  declare private text: string;
  declare private lengthChoice: LengthChoice;
  declare private sentenceCount: number;
  declare private activity: Activity;
  declare private error: string;
  declare private status: string;
  declare private draftNote: string;
  /** Word and character counts of `text`, computed when it changes (not on every render). */
  declare private counts: string;
  declare private result: SummaryResult | undefined;
  declare private dragging: boolean;
  declare private engine: string;
  declare private otherModelId: string;
  declare private dtype: Dtype;
  declare private files: FileProgress[];
  declare private streamed: string;
  declare private chunkLabel: string;
  declare private replaced: Replaced | undefined;
  private readonly extractive = new ExtractiveClient();
  private readonly abstractive = new SummarizeClient('summarize');
  /** What the inference worker holds: model id and dtype asked for, and what loaded. */
  private loaded: { key: string; info: ModelInfo } | undefined;
  private stopRequested = false;
  private downloadCancelled = false;
  private pendingText = '';
  private frameRequested = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.subroute = '';
    this.text = loadDraft();
    this.counts = countLabel(this.text);
    this.lengthChoice = DEFAULT_LENGTH as LengthChoice;
    this.sentenceCount = 3;
    this.activity = 'idle';
    this.error = '';
    this.status = '';
    this.draftNote = '';
    this.dragging = false;
    this.engine = EXTRACTIVE;
    this.otherModelId = '';
    this.dtype = 'int8';
    this.files = [];
    this.streamed = '';
    this.chunkLabel = '';
  }

  private get busy(): boolean {
    return this.activity !== 'idle';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.extractive.warmUp();
  }

  override disconnectedCallback(): void {
    this.flushDraft();
    this.extractive.terminate();
    this.abstractive.terminate();
    super.disconnectedCallback();
  }

  private get length(): LengthSetting {
    return this.lengthChoice === 'sentences' ? { sentences: this.sentenceCount } : this.lengthChoice;
  }

  private setText(text: string): void {
    this.text = text;
    this.counts = countLabel(text);
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), DRAFT_SAVE_DELAY_MS);
  }

  private flushDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.draftNote = saveDraft(this.text) ? '' : 'This text is too large for the browser to keep across a reload; it stays here until you leave the page.';
  }

  private async summarize(): Promise<void> {
    this.error = '';
    this.status = '';
    // A failed run must not leave the previous text's summary on the page looking like this text's.
    this.result = undefined;
    if (this.engine === EXTRACTIVE) await this.summarizeExtractive();
    else await this.summarizeAbstractive();
  }

  private async summarizeExtractive(): Promise<void> {
    this.activity = 'extracting';
    const source = this.text;
    try {
      const started = performance.now();
      const outcome = await this.extractive.extract(source, this.length);
      if (!outcome.ok) {
        this.error = outcome.message;
        return;
      }
      this.result = {
        summary: outcome.summary,
        source,
        pieces: highlightPieces(source, outcome.spans, outcome.selected),
        ms: performance.now() - started,
        engineMs: outcome.engineMs,
        madeBy: `Extractive engine (bundled, offline) · ${outcome.selected.length} of ${outcome.spans.length} sentences · Web Worker`,
      };
    } catch (error) {
      this.error = `The summarizer failed: ${(error as Error).message}. Your text is unchanged; try again.`;
    } finally {
      this.activity = 'idle';
    }
  }

  private selectedHubModel(): HubSummarizer | { error: string } {
    if (this.engine !== OTHER_HUB_MODEL) return HUB_SUMMARIZERS.find((m) => m.id === this.engine) ?? uncataloguedSummarizer(this.engine);
    const parsed = parseHubId(this.otherModelId, 'Xenova/distilbart-cnn-6-6');
    return parsed.ok ? uncataloguedSummarizer(parsed.id) : { error: parsed.message };
  }

  private async summarizeAbstractive(): Promise<void> {
    const model = this.selectedHubModel();
    if ('error' in model) {
      this.error = model.error;
      return;
    }
    const source = this.text;
    const check = await this.extractive.check(source);
    if (!check.ok) {
      this.error = check.message;
      return;
    }
    const dtype = this.dtypeFor(model);
    try {
      const key = `${model.id}|${dtype}`;
      if (this.loaded?.key !== key) {
        this.activity = 'loading';
        this.files = [];
        this.loaded = undefined;
        this.downloadCancelled = false;
        const info = await this.abstractive.load({ modelId: model.id, dtype, pipeline: 'summarization', onProgress: (p) => this.trackFile(p) });
        this.loaded = { key, info };
      }
    } catch (error) {
      this.activity = 'idle';
      if (this.downloadCancelled) {
        this.status = 'Download cancelled. Files that finished stay in the cache; the rest download next time.';
        return;
      }
      // The client's message may already start with "Could not load <id> (…) from <host>:"; keep only the cause.
      const cause = (error as Error).message.replace(/^Could not load \S+ \([^)]*\)(?: from \S+)?: /, '').replace(/\.+$/, '');
      this.error =
        `Could not load ${model.id} (${dtype}): ${cause}. The model hub may be unreachable or the model may not offer ` +
        'this dtype. Your text is unchanged, and the extractive engine works offline.';
      return;
    }
    const { info } = this.loaded;
    this.activity = 'generating';
    this.streamed = '';
    this.pendingText = '';
    this.chunkLabel = '';
    this.stopRequested = false;
    const started = performance.now();
    try {
      const summary = await this.abstractive.summarize(source, {}, (event) => {
        if (event.kind === 'token') this.streamText(event.text);
        else {
          this.pendingText = '';
          this.streamed = '';
          this.chunkLabel = progressLabel(event.progress);
        }
      });
      this.result = {
        summary,
        source,
        ms: performance.now() - started,
        madeBy: `${info.modelId} · ${info.dtype} · ${info.device === 'webgpu' ? 'WebGPU' : 'WASM'} · transformers.js`,
        stopped: this.stopRequested,
      };
    } catch (error) {
      this.error = `${model.id} failed while summarizing: ${(error as Error).message}. Your text is unchanged; try again.`;
    } finally {
      this.activity = 'idle';
      this.chunkLabel = '';
    }
  }

  /** Streamed text is shown once per frame: a fast model sends tokens faster than the page should re-render. */
  private streamText(text: string): void {
    this.pendingText += text;
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.streamed += this.pendingText;
      this.pendingText = '';
    });
  }

  private trackFile(progress: FileProgress): void {
    this.files = withFileProgress(this.files, progress);
  }

  /** Ending the worker is the one way to stop its downloads; completed files are already in the cache. */
  private cancelDownload(): void {
    this.downloadCancelled = true;
    this.abstractive.terminate();
  }

  private async stop(): Promise<void> {
    this.stopRequested = true;
    await this.abstractive.cancel();
  }

  private async openFile(file: File): Promise<void> {
    this.error = '';
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const kind = classifyFile(file.name, file.size, head);
    if (!kind.ok) {
      this.error = kind.message;
      return;
    }
    this.activity = 'reading';
    this.status = `Reading ${file.name}…`;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let text: string;
      if (kind.kind === 'pdf') {
        const { pdfText } = await import('./pdf-text');
        text = await pdfText(file.name, bytes, (done, total) => (this.status = `Reading ${file.name}: page ${done} of ${total}…`));
      } else {
        const decoded = decodeTextFile(file.name, bytes);
        if (!decoded.ok) {
          this.error = decoded.message;
          return;
        }
        text = decoded.text;
      }
      const previous = this.text;
      this.setText(text);
      this.replaced = previous.trim() === '' ? undefined : { previous, fileName: file.name };
      this.result = undefined;
      this.status = '';
    } catch (error) {
      this.error = (error as Error).name === 'PdfTextError' ? (error as Error).message : `${file.name} could not be read: ${(error as Error).message}`;
    } finally {
      this.activity = 'idle';
      this.status = '';
    }
  }

  /** The corrected count is written back to the field: when it equals the current count no render would show it. */
  private onSentenceCount(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.sentenceCount = sentenceCountFrom(input.value);
    input.value = String(this.sentenceCount);
  }

  private undoReplace(): void {
    if (!this.replaced) return;
    this.setText(this.replaced.previous);
    this.replaced = undefined;
    this.result = undefined;
    this.error = '';
  }

  /** Typing after opening a file ends the undo offer: undoing then would throw the new edits away. */
  private onTextInput(event: Event): void {
    this.replaced = undefined;
    this.setText((event.target as HTMLTextAreaElement).value);
  }

  private onFilePicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.openFile(file);
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      this.error = 'Drop one file at a time.';
      return;
    }
    void this.openFile(files[0]!);
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  private async copy(): Promise<void> {
    if (!this.result) return;
    try {
      await navigator.clipboard.writeText(this.result.summary);
      this.status = 'Summary copied.';
    } catch {
      this.error = 'The browser did not allow copying; select the summary and copy it by hand.';
    }
  }

  override render() {
    return html`
      <h1>Summarize</h1>
      <section
        class="input ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <label for="source">Text to summarize</label>
        <textarea
          id="source"
          data-testid="source-text"
          .value=${this.text}
          @input=${this.onTextInput}
          @blur=${() => this.flushDraft()}
          placeholder="Paste or type an article, or drop a .txt, .md or .pdf file here."
          spellcheck="false"
        ></textarea>
        <div class="row">
          <span class="muted" data-testid="counts">${this.counts}</span>
          <label class="file">
            <input type="file" accept=${ACCEPTED_FILES} @change=${this.onFilePicked} data-testid="file-input" ?disabled=${this.busy} />
            <span>Open a file…</span>
          </label>
        </div>
        ${this.replaced
          ? html`<p class="replaced" role="status" data-testid="replaced-note">
              Replaced your text with ${this.replaced.fileName}.
              <button data-testid="undo-replace" @click=${this.undoReplace}>Undo</button>
            </p>`
          : nothing}
        <p class="muted draft-note" data-testid="draft-note" aria-live="polite">${this.draftNote}</p>
      </section>

      <section class="controls" aria-label="Summary settings">
        <label>
          Engine
          <select data-testid="engine" @change=${(e: Event) => (this.engine = (e.target as HTMLSelectElement).value)}>
            <option value=${EXTRACTIVE} ?selected=${this.engine === EXTRACTIVE}>Extractive (bundled, offline)</option>
            ${HUB_SUMMARIZERS.map((m) => html`<option value=${m.id} ?selected=${this.engine === m.id}>${m.title} — hub</option>`)}
            <option value=${OTHER_HUB_MODEL} ?selected=${this.engine === OTHER_HUB_MODEL}>Other hub model…</option>
          </select>
        </label>
        ${this.engine === OTHER_HUB_MODEL
          ? html`<label>
              Model
              <input
                data-testid="hub-model"
                placeholder="organisation/name"
                .value=${this.otherModelId}
                @input=${(e: Event) => (this.otherModelId = (e.target as HTMLInputElement).value)}
              />
            </label>`
          : nothing}
        ${this.engine === EXTRACTIVE ? this.renderLengthControls() : this.renderDtypeControl()}
        <button class="primary" data-testid="summarize" ?disabled=${this.busy} @click=${() => this.summarize()}>Summarize</button>
        ${this.activity === 'generating' ? html`<button data-testid="stop" @click=${() => this.stop()}>Stop</button>` : nothing}
        ${this.activity === 'loading'
          ? html`<button data-testid="cancel-download" @click=${() => this.cancelDownload()}>Cancel download</button>`
          : nothing}
        <span class="muted" role="status" data-testid="status">${this.statusText()}</span>
      </section>

      ${this.activity === 'loading' || this.activity === 'generating' ? this.renderProgress() : nothing}
      ${this.error ? html`<p class="error" role="alert" data-testid="error">${this.error}</p>` : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}
    `;
  }

  private statusText(): string {
    switch (this.activity) {
      case 'extracting':
        return 'Summarizing…';
      case 'loading':
        return 'Loading the model…';
      case 'generating':
        return this.stopRequested ? 'Stopping…' : 'Writing the summary…';
      default:
        return this.status;
    }
  }

  private renderLengthControls() {
    return html`<label>
        Length
        <select data-testid="length" .value=${this.lengthChoice} @change=${(e: Event) => (this.lengthChoice = (e.target as HTMLSelectElement).value as LengthChoice)}>
          <option value="short">Short (about ${LENGTH_PRESETS.short} words)</option>
          <option value="medium">Medium (about ${LENGTH_PRESETS.medium} words)</option>
          <option value="long">Long (about ${LENGTH_PRESETS.long} words)</option>
          <option value="sentences">Number of sentences</option>
        </select>
      </label>
      ${this.lengthChoice === 'sentences'
        ? html`<label>
            Sentences
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

  /** The dtype a load uses: the one chosen if the model offers it, else the model's default. */
  private dtypeFor(model: HubSummarizer): Dtype {
    return model.dtypes.includes(this.dtype) ? this.dtype : model.defaultDtype;
  }

  // Options are marked `selected` themselves: a select's `.value` set before its options are rendered is lost.
  private renderDtypeControl() {
    const selected = this.selectedHubModel();
    const model = 'error' in selected ? uncataloguedSummarizer('') : selected;
    const shown = this.dtypeFor(model);
    return html`<label>
      Precision
      <select data-testid="dtype" @change=${(e: Event) => (this.dtype = (e.target as HTMLSelectElement).value as Dtype)}>
        ${model.dtypes.map((d) => html`<option value=${d} ?selected=${d === shown}>${d}</option>`)}
      </select>
    </label>`;
  }

  private renderProgress() {
    return html`<section class="progress" aria-label="Progress">
      ${this.files.length > 0 ? html`<mlwb-progress-list .files=${this.files}></mlwb-progress-list>` : nothing}
      ${this.activity === 'generating'
        ? html`${this.chunkLabel ? html`<p class="muted" data-testid="chunk-progress">${this.chunkLabel}</p>` : nothing}
            <p class="summary streaming" aria-live="polite" data-testid="streamed">${this.streamed}</p>`
        : nothing}
    </section>`;
  }

  private renderResult(result: SummaryResult) {
    return html`
      <section class="result" aria-labelledby="summary-heading">
        <div class="row">
          <h2 id="summary-heading">Summary</h2>
          <button data-testid="copy" @click=${() => this.copy()}>Copy</button>
        </div>
        ${result.source === this.text
          ? nothing
          : html`<p class="muted" data-testid="stale">The text has changed since this summary; press Summarize to update it.</p>`}
        ${result.stopped ? html`<p class="muted" data-testid="stopped">Stopped: this is the summary up to where you pressed Stop.</p>` : nothing}
        <p class="summary" data-testid="summary">${result.summary}</p>
        <dl class="facts">
          <dt>Length</dt>
          <dd data-testid="compression">${compressionLabel(result.source, result.summary)}</dd>
          <dt>Time</dt>
          <dd data-testid="time-taken">
            ${durationLabel(result.ms)}${result.engineMs === undefined ? nothing : html`<span class="muted"> (engine ${durationLabel(result.engineMs)})</span>`}
          </dd>
          <dt>Made by</dt>
          <dd data-testid="made-by">${result.madeBy}</dd>
        </dl>
        ${result.pieces
          ? html`<h2>Source, chosen sentences highlighted</h2>
              <!-- No whitespace inside: the view keeps the source's own line breaks (pre-wrap). -->
              <div class="source" data-testid="source-view">${result.pieces.map((piece) => (piece.chosen ? html`<mark>${piece.text}</mark>` : piece.text))}</div>`
          : nothing}
      </section>
    `;
  }

  static override styles = [
    controlStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
        max-width: 960px;
      }
      h1 {
        margin: 0;
      }
      /* Space kept even when empty, so the note appearing on blur never moves the controls under a click. */
      .draft-note {
        margin: 0;
        min-height: 1.4em;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0.5rem 0;
      }
      section {
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        padding: 0.9rem;
        display: grid;
        gap: 0.5rem;
      }
      .input.dragging {
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
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .controls {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      .controls label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      input[type='number'] {
        width: 4.5rem;
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
      .error {
        margin: 0;
        padding: 0.6rem 0.8rem;
        border-radius: 8px;
        background: var(--danger-soft);
        color: var(--danger);
      }
      .summary {
        margin: 0;
        font-size: 1.05rem;
        line-height: 1.55;
        white-space: pre-wrap;
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
      }
      .source {
        white-space: pre-wrap;
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

customElements.define('summarize-page', SummarizePage);
