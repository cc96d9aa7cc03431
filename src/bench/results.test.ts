import { describe, expect, it } from 'vitest';
import { figureOf } from './stats';
import { HEADLINE_KEYS, backendLabel, comparisons, headlineFigures, markdownReport, variantMarkdown, variantRows, type BenchReport, type Measurement } from './results';

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

describe('model variants', () => {
  const v = (metric: Measurement['metric'], backend: string, model: string, variant: Measurement['dtype'], median: number): Measurement => ({
    ...m(metric, backend, median, variant),
    model,
  });
  const variants: BenchReport = {
    ...report,
    measurements: [
      ...report.measurements,
      v('model-p50-ms', 'wasm-1', 'doodle-vit', 'fp32', 2),
      v('model-p50-ms', 'wasm-1', 'doodle-vit', 'int4', 6),
      v('model-p50-ms', 'wasm-1', 'doodle-cnn', 'fp32', 1.5),
      v('model-p50-ms', 'native-1', 'doodle-vit', 'fp32', 0.5),
      v('model-p50-ms', 'native-1', 'doodle-vit', 'int4', 0.4),
      // Another model's native row with the same variant must not be paired with the ViT.
      v('model-p50-ms', 'native-1', 'doodle-cnn', 'int4', 9),
      v('memory-bytes', 'wasm-1', 'doodle-vit', 'fp32', 40_000_000),
      v('memory-delta-bytes', 'wasm-1', 'doodle-vit', 'fp32', 25_000_000),
      v('memory-bytes', 'wasm-1', 'doodle-cnn', 'fp32', 30_000_000),
      v('memory-delta-bytes', 'wasm-1', 'doodle-cnn', 'fp32', -1_500),
    ],
  };

  it('pairs each browser row with onnxruntime-node on the same model, variant and thread count', () => {
    const rows = variantRows(variants);
    expect(rows.map((r) => `${r.model} ${r.variant} ${r.backend}`)).toEqual(['doodle-vit fp32 wasm-1', 'doodle-vit int4 wasm-1', 'doodle-cnn fp32 wasm-1']);
    expect(rows[0]).toMatchObject({ p50: 2, nativeP50: 0.5, ratio: 4, memoryBytes: 40_000_000, memoryDeltaBytes: 25_000_000 });
    expect(rows[1]).toMatchObject({ p50: 6, nativeP50: 0.4, ratio: 15 });
    expect(rows[1]!.memoryBytes).toBeUndefined();
    expect(rows[2]!.nativeP50).toBeUndefined();
  });

  it('writes the variant table with the ratio, memory, and says where the browser reported none', () => {
    const md = markdownReport(variants);
    expect(md).toContain('| doodle-vit | fp32 | WASM · 1 thread | 2.000 | 0.500 | 4.00× | 40.0 MB | +25.0 MB |');
    expect(md).toContain('| doodle-vit | int4 (block 32) | WASM · 1 thread | 6.000 | 0.400 | 15.00× | not reported by this browser | not reported by this browser |');
    expect(md).toContain('| doodle-cnn | fp32 | WASM · 1 thread | 1.500 | — | — | 30.0 MB | −1.5 kB |');
    expect(md).toContain('| Memory after loading and running the variant (measureUserAgentSpecificMemory) | WASM · 1 thread (doodle-vit) | fp32 | 40.0 MB | 36.0 MB to 48.0 MB |');
    expect(md).toContain('| Memory added by the variant (over the page before any model loaded) | WASM · 1 thread (doodle-cnn) | fp32 | −1.5 kB | −1.8 kB to −1.4 kB |');
    expect(variantMarkdown(report)).toBe('');
  });

  it('adds the transformer and memory to the headline without changing the existing figures', () => {
    const before = headlineFigures(report, { int8SizeRatio: 3.77, warmLoadNetworkRequests: 0 });
    const figures = headlineFigures(variants, { int8SizeRatio: 3.77, warmLoadNetworkRequests: 0 });
    for (const key of HEADLINE_KEYS.filter((k) => !k.startsWith('vit_') && !k.startsWith('sketch_memory_'))) expect(figures[key], key).toEqual(before[key]);
    expect(figures.vit_raw_ms_wasm_fp32).toBe(2);
    expect(figures.vit_raw_ms_native_int4).toBe(0.4);
    expect(figures.vit_browser_native_ratio_int4).toBe(15);
    expect(figures.vit_memory_delta_bytes_fp32).toBe(25_000_000);
    expect(figures.vit_memory_delta_bytes_int4).toBeNaN();
    expect(figures.vit_raw_ms_wasm_fp16).toBeNaN();
    expect(figures.sketch_memory_delta_bytes_fp32).toBe(-1_500);
  });
});
