// The native reference: the same bundled sketch model and input on onnxruntime-node (CPU), timed like the page
// times WASM (p50/p95 per repetition, median over repetitions), for the browser/native ratio.
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { bitmapToInput, rasteriseStrokes, sketchInputShape } from '../src/sketch';
import { findModel, type CatalogFile } from '../src/runtime/catalog';
import type { Dtype } from '../src/runtime/protocol';
import { toQuickDrawStrokes } from '../src/sketch/sketchpad';
import { fullPenDrawing } from '../src/bench/synthetic-pen';
import { summarizeLatencies } from '../src/util/percentile';
import type { Measurement } from '../src/bench/results';
import { SKETCH_DTYPES, SKETCH_MODEL, type BenchSetting } from '../src/bench/settings';
import { figureOf } from '../src/bench/stats';


function modelFile(dtype: Dtype): CatalogFile {
  const file = findModel(SKETCH_MODEL)?.dtypes[dtype]?.files[0];
  if (!file) throw new Error(`The catalog lists no ${dtype} file for ${SKETCH_MODEL}.`);
  return file;
}

export function modelPath(dtype: Dtype): string {
  return `models/${SKETCH_MODEL}/${modelFile(dtype).path}`;
}

/** fp32 file size over int8 file size (from the catalog). */
export function int8SizeRatio(): number {
  return (modelFile('fp32').bytes ?? Number.NaN) / (modelFile('int8').bytes ?? Number.NaN);
}

export async function measureNative(setting: BenchSetting, threadCounts: readonly number[], dtypes: readonly Dtype[] = SKETCH_DTYPES): Promise<Measurement[]> {
  const bitmap = rasteriseStrokes(toQuickDrawStrokes(fullPenDrawing().strokes))!;
  const input = new ort.Tensor('float32', bitmapToInput(bitmap), sketchInputShape());
  const measurements: Measurement[] = [];
  for (const threads of threadCounts) {
    for (const dtype of dtypes) {
      const session = await ort.InferenceSession.create(await readFile(modelPath(dtype)), { intraOpNumThreads: threads, interOpNumThreads: 1 });
      const feeds = { [session.inputNames[0]!]: input };
      for (let i = 0; i < setting.warmupRuns; i++) await session.run(feeds);
      const p50s: number[] = [];
      const p95s: number[] = [];
      for (let rep = 0; rep < setting.repetitions; rep++) {
        const times: number[] = [];
        for (let i = 0; i < setting.latencyRuns; i++) {
          const started = performance.now();
          await session.run(feeds);
          times.push(performance.now() - started);
        }
        const { p50, p95 } = summarizeLatencies(times);
        p50s.push(p50);
        p95s.push(p95);
      }
      await session.release();
      measurements.push({ metric: 'latency-p50-ms', backend: `native-${threads}`, dtype, figure: figureOf(p50s) });
      measurements.push({ metric: 'latency-p95-ms', backend: `native-${threads}`, dtype, figure: figureOf(p95s) });
    }
  }
  return measurements;
}
