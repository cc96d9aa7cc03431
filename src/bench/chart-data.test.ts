import { describe, expect, it } from 'vitest';
import { barChart } from './chart-data';
import { figureOf } from './stats';
import type { Measurement } from './results';

const row = (backend: string, dtype: 'fp32' | 'int8', median: number): Measurement => ({
  metric: 'predictions-per-s',
  backend,
  dtype,
  figure: figureOf([median]),
});

describe('barChart', () => {
  it('draws one bar per backend in one series per dtype, with a gap where a pair was not measured', () => {
    const config = barChart({ measurements: [row('wasm-1', 'fp32', 200), row('wasm-2', 'fp32', 350), row('wasm-2', 'int8', 400)] }, 'predictions-per-s')!;
    expect(config.data.labels).toEqual(['WASM · 1 thread', 'WASM · 2 threads']);
    expect(config.data.datasets.map((d) => d.label)).toEqual(['fp32', 'int8']);
    expect(config.data.datasets[1]!.data).toEqual([Number.NaN, 400]);
  });

  it('has no chart for a metric the run did not measure', () => {
    expect(barChart({ measurements: [] }, 'latency-p50-ms')).toBeUndefined();
  });
});
