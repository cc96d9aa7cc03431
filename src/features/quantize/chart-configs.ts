/** chart.js configurations of the lab's two charts, from the results (axis titles in the interface language). */
import type { ChartConfiguration } from 'chart.js';
import { msg } from '@lit/localize';
import { latencyCurve, type ClassDifferences } from './chart-data';
import { backendName, resultKey, type VariantResult } from './comparison-table';

const CHART_COLOURS = ['#2f5bd3', '#d9822b', '#17794a', '#b3261e', '#7b4bb7', '#0f8b8d'];

/** One colour per result (by its place in `results`), the same in both charts. */
export function colourOf(results: readonly VariantResult[], key: string): string {
  const index = results.findIndex((r) => resultKey(r) === key);
  return CHART_COLOURS[Math.max(0, index) % CHART_COLOURS.length]!;
}

/** Each result's latency distribution: share of runs at or below x ms, x on a log scale. */
export function latencyChart(results: readonly VariantResult[]): ChartConfiguration {
  return {
    type: 'scatter',
    data: {
      datasets: results.map((r) => ({
        label: `${r.name} (${backendName(r.device)})`,
        data: latencyCurve(r.timesMs),
        showLine: true,
        pointRadius: 0,
        borderWidth: 2,
        borderColor: colourOf(results, resultKey(r)),
        backgroundColor: colourOf(results, resultKey(r)),
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'logarithmic', title: { display: true, text: msg('ms per run (log scale)', { id: 'quantize.chart.latencyX' }) } },
        y: { min: 0, max: 1, title: { display: true, text: msg('share of runs ≤ x', { id: 'quantize.chart.latencyY' }) } },
      },
    },
  } as ChartConfiguration;
}

/** Per-class accuracy change of each candidate against fp32, in percentage points. */
export function classChart(results: readonly VariantResult[], diff: ClassDifferences): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: diff.classes,
      datasets: diff.series.map((s) => ({ label: s.name, data: s.points, backgroundColor: colourOf(results, s.key) })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { title: { display: true, text: msg('accuracy change vs fp32 (points)', { id: 'quantize.chart.classY' }) }, suggestedMin: -5, suggestedMax: 5 } },
    },
  } as ChartConfiguration;
}
