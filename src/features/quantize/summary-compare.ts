/**
 * fp32 vs int8 of a hub summarization model on the same text: each dtype in its own worker (SummarizeClient),
 * one after the other, with load and generation speed and the ROUGE overlap between the two summaries.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { catalog } from '../../runtime/catalog';
import { parseHubId } from '../../runtime/hub-id';
import { checkText } from '../../summarize/validation';
import { controlStyles } from '../../ui/shared-styles';
import { SummarizeClient } from '../../runtime/summarize-client';
import { formatDuration, formatNumber } from '../../ui/format';
import { errorText } from '../../ui/load-error-text';
import { formatRouge, summaryOverlap, tokensPerSecond, type SummaryRun } from './summary-stats';

const MAX_CHARS = 20_000;
const DTYPES = ['fp32', 'int8'] as const;

@localized()
@customElement('quantize-summary-compare')
export class SummaryCompare extends LitElement {
  @state() private runs: SummaryRun[] = [];
  @state() private busy = false;
  @state() private status = '';
  @state() private error = '';
  @state() private modelId = catalog.models.find((m) => m.task === 'summarization')?.id ?? '';
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
          this.status = msg(str`Loading ${dtype}…`, { id: 'quantize.summary.loading' });
          let started = performance.now();
          await client.load({ modelId: parsed.id, dtype, pipeline: 'summarization' });
          const loadMs = performance.now() - started;
          this.status = msg(str`Summarizing with ${dtype}…`, { id: 'quantize.summary.summarizing' });
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
      const why = errorText(error);
      this.error = msg(str`${why}. The hub may be unreachable or the model may lack an int8 file; your text is unchanged.`, { id: 'quantize.summary.error' });
    } finally {
      this.busy = false;
      this.status = '';
    }
  }

  override render() {
    const [fp32, int8] = this.runs;
    return html`
      <p class="muted">
        ${msg('Summarization models are big seq2seq networks (encoder + decoder), so their int8 files matter most. The same text goes through the fp32 and the int8 files, each in its own worker; ROUGE says how much of the fp32 summary the int8 one repeats (1.00 = the same words).', { id: 'quantize.summary.explain' })}
      </p>
      <div class="row">
        <label>${msg('Hub model', { id: 'quantize.summary.model' })} <input list="summarizers" data-testid="summary-model" .value=${this.modelId} @input=${(e: Event) => (this.modelId = (e.target as HTMLInputElement).value.trim())} /></label>
        <datalist id="summarizers">${catalog.models.filter((m) => m.task === 'summarization').map((m) => html`<option value=${m.id}>${m.title}</option>`)}</datalist>
      </div>
      <textarea aria-label=${msg('Text to summarize', { id: 'quantize.summary.text' })} data-testid="summary-text" maxlength=${MAX_CHARS} placeholder=${msg('Paste a few paragraphs…', { id: 'quantize.summary.placeholder' })} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="row">
        <button class="primary" data-testid="summary-compare" ?disabled=${this.busy} @click=${this.compare}>${msg('Summarize with fp32 and int8', { id: 'quantize.summary.button' })}</button>
        ${this.status ? html`<span role="status">${this.status}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="summary-error">${this.error}</p>` : nothing}
      ${fp32 && int8 ? html`<p data-testid="summary-overlap"><strong>${msg('Overlap of int8 with fp32:', { id: 'quantize.summary.overlap' })}</strong> ${formatRouge(summaryOverlap(fp32, int8))}</p>` : nothing}
      <div class="side">${this.runs.map((run) => this.renderRun(run))}</div>
    `;
  }

  /** "Load 1.2 s · summary 3.4 s · 12.3 tokens/s" */
  private timings(run: SummaryRun): string {
    const load = formatDuration(run.loadMs);
    const summary = formatDuration(run.summarizeMs);
    const speed = tokensPerSecond(run);
    const times = msg(str`Load ${load} · summary ${summary}`, { id: 'quantize.summary.times' });
    if (speed === null) return times;
    const rate = formatNumber(speed, 1);
    return `${times} · ${msg(str`${rate} tokens/s`, { id: 'quantize.summary.speed' })}`;
  }

  private renderRun(run: SummaryRun) {
    return html`<div data-testid="summary-run" data-dtype=${run.dtype}>
      <h3>${run.dtype}</h3>
      <p class="muted">${this.timings(run)}</p>
      <div class="summary">${run.text}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-summary-compare': SummaryCompare;
  }
}
