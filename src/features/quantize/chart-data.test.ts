import { describe, expect, it } from 'vitest';
import { classDifferences, latencyCurve } from './chart-data';
import type { VariantResult } from './comparison-table';

const base: Omit<VariantResult, 'name' | 'device' | 'isReference' | 'perClass'> = {
  variantId: 'x', bytes: 1, referenceBytes: 1, firstLoadMs: 1, firstLoadSource: 'cache', reloadMs: 1, latency: { p50: 1, p95: 1, runs: 1 }, timesMs: [], agreement: null, klDivergence: null, accuracy: null, samples: '',
};

describe('chart data', () => {
  it('plots latencies sorted against the share of runs at or below them', () => {
    expect(latencyCurve([3, 1, 2, 4])).toEqual([{ x: 1, y: 0.25 }, { x: 2, y: 0.5 }, { x: 3, y: 0.75 }, { x: 4, y: 1 }]);
  });

  it('gives each candidate’s per-class accuracy change against the reference on the same backend, over labelled classes', () => {
    const results: VariantResult[] = [
      { ...base, name: 'fp32', device: 'wasm', isReference: true, perClass: [{ correct: 4, total: 4 }, { correct: 0, total: 0 }, { correct: 1, total: 2 }] },
      { ...base, name: 'static', device: 'wasm', isReference: false, perClass: [{ correct: 3, total: 4 }, { correct: 0, total: 0 }, { correct: 2, total: 2 }] },
      { ...base, name: 'other backend', device: 'webgpu', isReference: false, perClass: [{ correct: 0, total: 4 }, { correct: 0, total: 0 }, { correct: 0, total: 2 }] },
    ];
    expect(classDifferences(results, ['cat', 'dog', 'eye'])).toEqual({ classes: ['cat', 'eye'], series: [{ key: 'x@wasm', name: 'static (WASM)', points: [-25, 50] }] });
    expect(classDifferences(results.map((r) => ({ ...r, perClass: null })), ['cat']).series).toEqual([]);
  });
});
