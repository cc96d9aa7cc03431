/** #/bench — measures this browser and hardware: sketch model loads, latency and live predictions/s per backend. */
import { LitElement, css, html, nothing } from 'lit';
import { controlStyles } from '../../ui/shared-styles';
import type { SketchPrediction as Guess } from '../../sketch/predictions';
import '../../ui/guess-list';
import '../../ui/lab-chart';
import { barChart } from '../../bench/chart-data';
import { METRICS, backendLabel, comparisons, formatFigure, formatSpread, markdownReport, type BenchReport } from '../../bench/results';
import { runBenchmarks } from '../../bench/runner';
import { BACKEND_CHOICES, BENCH_SETTINGS, type BackendChoice, type BenchSetting } from '../../bench/settings';

export class BenchPage extends LitElement {
  static override properties = {
    subroute: {},
    settingName: { state: true },
    backendChoice: { state: true },
    running: { state: true },
    status: { state: true },
    error: { state: true },
    report: { state: true },
    guesses: { state: true },
    copyState: { state: true },
  };
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 1100px;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin: 1rem 0;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.9rem;
      }
      .live {
        display: grid;
        grid-template-columns: minmax(0, 320px);
        margin: 1rem 0;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-size: 0.85rem;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
        gap: 1rem;
        margin: 1rem 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid var(--border);
      }
      td.num {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .error {
        color: var(--danger);
      }
      textarea {
        width: 100%;
        min-height: 12rem;
        font-family: ui-monospace, monospace;
        font-size: 0.8rem;
      }
      pre {
        overflow: auto;
        max-height: 20rem;
        font-size: 0.8rem;
      }
    `,
  ];
  declare subroute: string;
  declare settingName: BenchSetting['name'];
  declare backendChoice: BackendChoice;
  declare running: boolean;
  declare status: string;
  declare error: string;
  declare report: BenchReport | undefined;
  declare guesses: readonly Guess[];
  declare copyState: 'idle' | 'copied' | 'manual';

  constructor() {
    super();
    this.subroute = '';
    this.settingName = 'standard';
    this.backendChoice = 'all';
    this.running = false;
    this.status = '';
    this.error = '';
    this.guesses = [];
    this.copyState = 'idle';
  }

  private async run(): Promise<void> {
    this.running = true;
    this.error = '';
    this.report = undefined;
    this.copyState = 'idle';
    try {
      this.report = await runBenchmarks(BENCH_SETTINGS[this.settingName], this.backendChoice, {
        onStatus: (text) => (this.status = text),
        render: (guesses) => (this.guesses = guesses),
      });
    } catch (error) {
      this.status = '';
      this.error = `The benchmark stopped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.running = false;
    }
  }

  private async copyMarkdown(): Promise<void> {
    if (!this.report) return;
    try {
      await navigator.clipboard.writeText(markdownReport(this.report));
      this.copyState = 'copied';
    } catch {
      // No clipboard permission (or no clipboard API): show the text to select and copy by hand.
      this.copyState = 'manual';
    }
  }

  override render() {
    return html`
      <h1>Benchmark</h1>
      <p>
        Measures this browser and hardware with the bundled sketch model (fp32 and int8) on every backend available
        here: load time, raw latency, and live doodle predictions per second while a synthetic pen draws; then the
        extractive summarizer on an 800-word article and the quantizer. Each figure is the median of several
        repetitions; the spread is shown next to it. Your cached copy of the sketch model is deleted and downloaded
        again once per repetition to time a cold load.
      </p>
      <div class="controls">
        <label
          >Setting
          <select .value=${this.settingName} ?disabled=${this.running} @change=${(e: Event) => (this.settingName = (e.target as HTMLSelectElement).value as BenchSetting['name'])}>
            ${Object.values(BENCH_SETTINGS).map((s) => html`<option value=${s.name} ?selected=${s.name === this.settingName}>${s.title}</option>`)}
          </select></label
        >
        <label
          >Backends
          <select .value=${this.backendChoice} ?disabled=${this.running} @change=${(e: Event) => (this.backendChoice = (e.target as HTMLSelectElement).value as BackendChoice)}>
            ${Object.entries(BACKEND_CHOICES).map(([value, title]) => html`<option value=${value} ?selected=${value === this.backendChoice}>${title}</option>`)}
          </select></label
        >
        <button class="primary" ?disabled=${this.running} @click=${() => this.run()}>${this.running ? 'Measuring…' : 'Run benchmark'}</button>
      </div>
      <p role="status" data-testid="bench-status">${this.status}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.running
        ? html`<section class="live" aria-label="Live guesses of the synthetic drawing"><doodle-guess-list .guesses=${this.guesses}></doodle-guess-list></section>`
        : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
    `;
  }

  private renderReport(report: BenchReport) {
    const charts = (['predictions-per-s', 'latency-p50-ms', 'warm-load-ms'] as const).flatMap((metric) => {
      const config = barChart(report, metric);
      return config ? [{ title: METRICS[metric].title, config }] : [];
    });
    return html`
      <section data-testid="bench-results">
        <h2>Results</h2>
        <ul>
          ${[...comparisons(report), ...report.notes].map((line) => html`<li>${line}</li>`)}
        </ul>
        <div class="charts">
          ${charts.map(
            ({ title, config }) => html`<figure>
              <figcaption>${title}</figcaption>
              <quantize-lab-chart .config=${config} label=${title}></quantize-lab-chart>
            </figure>`,
          )}
        </div>
        <table>
          <thead>
            <tr><th>Measurement</th><th>Backend</th><th>dtype</th><th>Median</th><th>Min–max</th><th>n</th></tr>
          </thead>
          <tbody>
            ${report.measurements.map(
              (m) => html`<tr>
                <td>${METRICS[m.metric].title}</td>
                <td>${backendLabel(m.backend)}${m.detail ? ` (${m.detail})` : ''}</td>
                <td>${m.dtype ?? ''}</td>
                <td class="num">${formatFigure(m.figure, METRICS[m.metric].unit)}</td>
                <td class="num">${formatSpread(m.figure)}</td>
                <td class="num">${m.figure.n}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        <p>
          <button @click=${() => this.copyMarkdown()}>Copy Markdown table</button>
          ${this.copyState === 'copied' ? html`<span role="status">Copied.</span>` : nothing}
        </p>
        ${this.copyState === 'manual'
          ? html`<label>The clipboard is not available here; select the text and copy it:
              <textarea readonly data-testid="bench-markdown" @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}>${markdownReport(report)}</textarea></label>`
          : nothing}
        <details>
          <summary>Results as JSON</summary>
          <pre data-testid="bench-json">${JSON.stringify(report, null, 2)}</pre>
        </details>
      </section>
    `;
  }
}

customElements.define('bench-page', BenchPage);

declare global {
  interface HTMLElementTagNameMap {
    'bench-page': BenchPage;
  }
}
