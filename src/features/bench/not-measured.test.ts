// A backend that did not run leaves a zero, NaN or no figure at all: no text the benchmark writes (the page, the
// Markdown report, the CLI's headline table) may then say "Infinity× faster" or "NaN".
import { describe, expect, it } from 'vitest';
import { inJapanese } from '../../i18n/testing/in-japanese';
import { compare, comparisons, headlineFigures, headlineMarkdown, markdownReport, METRICS, variantRows, type BenchReport, type Measurement } from '../../bench/results';
import { MODEL_VARIANTS, VARIANT_MODELS } from '../../bench/settings';
import { seededRandom } from '../../util/prng';
import { comparisonLine, figureText, spreadText, variantCells } from './bench-text';

const BACKENDS = ['wasm-1', 'wasm-2', 'native-1', 'native-2', 'webgpu'];
const SKETCH_METRICS = ['latency-p50-ms', 'predictions-per-s', 'cold-load-ms', 'warm-load-ms'] as const;

/** A report whose every figure is, at random, measured, zero, NaN or missing (its row left out). */
function report(seed: number): BenchReport {
  const random = seededRandom(seed);
  const measurements: Measurement[] = [];
  const add = (row: Omit<Measurement, 'figure'>, typical: number) => {
    const pick = random();
    if (pick < 0.2) return;
    const v = pick < 0.4 ? 0 : pick < 0.55 ? Number.NaN : typical * (0.5 + random());
    measurements.push({ ...row, figure: { median: v, min: v * 0.9, max: v * 1.1, q1: v * 0.95, q3: v * 1.05, n: Number.isNaN(v) ? 0 : 5 } });
  };
  for (const backend of BACKENDS) {
    for (const dtype of ['fp32', 'int8'] as const) for (const metric of SKETCH_METRICS) add({ metric, backend, dtype }, metric === 'predictions-per-s' ? 300 : 5);
    for (const model of VARIANT_MODELS) {
      for (const variant of MODEL_VARIANTS) {
        add({ metric: 'model-p50-ms', backend, model, dtype: variant }, 3);
        add({ metric: 'memory-delta-bytes', backend, model, dtype: variant }, 4e6);
      }
    }
  }
  add({ metric: 'extractive-ms', backend: 'summarize-worker' }, 12);
  return {
    startedAt: '2026-11-30T00:00:00.000Z',
    finishedAt: '2026-11-30T00:01:00.000Z',
    setting: 'quick',
    environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true, gpu: null, sketchWasmThreads: 2 },
    measurements,
    notes: [],
  };
}

const REPORTS = Array.from({ length: 120 }, (_, seed) => report(seed + 1));

/** The page's words for a report: comparison lines, every figure and spread, the variant table's cells. */
function pageTexts(r: BenchReport): string[] {
  return [
    ...compare(r).map(comparisonLine),
    ...r.measurements.flatMap((m) => [figureText(m.figure, METRICS[m.metric].unit), spreadText(m.figure, METRICS[m.metric].unit)]),
    ...variantRows(r).flatMap((row) => Object.values(variantCells(row))),
  ];
}

// The page's number format writes '—' for a number that is not finite: '—× faster' is the same fault in other words.
const NOT_A_NUMBER = /Infinity|NaN|∞|—×/;

describe('a benchmark with figures not measured', () => {
  it('writes no Infinity or NaN in the Markdown report or the headline table, for every generated report', () => {
    for (const r of REPORTS) {
      const markdown = markdownReport(r);
      expect(markdown, markdown).not.toMatch(NOT_A_NUMBER);
      const headline = headlineMarkdown(headlineFigures(r, { int8SizeRatio: Number.NaN, warmLoadNetworkRequests: 0 }));
      expect(headline, headline).not.toMatch(NOT_A_NUMBER);
    }
    // Measured pairs are still compared, and a headline figure over a missing one says so.
    expect(REPORTS.flatMap(comparisons).some((line) => /\d× faster/.test(line))).toBe(true);
    expect(headlineMarkdown({ browser_native_ratio: Number.NaN, wasm_threads: 2 })).toContain('| browser_native_ratio | not measured |');
  });

  it('writes no Infinity or NaN on the page, in English or Japanese, for every generated report', async () => {
    for (const r of REPORTS) for (const text of pageTexts(r)) expect(text, text).not.toMatch(NOT_A_NUMBER);
    const japanese: string[] = [];
    await inJapanese(() => {
      for (const r of REPORTS) japanese.push(...pageTexts(r));
    });
    for (const text of japanese) expect(text, text).not.toMatch(NOT_A_NUMBER);
  });

  it('compares only figures that were measured: a backend at 0 predictions/s is never "faster" or "slower"', () => {
    for (const r of REPORTS) {
      for (const c of compare(r)) {
        for (const side of [c.winner, c.loser]) expect(side.figure.median, JSON.stringify(side)).toBeGreaterThan(0);
        expect(Number.isFinite(c.ratio)).toBe(true);
      }
    }
  });
});
