// Bar charts of a run: one bar per backend, one colour per dtype, bar height the median (tooltips give the spread).
import type { ChartConfiguration } from 'chart.js';
import { METRICS, backendLabel, formatSpread, type BenchReport, type MetricId } from './results';

const DTYPE_COLOURS: Record<string, string> = { fp32: '#7c9cff', int8: '#2fd27a', fp16: '#f5a524', q4: '#c77dff' };

export function barChart(report: Pick<BenchReport, 'measurements'>, metric: MetricId): ChartConfiguration<'bar'> | undefined {
  const rows = report.measurements.filter((m) => m.metric === metric && m.dtype);
  if (rows.length === 0) return undefined;
  const backends = [...new Set(rows.map((m) => m.backend))];
  const dtypes = [...new Set(rows.map((m) => m.dtype!))];
  const info = METRICS[metric];
  return {
    type: 'bar',
    data: {
      labels: backends.map(backendLabel),
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
              const m = rows.find((r) => backendLabel(r.backend) === item.label && r.dtype === item.dataset.label);
              return m ? `spread ${formatSpread(m.figure)} ${info.unit}, n = ${m.figure.n}` : '';
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: info.unit } } },
    },
  };
}
