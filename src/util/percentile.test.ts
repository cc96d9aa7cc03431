import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies } from './percentile';

describe('percentiles', () => {
  it('interpolates between ranks like NumPy', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 95)).toBeCloseTo(48, 12); // rank 3.8 → 40 + 0.8 × 10
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile([3, 1, 2], 25)).toBe(1.5);
  });

  it('summarises latencies as p50 and p95', () => {
    const runs = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(summarizeLatencies(runs)).toEqual({ p50: 50, p95: 95, runs: 101 });
  });

  it('refuses an empty list', () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
  });
});
