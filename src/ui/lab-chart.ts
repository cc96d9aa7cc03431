/** A chart.js canvas that redraws when its `config` changes (the lab's latency and per-class charts). */
import { LitElement, css, html } from 'lit';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, ScatterController, LineElement, PointElement, Legend, Tooltip);

export class LabChart extends LitElement {
  static override properties = { config: { attribute: false }, label: {} };
  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: 260px;
    }
  `;
  declare config: ChartConfiguration | undefined;
  declare label: string;
  private chart: Chart | undefined;

  constructor() {
    super();
    this.label = '';
  }

  override render() {
    return html`<canvas role="img" aria-label=${this.label}></canvas>`;
  }

  override updated(): void {
    this.chart?.destroy();
    this.chart = undefined;
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas && this.config) this.chart = new Chart(canvas, this.themed(this.config));
  }

  /** Text and grid in the page's theme colours (CSS variables), so the charts read in light and dark mode. */
  private themed(config: ChartConfiguration): ChartConfiguration {
    const style = getComputedStyle(this);
    const text = style.getPropertyValue('--text-muted').trim() || '#555';
    const grid = style.getPropertyValue('--border').trim() || '#ddd';
    const scales = Object.fromEntries(
      Object.entries(config.options?.scales ?? {}).map(([id, scale]) => [
        id,
        { ...scale, ticks: { ...scale?.ticks, color: text }, grid: { ...scale?.grid, color: grid }, title: { ...(scale as { title?: object })?.title, color: text } },
      ]),
    );
    return { ...config, options: { ...config.options, color: text, scales } } as ChartConfiguration;
  }

  override disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }
}

customElements.define('quantize-lab-chart', LabChart);
