import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatKl, formatRatio, tableRows, type VariantResult } from './comparison-table';

function result(overrides: Partial<VariantResult>): VariantResult {
  return {
    variantId: 'v',
    name: 'v',
    device: 'wasm',
    isReference: false,
    bytes: 200_000,
    referenceBytes: 750_000,
    firstLoadMs: 812.3,
    firstLoadSource: 'network',
    reloadMs: 14.56,
    latency: { p50: 1.234, p95: 2.5, runs: 10 },
    timesMs: [],
    agreement: 0.9987,
    klDivergence: 0.00012,
    accuracy: 0.9457,
    perClass: null,
    samples: '10 drawings',
    ...overrides,
  };
}

describe('comparison table', () => {
  it('formats size ratios, shares and divergences for reading', () => {
    expect(formatRatio(750_637, 193_457)).toBe('3.88×');
    expect(formatRatio(1, 0)).toBe('—');
    expect(formatKl(0.00012)).toBe('1.2e-4');
    expect(formatKl(0.01234)).toBe('0.0123');
    expect(formatKl(null)).toBe('—');
    expect(formatAccuracy(0.9457)).toBe('94.6%');
  });

  it('puts the reference first on each backend, WASM before WebGPU, and marks it as the reference', () => {
    const rows = tableRows([
      result({ variantId: 'q', name: 'static int8', device: 'webgpu' }),
      result({ variantId: 'f', name: 'fp32', isReference: true, bytes: 750_000, device: 'webgpu', firstLoadSource: 'cache' }),
      result({ variantId: 'q', name: 'static int8' }),
      result({ variantId: 'f', name: 'fp32', isReference: true, bytes: 750_000 }),
    ]);
    expect(rows.map((r) => `${r.name}@${r.backend}`)).toEqual(['fp32@WASM', 'static int8@WASM', 'fp32@WebGPU', 'static int8@WebGPU']);
    expect(rows[0]).toMatchObject({ smaller: '1.00×', agreement: 'reference', kl: 'reference', size: '750 kB' });
    expect(rows[1]).toMatchObject({ smaller: '3.75×', agreement: '0.999', kl: '1.2e-4', p50: '1.23 ms', p95: '2.50 ms', firstLoad: '812.3 ms', firstLoadSource: 'downloaded', reload: '14.6 ms', accuracy: '94.6%' });
    expect(rows[2]!.firstLoadSource).toBe('from cache');
  });
});
