// #/summarize — paste, type or open a document; summarize it with the bundled extractive engine (offline, chosen
// sentences highlighted in the source) or a transformers.js hub model (streamed, stoppable, map-reduce for long
// documents). This element owns the text, the runs and their outcome; its panels (source-input, summarize-controls,
// summary-progress, summary-result) draw them. Summaries are rendered as text bindings only, never as HTML.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ExtractiveClient } from '../../runtime/extractive-client';
import type { Dtype, FileProgress, SummarizeProgress } from '../../runtime/protocol';
import { SummarizeClient } from '../../runtime/summarize-client';
import type { ModelInfo } from '../../runtime/worker-client';
import type { LengthSetting } from '../../summarize/extractive';
import { withFileProgress } from '../../ui/file-progress';
import { errorText, loadCauseText, loadProblemOf } from '../../ui/load-error-text';
import { modelName } from '../../ui/model-name';
import { formatBytes } from '../../util/format-bytes';
import { draftNotKept, loadDraft, saveDraft } from './draft-store';
import type { HubSummarizer } from './engines';
import { highlightPieces } from './result-facts';
import { failureMessage, fileEmpty } from './check-messages';
import { readSourceFile } from './source-file';
import './source-input';
import './summarize-controls';
import type { Activity, SummarizeRequest } from './summarize-controls';
import './summary-progress';
import './summary-result';
import type { SummaryResult } from './summary-result';

/** The text an opened file replaced, kept so the user can undo the replacement. */
interface Replaced {
  previous: string;
  fileName: string;
}

const DRAFT_SAVE_DELAY_MS = 300;

@customElement('summarize-page')
@localized()
export class SummarizePage extends LitElement {
  @property() subroute = '';
  @state() private text = loadDraft();
  @state() private activity: Activity = 'idle';
  /** The alert line, worded at render time so a language switch re-words it. */
  @state() private error: (() => string) | undefined;
  @state() private status = '';
  /** The line under the text about keeping it across reloads, worded at render time like `error`. */
  @state() private draftNote: (() => string) | undefined = this.notKeptNote();
  @state() private result: SummaryResult | undefined;
  @state() private replaced: Replaced | undefined;
  @state() private files: FileProgress[] = [];
  @state() private streamed = '';
  @state() private stage: SummarizeProgress | undefined;
  @state() private stopRequested = false;
  private readonly extractive = new ExtractiveClient();
  private readonly abstractive = new SummarizeClient('summarize');
  /** What the inference worker holds: model id and dtype asked for, and what loaded. */
  private loaded: { key: string; info: ModelInfo } | undefined;
  private downloadCancelled = false;
  private pendingText = '';
  private frameRequested = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

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

  private setText(text: string): void {
    this.text = text;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), DRAFT_SAVE_DELAY_MS);
  }

  private flushDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.draftNote = saveDraft(this.text)
      ? undefined
      : () => msg('This text is too large for the browser to keep across a reload; it stays here until you leave the page.', { id: 'summarize.draft-too-large' });
  }

  /**
   * After a reload that could not bring back the last text (too large to store): says so, and that the text shown is
   * the earlier one the browser did keep. Keeping that older draft loses nothing; dropping it would lose it too.
   */
  private notKeptNote(): (() => string) | undefined {
    const notKept = draftNotKept();
    if (!notKept) return undefined;
    const restored = this.text.trim() !== '';
    return () => {
      const size = formatBytes(notKept.bytes);
      return restored
        ? msg(str`Your last text (${size}) was too large for the browser to keep across a reload, so this is the text you had before it.`, { id: 'summarize.draft-not-kept' })
        : msg(str`Your last text (${size}) was too large for the browser to keep across a reload, and there was no earlier text to show.`, { id: 'summarize.draft-not-kept-empty' });
    };
  }

  private async summarize(request: SummarizeRequest): Promise<void> {
    this.error = undefined;
    this.status = '';
    // A failed run must not leave the previous text's summary on the page looking like this text's.
    this.result = undefined;
    if (request.engine === 'extractive') await this.summarizeExtractive(request.length);
    else if (!request.model) this.error = () => msg('Enter a hub model id like "Xenova/distilbart-cnn-6-6" (organisation/name).', { id: 'summarize.model.invalid' });
    else await this.summarizeWithHub(request.model, request.dtype);
  }

  private async summarizeExtractive(length: LengthSetting): Promise<void> {
    this.activity = 'extracting';
    const source = this.text;
    try {
      const started = performance.now();
      const outcome = await this.extractive.extract(source, length);
      if (!outcome.ok) {
        this.error = () => failureMessage(outcome);
        return;
      }
      this.result = {
        summary: outcome.summary,
        source,
        pieces: highlightPieces(source, outcome.spans, outcome.selected),
        ms: performance.now() - started,
        engineMs: outcome.engineMs,
        madeBy: { engine: 'extractive', chosen: outcome.selected.length, sentences: outcome.spans.length },
      };
    } catch (error) {
      const cause = (error as Error).message;
      this.error = () => msg(str`The summarizer failed: ${cause}. Your text is unchanged; try again.`, { id: 'summarize.failed' });
    } finally {
      this.activity = 'idle';
    }
  }

  /** The model in the inference worker, loaded unless it already holds it; undefined when the load failed or was cancelled. */
  private async loadModel(model: HubSummarizer, dtype: Dtype): Promise<ModelInfo | undefined> {
    const key = `${model.id}|${dtype}`;
    if (this.loaded?.key === key) return this.loaded.info;
    this.activity = 'loading';
    this.files = [];
    this.loaded = undefined;
    this.downloadCancelled = false;
    try {
      const info = await this.abstractive.load({ modelId: model.id, dtype, pipeline: 'summarization', onProgress: (p) => (this.files = withFileProgress(this.files, p)) });
      this.loaded = { key, info };
      return info;
    } catch (error) {
      this.activity = 'idle';
      if (this.downloadCancelled) {
        this.status = msg('Download cancelled. Files that finished stay in the cache; the rest download next time.', { id: 'summarize.download-cancelled' });
        return undefined;
      }
      const id = model.id;
      this.error = () => {
        const name = modelName(id);
        // Only the cause (in the language shown now): the message names the model itself.
        const cause = loadCauseText(error).replace(/[.。]+$/, '');
        // A cause the runtime recognised needs no guess after it.
        if ((loadProblemOf(error)?.code ?? 'other') !== 'other') return msg(str`Could not load ${name} (${dtype}): ${cause}. Your text is unchanged, and the extractive engine works offline.`, { id: 'summarize.load-failed-known' });
        return msg(str`Could not load ${name} (${dtype}): ${cause}. The model hub may be unreachable or the model may not offer this dtype. Your text is unchanged, and the extractive engine works offline.`, { id: 'summarize.load-failed' });
      };
      return undefined;
    }
  }

  private async summarizeWithHub(model: HubSummarizer, dtype: Dtype): Promise<void> {
    const source = this.text;
    const check = await this.extractive.check(source);
    if (!check.ok) {
      this.error = () => failureMessage(check);
      return;
    }
    const info = await this.loadModel(model, dtype);
    if (!info) return;
    this.activity = 'generating';
    this.streamed = '';
    this.pendingText = '';
    this.stage = undefined;
    this.stopRequested = false;
    const started = performance.now();
    try {
      const summary = await this.abstractive.summarize(source, {}, (event) => {
        if (event.kind === 'token') this.streamText(event.text);
        else {
          this.pendingText = '';
          this.streamed = '';
          this.stage = event.progress;
        }
      });
      this.result = {
        summary,
        source,
        ms: performance.now() - started,
        madeBy: { engine: 'hub', modelId: info.modelId, dtype: info.dtype, device: info.device },
        stopped: this.stopRequested,
      };
    } catch (error) {
      const id = model.id;
      this.error = () => {
        const name = modelName(id);
        const cause = errorText(error);
        return msg(str`${name} failed while summarizing: ${cause}. Your text is unchanged; try again.`, { id: 'summarize.hub-failed' });
      };
    } finally {
      this.activity = 'idle';
      this.stage = undefined;
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
    this.error = undefined;
    const outcome = await readSourceFile(file, (status) => {
      this.activity = 'reading';
      this.status = status;
    });
    this.activity = 'idle';
    this.status = '';
    // An empty file is refused like a bad one: replacing the text (and the summary) with nothing helps no one.
    const opened = outcome.ok && outcome.text.trim() === '' ? fileEmpty(file.name) : outcome;
    if (!opened.ok) {
      this.error = () => failureMessage(opened);
      return;
    }
    const previous = this.text;
    this.setText(opened.text);
    this.replaced = previous.trim() === '' ? undefined : { previous, fileName: file.name };
    this.result = undefined;
  }

  private undoReplace(): void {
    if (!this.replaced) return;
    this.setText(this.replaced.previous);
    this.replaced = undefined;
    this.result = undefined;
    this.error = undefined;
  }

  /** Typing after opening a file ends the undo offer: undoing then would throw the new edits away. */
  private onTextInput(text: string): void {
    this.replaced = undefined;
    this.setText(text);
  }

  private async copy(): Promise<void> {
    if (!this.result) return;
    try {
      await navigator.clipboard.writeText(this.result.summary);
      this.status = msg('Summary copied.', { id: 'summarize.copied' });
    } catch {
      this.error = () => msg('The browser did not allow copying; select the summary and copy it by hand.', { id: 'summarize.copy-failed' });
    }
  }

  override render() {
    const working = this.activity === 'loading' || this.activity === 'generating';
    return html`
      <h1>${msg('Summarize', { id: 'summarize.title' })}</h1>
      <mlwb-source-input
        .text=${this.text}
        ?busy=${this.activity !== 'idle'}
        .replacedBy=${this.replaced?.fileName ?? ''}
        .draftNote=${this.draftNote?.() ?? ''}
        @text-input=${(e: CustomEvent<string>) => this.onTextInput(e.detail)}
        @text-commit=${() => this.flushDraft()}
        @file-chosen=${(e: CustomEvent<File>) => void this.openFile(e.detail)}
        @drop-error=${(e: CustomEvent<string>) => (this.error = () => e.detail)}
        @undo-replace=${() => this.undoReplace()}
      ></mlwb-source-input>
      <mlwb-summarize-controls
        .activity=${this.activity}
        ?stopping=${this.stopRequested}
        .status=${this.status}
        @summarize-request=${(e: CustomEvent<SummarizeRequest>) => void this.summarize(e.detail)}
        @stop-request=${() => void this.stop()}
        @cancel-download=${() => this.cancelDownload()}
      ></mlwb-summarize-controls>
      ${working
        ? html`<mlwb-summary-progress .files=${this.files} ?generating=${this.activity === 'generating'} .stage=${this.stage} .streamed=${this.streamed}></mlwb-summary-progress>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert" data-testid="error">${this.error()}</p>` : nothing}
      ${this.result
        ? html`<mlwb-summary-result .result=${this.result} ?stale=${this.result.source !== this.text} @copy-summary=${() => void this.copy()}></mlwb-summary-result>`
        : nothing}
    `;
  }

  static override styles = css`
    :host {
      display: grid;
      /* minmax(0, …): a long engine name or file name must not widen the page past a phone's screen. */
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
      max-width: 960px;
    }
    h1 {
      margin: 0;
    }
    .error {
      margin: 0;
      padding: 0.6rem 0.8rem;
      border-radius: 8px;
      background: var(--danger-soft);
      color: var(--danger);
      /* File names and causes come from outside: a long one wraps instead of widening the page. */
      overflow-wrap: anywhere;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'summarize-page': SummarizePage;
  }
}
