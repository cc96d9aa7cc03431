import { describe, expect, it } from 'vitest';
import { figureOf } from './stats';
import { HEADLINE_KEYS, backendLabel, comparisons, headlineFigures, markdownReport, type BenchReport, type Measurement } from './results';

const m = (metric: Measurement['metric'], backend: string, median: number, dtype?: Measurement['dtype']): Measurement => ({
  metric,
  backend,
  dtype,
  figure: figureOf([median * 0.9, median, median * 1.2]),
});

const report: BenchReport = {
  startedAt: '2026-11-24T00:00:00.000Z',
  finishedAt: '2026-11-24T00:01:00.000Z',
  setting: 'quick',
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true, gpu: null, sketchWasmThreads: 2 },
  measurements: [
    m('latency-p50-ms', 'wasm-1', 3, 'fp32'),
    m('latency-p50-ms', 'wasm-2', 2, 'fp32'),
    m('latency-p50-ms', 'wasm-2', 1, 'int8'),
    m('latency-p50-ms', 'native-2', 0.5, 'fp32'),
    m('predictions-per-s', 'wasm-2', 400, 'fp32'),
    m('predictions-per-s', 'wasm-2', 500, 'int8'),
    m('cold-load-ms', 'wasm-2', 90, 'fp32'),
    m('warm-load-ms', 'wasm-2', 40, 'fp32'),
    m('runtime-start-ms', 'wasm-2', 700, 'fp32'),
    m('extractive-ms', 'summarize-worker', 12),
    m('quantize-ms', 'static', 800),
  ],
  notes: [{ code: 'no-webgpu' }, { code: 'part-failed', part: 'sketch', backend: 'webgpu', message: 'device lost' }],
};

describe('headlineFigures', () => {
  it('reads the widest WASM backend and compares it with native at the same thread count', () => {
    const figures = headlineFigures(report, { int8SizeRatio: 3.77, warmLoadNetworkRequests: 0 });
    expect(Object.keys(figures).sort()).toEqual([...HEADLINE_KEYS].sort());
    expect(figures.sketch_raw_ms_wasm_fp32).toBe(2);
    expect(figures.browser_native_ratio).toBe(4);
    expect(figures.int8_fp32_speed_ratio_wasm).toBe(2);
    expect(figures.sketch_pps_wasm_int8).toBe(500);
  });

  it('uses the thread count the app picks for the model, and reports every thread apart', () => {
    const oneThread: BenchReport = {
      ...report,
      environment: { ...report.environment, sketchWasmThreads: 1 },
      measurements: [...report.measurements, m('predictions-per-s', 'wasm-1', 600, 'fp32'), m('latency-p50-ms', 'native-1', 0.6, 'fp32')],
    };
    const figures = headlineFigures(oneThread, { int8SizeRatio: 3.77, warmLoadNetworkRequests: 0 });
    expect(figures.wasm_threads).toBe(1);
    expect(figures.sketch_pps_wasm_fp32).toBe(600);
    expect(figures.sketch_pps_wasm_fp32_max_threads).toBe(400);
    expect(figures.browser_native_ratio).toBeCloseTo(5, 6);
  });

  it('leaves a figure that was not measured as NaN rather than inventing one', () => {
    const figures = headlineFigures({ ...report, measurements: [] }, { int8SizeRatio: 3.77, warmLoadNetworkRequests: 0 });
    expect(figures.sketch_pps_wasm_fp32).toBeNaN();
  });
});

describe('comparisons and Markdown', () => {
  it('says which backend and dtype is how many times faster', () => {
    const lines = comparisons(report);
    expect(lines).toContain('onnxruntime-node · 2 threads fp32 is 4.0× faster than WASM · 2 threads fp32 (raw latency p50, fp32).');
    expect(lines).toContain('WASM · 2 threads int8 is 2.0× faster than WASM · 2 threads fp32 (raw latency p50, int8 vs fp32).');
    expect(lines).toContain('WASM · 2 threads int8 is 1.3× faster than WASM · 2 threads fp32 (doodle predictions/s, int8 vs fp32).');
    const tie = comparisons({ measurements: [m('latency-p50-ms', 'wasm-1', 1.0, 'fp32'), m('latency-p50-ms', 'wasm-2', 1.02, 'fp32')] });
    expect(tie).toEqual(['WASM · 1 thread fp32 and WASM · 2 threads fp32 are about as fast (raw latency p50, fp32).']);
  });

  it('writes one table row per measurement with median and spread, then the notes', () => {
    const md = markdownReport(report);
    expect(md.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(report.measurements.length + 2);
    expect(md).toContain('| Raw inference latency p50 (session run, timed in the worker) | WASM · 1 thread | fp32 | 3.00 ms | 2.70–3.60 |');
    expect(md).toContain('- This browser offers no WebGPU adapter, so WebGPU was not measured.');
    expect(md).toContain('- The sketch model on webgpu could not be measured: device lost');
    expect(backendLabel('native-1')).toBe('onnxruntime-node · 1 thread');
  });
});
