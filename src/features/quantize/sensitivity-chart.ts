/**
 * What the per-layer sensitivity section shows, from `layerSensitivity`'s result (pure): bar data and the two chart.js
 * configurations (horizontal bars, one per layer, most sensitive at the top), and the table's text.
 */
import type { ChartConfiguration } from 'chart.js';
import { msg } from '@lit/localize';
import type { LayerSensitivity } from '../../quantize/sensitivity';
import { formatNumber } from '../../ui/format';
import { formatKl, formatShare } from './comparison-table';

export interface SensitivityBars {
  /** Short layer names, in the order given (most sensitive first). */
  labels: string[];
  /** Percentage of drawings whose top class changed when the layer alone was quantized: 100 · (1 − agreement). */
  changedPercent: number[];
  /** Output SQNR in dB; null where the output did not change at all (infinite SQNR: no bar). */
  sqnrDb: (number | null)[];
}

/**
 * A layer's name as a chart label: "/features/features.0/Conv" → "features.0", "/blocks/blocks.1/attn/q/MatMul" →
 * "blocks.1/attn/q" (PyTorch's exporter names a node by its module path, each module once as the prefix of its
 * child, then the operator). The table keeps the full name.
 */
export function shortLayerName(layer: string, op: string): string {
  const parts = layer.replace(/^\/+/, '').split('/');
  if (parts.length > 1 && parts[parts.length - 1] === op) parts.pop();
  const kept = parts.filter((part, i) => !(i + 1 < parts.length && parts[i + 1]!.startsWith(`${part}.`)));
  return kept.join('/') || layer;
}

/**
 * Bars in the order of `layers` (`layerSensitivity` returns them most sensitive first), labelled by short name, or by
 * the full name where two layers would share a short one.
 */
export function sensitivityBars(layers: readonly LayerSensitivity[]): SensitivityBars {
  const short = layers.map((l) => shortLayerName(l.layer, l.op));
  return {
    labels: short.map((name, i) => (short.indexOf(name) === short.lastIndexOf(name) ? name : layers[i]!.layer)),
    changedPercent: layers.map((l) => Math.round((1 - l.agreement) * 1e6) / 1e4),
    sqnrDb: layers.map((l) => (Number.isFinite(l.sqnrDb) ? Math.round(l.sqnrDb * 10) / 10 : null)),
  };
}

export interface SensitivityRow {
  layer: string;
  op: string;
  agreement: string;
  kl: string;
  sqnr: string;
}

/** The table's cells, in the order of `layers`: agreement "0.998", KL as the comparison table writes it, "31.4 dB". */
export function sensitivityRows(layers: readonly LayerSensitivity[]): SensitivityRow[] {
  return layers.map((l) => ({
    layer: l.layer,
    op: l.op,
    agreement: formatShare(l.agreement),
    kl: formatKl(l.klDivergence),
    sqnr: Number.isFinite(l.sqnrDb) ? `${formatNumber(l.sqnrDb, 1)} dB` : msg('unchanged', { id: 'quantize.sensitivity.sqnrExact' }),
  }));
}

/** Pixels a horizontal bar chart needs for `count` bars (the chart element's height is set from it). */
export function barChartHeight(count: number): number {
  return 70 + 24 * Math.max(1, count);
}

function horizontalBars(labels: string[], data: (number | null)[], colour: string, axisTitle: string, max?: number): ChartConfiguration {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label: axisTitle, data, backgroundColor: colour }] },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { min: 0, ...(max === undefined ? {} : { suggestedMax: max }), title: { display: true, text: axisTitle } } },
    },
  } as ChartConfiguration;
}

/** Share of drawings whose answer changed per layer, in percent (longer bar = more sensitive). */
export function changedChart(bars: SensitivityBars): ChartConfiguration {
  return horizontalBars(bars.labels, bars.changedPercent, '#b3261e', msg('drawings whose top class changed (%)', { id: 'quantize.sensitivity.changedAxis' }), 1);
}

/** Output SQNR per layer in dB (shorter bar = more noise = more sensitive). */
export function sqnrChart(bars: SensitivityBars): ChartConfiguration {
  return horizontalBars(bars.labels, bars.sqnrDb, '#2f5bd3', msg('output SQNR (dB, higher is closer to fp32)', { id: 'quantize.sensitivity.sqnrAxis' }));
}
