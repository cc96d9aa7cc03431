/**
 * fp32 vs int8 of a hub summarization model on the same text: each dtype in its own worker (SummarizeClient),
 * one after the other, with load and generation speed and the ROUGE overlap between the two summaries.
 */
import { LitElement, css, html, nothing } from 'lit';
import { catalog } from '../../runtime/catalog';
import { parseHubId } from '../../runtime/hub-id';
import { checkText } from '../../summarize/validation';
import { controlStyles } from '../../ui/shared-styles';
import { SummarizeClient } from '../../runtime/summarize-client';
import { formatMs } from './comparison-table';
import { formatRouge, summaryOverlap, tokensPerSecond, type SummaryRun } from './summary-stats';

const MAX_CHARS = 20_000;
const DTYPES = ['fp32', 'int8'] as const;

export class SummaryCompare extends LitElement {
  static override properties = { runs: { state: true }, busy: { state: true }, status: { state: true }, error: { state: true }, modelId: { state: true } };
  declare runs: SummaryRun[];
  declare busy: boolean;
  declare status: string;
  declare error: string;
  declare modelId: string;
  private text = '';

  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 7rem;
        font: inherit;
        color: inherit;
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: 8px;
        padding: 0.5rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: center;
        margin: 0.5rem 0;
      }
      .side {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 1rem;
      }
      .summary {
        border: 1px solid var(--border);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
        white-space: pre-wrap;
      }
      .error {
        background: var(--danger-soft);
        color: var(--danger);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
    `,
  ];

  constructor() {
    super();
    this.runs = [];
    this.busy = false;
    this.status = '';
    this.error = '';
    this.modelId = catalog.models.find((m) => m.task === 'summarization')?.id ?? '';
  }

  private async compare(): Promise<void> {
    const check = checkText(this.text);
    if (!check.ok) return void (this.error = check.message);
    const parsed = parseHubId(this.modelId, 'Xenova/distilbart-cnn-6-6');
    if (!parsed.ok) return void (this.error = parsed.message);
    this.error = '';
    this.busy = true;
    this.runs = [];
    try {
      for (const dtype of DTYPES) {
        const client = new SummarizeClient(`quantize lab · summary ${dtype}`);
        try {
          this.status = `Loading ${dtype}…`;
          let started = performance.now();
          await client.load({ modelId: parsed.id, dtype, pipeline: 'summarization' });
          const loadMs = performance.now() - started;
          this.status = `Summarizing with ${dtype}…`;
          let tokens = 0;
          started = performance.now();
          const text = await client.summarize(this.text, {}, (event) => {
            if (event.kind === 'token') tokens++;
          });
          this.runs = [...this.runs, { dtype, text, loadMs, summarizeMs: performance.now() - started, tokens }];
        } finally {
          client.terminate();
        }
      }
    } catch (error) {
      this.error = `${(error as Error).message}. The hub may be unreachable or the model may lack an int8 file; your text is unchanged.`;
    } finally {
      this.busy = false;
      this.status = '';
    }
  }

  override render() {
    const [fp32, int8] = this.runs;
    return html`
      <p class="muted">Summarization models are big seq2seq networks (encoder + decoder), so their int8 files matter most. The same text goes through the fp32 and the int8 files, each in its own worker; ROUGE says how much of the fp32 summary the int8 one repeats (1.00 = the same words).</p>
      <div class="row">
        <label>Hub model <input list="summarizers" data-testid="summary-model" .value=${this.modelId} @input=${(e: Event) => (this.modelId = (e.target as HTMLInputElement).value.trim())} /></label>
        <datalist id="summarizers">${catalog.models.filter((m) => m.task === 'summarization').map((m) => html`<option value=${m.id}>${m.title}</option>`)}</datalist>
      </div>
      <textarea aria-label="Text to summarize" data-testid="summary-text" maxlength=${MAX_CHARS} placeholder="Paste a few paragraphs…" @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="row">
        <button class="primary" data-testid="summary-compare" ?disabled=${this.busy} @click=${this.compare}>Summarize with fp32 and int8</button>
        ${this.status ? html`<span role="status">${this.status}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="summary-error">${this.error}</p>` : nothing}
      ${fp32 && int8 ? html`<p data-testid="summary-overlap"><strong>Overlap of int8 with fp32:</strong> ${formatRouge(summaryOverlap(fp32, int8))}</p>` : nothing}
      <div class="side">${this.runs.map((run) => this.renderRun(run))}</div>
    `;
  }

  private renderRun(run: SummaryRun) {
    const speed = tokensPerSecond(run);
    return html`<div data-testid="summary-run" data-dtype=${run.dtype}>
      <h3>${run.dtype}</h3>
      <p class="muted">Load ${formatMs(run.loadMs)} · summary ${formatMs(run.summarizeMs)}${speed === null ? '' : ` · ${speed.toFixed(1)} tokens/s`}</p>
      <div class="summary">${run.text}</div>
    </div>`;
  }
}

customElements.define('quantize-summary-compare', SummaryCompare);
