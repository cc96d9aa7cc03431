// Bar charts of a run: one bar per backend, one colour per dtype, bar height the median (tooltips give the spread).
import type { ChartConfiguration } from 'chart.js';
import { METRICS, backendLabel, formatSpread, type BackendId, type BenchReport, type MetricId } from './results';
import type { Figure } from './stats';

/** The words a chart shows: backend names and the tooltip's spread line (English by default; the page passes its language's). */
export interface ChartText {
  backend: (backend: BackendId) => string;
  spread: (figure: Figure, unit: string) => string;
}

const ENGLISH: ChartText = {
  backend: backendLabel,
  spread: (figure, unit) => `spread ${formatSpread(figure)} ${unit}, n = ${figure.n}`,
};

const DTYPE_COLOURS: Record<string, string> = { fp32: '#7c9cff', int8: '#2fd27a', fp16: '#f5a524', q4: '#c77dff' };

export function barChart(report: Pick<BenchReport, 'measurements'>, metric: MetricId, text: ChartText = ENGLISH): ChartConfiguration<'bar'> | undefined {
  const rows = report.measurements.filter((m) => m.metric === metric && m.dtype);
  if (rows.length === 0) return undefined;
  const backends = [...new Set(rows.map((m) => m.backend))];
  const dtypes = [...new Set(rows.map((m) => m.dtype!))];
  const info = METRICS[metric];
  return {
    type: 'bar',
    data: {
      labels: backends.map(text.backend),
      datasets: dtypes.map((dtype) => ({
        label: dtype,
        backgroundColor: DTYPE_COLOURS[dtype] ?? '#999',
        data: backends.map((b) => rows.find((m) => m.backend === b && m.dtype === dtype)?.figure.median ?? Number.NaN),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        tooltip: {
          callbacks: {
            footer: (items) => {
              const item = items[0];
              if (!item) return '';
              const m = rows.find((r) => text.backend(r.backend) === item.label && r.dtype === item.dataset.label);
              return m ? text.spread(m.figure, info.unit) : '';
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: info.unit } } },
    },
  };
}
