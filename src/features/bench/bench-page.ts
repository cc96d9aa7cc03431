/** #/bench — measures this browser and hardware: sketch model loads, latency and live predictions/s per backend. */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../../ui/shared-styles';
import type { SketchPrediction as Guess } from '../../sketch/predictions';
import '../../ui/guess-list';
import '../../ui/lab-chart';
import { sketchClassLabel } from '../../ui/sketch-class-label';
import { modelName } from '../../ui/model-name';
import { barChart } from '../../bench/chart-data';
import { METRICS, compare, markdownReport, variantLabel, variantRows, type BenchReport } from '../../bench/results';
import { runBenchmarks, type BenchStatus } from '../../bench/runner';
import { BACKEND_CHOICES, BENCH_SETTINGS, type BackendChoice, type BenchSetting } from '../../bench/settings';
import { backendChoiceTitle, backendName, chartText, comparisonLine, figureText, metricTitle, noteLine, settingTitle, spreadText, statusText, variantCells } from './bench-text';

@customElement('bench-page')
@localized()
export class BenchPage extends LitElement {
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
      /* Wide tables scroll inside their box on a narrow screen instead of widening the page. */
      .scroll {
        overflow-x: auto;
        margin: 1rem 0;
      }
      th.group {
        padding-top: 0.75rem;
      }
      td.missing {
        color: var(--text-muted);
        font-style: italic;
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
  @property() subroute = '';
  @state() settingName: BenchSetting['name'] = 'standard';
  @state() backendChoice: BackendChoice = 'all';
  @state() running = false;
  @state() status: BenchStatus | undefined;
  /** The message of the error that stopped the run, as thrown (English when it comes from a worker). */
  @state() error: string | undefined;
  @state() report: BenchReport | undefined;
  @state() guesses: readonly Guess[] = [];
  @state() copyState: 'idle' | 'copied' | 'manual' = 'idle';

  private async run(): Promise<void> {
    this.running = true;
    this.error = undefined;
    this.report = undefined;
    this.copyState = 'idle';
    try {
      this.report = await runBenchmarks(BENCH_SETTINGS[this.settingName], this.backendChoice, {
        onStatus: (status) => (this.status = status),
        render: (guesses) => (this.guesses = guesses),
      });
    } catch (error) {
      this.status = undefined;
      this.error = error instanceof Error ? error.message : String(error);
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
      <h1>${msg('Benchmark', { id: 'bench.title' })}</h1>
      <p>
        ${msg(
          'Measures this browser and hardware with the bundled sketch model (fp32 and int8) on every backend available here: load time, raw latency, and live doodle predictions per second while a synthetic pen draws; then both sketch models, the CNN and the transformer, in four variants (fp32, fp16, int8, int4) with the memory each adds; then the extractive summarizer on an 800-word article and the quantizer. Each figure is the median of several repetitions; the spread is shown next to it. Your cached copy of the sketch model is deleted and downloaded again once per repetition to time a cold load.',
          { id: 'bench.intro' },
        )}
      </p>
      <div class="controls">
        <label
          >${msg('Setting', { id: 'bench.setting' })}
          <select data-testid="bench-setting" .value=${this.settingName} ?disabled=${this.running} @change=${(e: Event) => (this.settingName = (e.target as HTMLSelectElement).value as BenchSetting['name'])}>
            ${Object.values(BENCH_SETTINGS).map((s) => html`<option value=${s.name} ?selected=${s.name === this.settingName}>${settingTitle(s)}</option>`)}
          </select></label
        >
        <label
          >${msg('Backends', { id: 'bench.backends' })}
          <select data-testid="bench-backends" .value=${this.backendChoice} ?disabled=${this.running} @change=${(e: Event) => (this.backendChoice = (e.target as HTMLSelectElement).value as BackendChoice)}>
            ${BACKEND_CHOICES.map((value) => html`<option value=${value} ?selected=${value === this.backendChoice}>${backendChoiceTitle(value)}</option>`)}
          </select></label
        >
        <button class="primary" data-testid="bench-run" ?disabled=${this.running} @click=${() => this.run()}>
          ${this.running ? msg('Measuring…', { id: 'bench.measuring' }) : msg('Run benchmark', { id: 'bench.run' })}
        </button>
      </div>
      <p role="status" data-testid="bench-status">${this.status ? statusText(this.status) : ''}</p>
      ${this.error ? html`<p class="error" role="alert">${msg(str`The benchmark stopped: ${this.error}`, { id: 'bench.stopped' })}</p>` : nothing}
      ${this.running
        ? html`<section class="live" aria-label=${msg('Live guesses of the synthetic drawing', { id: 'bench.live' })}>
            <doodle-guess-list .guesses=${this.guesses} .labelText=${sketchClassLabel}></doodle-guess-list>
          </section>`
        : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
    `;
  }

  private backendHeading(): string {
    return msg('Backend', { id: 'bench.col.backend' });
  }

  /** Each model variant, grouped by model: browser p50, onnxruntime-node p50 and the ratio where the CLI added them, memory. */
  private renderVariants(report: BenchReport) {
    const rows = variantRows(report);
    if (rows.length === 0) return nothing;
    const native = rows.some((r) => r.nativeP50 !== undefined);
    return html`<h3>${msg('Model variants', { id: 'bench.variants.title' })}</h3>
      <p>
        ${msg(
          'Each variant runs in a fresh worker. Memory is what the browser reports for the page and its workers after loading and running the variant (WebAssembly memory never shrinks, so it includes the peak), and what it added over the page before any model loaded (the previous variant’s worker is ended first).',
          { id: 'bench.variants.intro' },
        )}
      </p>
      <div class="scroll">
        <table data-testid="bench-variants">
          <thead>
            <tr>
              <th>${msg('Variant', { id: 'bench.col.variant' })}</th>
              <th>${this.backendHeading()}</th>
              <th>p50</th>
              ${native
                ? html`<th>${msg('onnxruntime-node p50', { id: 'bench.col.native-p50' })}</th>
                    <th>${msg('Browser / native', { id: 'bench.col.ratio' })}</th>`
                : nothing}
              <th>${msg('Memory', { id: 'bench.col.memory' })}</th>
              <th>${msg('Memory added', { id: 'bench.col.memory-added' })}</th>
            </tr>
          </thead>
          ${[...new Set(rows.map((r) => r.model))].map(
            (model) => html`<tbody>
              <tr>
                <th class="group" scope="rowgroup" colspan=${native ? 7 : 5}>${modelName(model)}</th>
              </tr>
              ${rows
                .filter((row) => row.model === model)
                .map((row) => {
                  const cells = variantCells(row);
                  return html`<tr data-model=${row.model} data-variant=${row.variant}>
                    <td>${variantLabel(row.variant)}</td>
                    <td>${backendName(row.backend)}</td>
                    <td class="num">${cells.p50}</td>
                    ${native ? html`<td class="num">${cells.nativeP50}</td><td class="num">${cells.ratio}</td>` : nothing}
                    <td class=${row.memoryBytes === undefined ? 'missing' : 'num'}>${cells.memory}</td>
                    <td class=${row.memoryDeltaBytes === undefined ? 'missing' : 'num'}>${cells.memoryAdded}</td>
                  </tr>`;
                })}
            </tbody>`,
          )}
        </table>
      </div>`;
  }

  private renderReport(report: BenchReport) {
    const text = chartText();
    const charts = (['predictions-per-s', 'latency-p50-ms', 'warm-load-ms'] as const).flatMap((metric) => {
      const config = barChart(report, metric, text);
      return config ? [{ title: metricTitle(metric), config }] : [];
    });
    return html`
      <section data-testid="bench-results">
        <h2>${msg('Results', { id: 'bench.results' })}</h2>
        <ul>
          ${[...compare(report).map(comparisonLine), ...report.notes.map(noteLine)].map((line) => html`<li>${line}</li>`)}
        </ul>
        <div class="charts">
          ${charts.map(
            ({ title, config }) => html`<figure>
              <figcaption>${title}</figcaption>
              <quantize-lab-chart .config=${config} label=${title}></quantize-lab-chart>
            </figure>`,
          )}
        </div>
        ${this.renderVariants(report)}
        <div class="scroll"><table>
          <thead>
            <tr>
              <th>${msg('Measurement', { id: 'bench.col.measurement' })}</th>
              <th>${this.backendHeading()}</th>
              <th>dtype</th>
              <th>${msg('Median', { id: 'bench.col.median' })}</th>
              <th>${msg('Min–max', { id: 'bench.col.range' })}</th>
              <th>n</th>
            </tr>
          </thead>
          <tbody>
            ${report.measurements.map(
              (m) => html`<tr>
                <td>${metricTitle(m.metric)}</td>
                <td>${backendName(m.backend)}${m.model || m.detail ? ` (${[m.model && modelName(m.model), m.detail].filter(Boolean).join(', ')})` : ''}</td>
                <td>${m.dtype ?? ''}</td>
                <td class="num">${figureText(m.figure, METRICS[m.metric].unit)}</td>
                <td class="num">${spreadText(m.figure, METRICS[m.metric].unit)}</td>
                <td class="num">${m.figure.n}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>
        <p>
          <button @click=${() => this.copyMarkdown()}>${msg('Copy Markdown table', { id: 'bench.copy' })}</button>
          ${this.copyState === 'copied' ? html`<span role="status">${msg('Copied.', { id: 'bench.copied' })}</span>` : nothing}
        </p>
        ${this.copyState === 'manual'
          ? html`<label>${msg('The clipboard is not available here; select the text and copy it:', { id: 'bench.copy-manual' })}
              <textarea readonly data-testid="bench-markdown" @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}>${markdownReport(report)}</textarea></label>`
          : nothing}
        <details>
          <summary>${msg('Results as JSON', { id: 'bench.json' })}</summary>
          <pre data-testid="bench-json">${JSON.stringify(report, null, 2)}</pre>
        </details>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bench-page': BenchPage;
  }
}
