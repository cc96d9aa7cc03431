// The native reference: the same bundled sketch model and input on onnxruntime-node (CPU), timed like the page
// times WASM (p50/p95 per repetition, median over repetitions), for the browser/native ratio.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { bitmapToInput, rasteriseStrokes, sketchInputShape } from '../src/sketch';
import { findModel, type CatalogFile } from '../src/runtime/catalog';
import type { Dtype } from '../src/runtime/protocol';
import { toQuickDrawStrokes } from '../src/sketch/sketchpad';
import { fullPenDrawing } from '../src/bench/synthetic-pen';
import { summarizeLatencies } from '../src/util/percentile';
import type { Measurement, VariantFile } from '../src/bench/results';
import { MODEL_VARIANTS, SKETCH_DTYPES, SKETCH_MODEL, VARIANT_MODELS, type BenchSetting } from '../src/bench/settings';
import { variantBytes, type VariantSource } from '../src/bench/model-variants';
import { quantizeModel } from '../src/quantize';
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

/** Model files from models/ (read when called: the files may be re-exported between runs), variants by our quantizer. */
export const nodeVariantSource = (modelId: string): VariantSource => ({
  read: async (path) => new Uint8Array(await readFile(`models/${modelId}/${path}`)),
  quantize: async (fp32, options) => (await quantizeModel(fp32, options)).bytes,
});

/** p50s and p95s (ms) of single-drawing runs of `model`, per repetition, as the page times them. */
async function timeSession(model: Uint8Array, threads: number, setting: BenchSetting): Promise<{ p50s: number[]; p95s: number[] }> {
  const bitmap = rasteriseStrokes(toQuickDrawStrokes(fullPenDrawing().strokes))!;
  const input = new ort.Tensor('float32', bitmapToInput(bitmap), sketchInputShape());
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads, interOpNumThreads: 1 });
  try {
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
    return { p50s, p95s };
  } finally {
    await session.release();
  }
}

export async function measureNative(setting: BenchSetting, threadCounts: readonly number[], dtypes: readonly Dtype[] = SKETCH_DTYPES): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const threads of threadCounts) {
    for (const dtype of dtypes) {
      const { p50s, p95s } = await timeSession(await readFile(modelPath(dtype)), threads, setting);
      measurements.push({ metric: 'latency-p50-ms', backend: `native-${threads}`, dtype, figure: figureOf(p50s) });
      measurements.push({ metric: 'latency-p95-ms', backend: `native-${threads}`, dtype, figure: figureOf(p95s) });
    }
  }
  return measurements;
}

/**
 * Both sketch models in every variant on onnxruntime-node at each thread count: 'model-p50-ms' rows for the
 * browser/native ratio, and the files timed (to check that the page timed the same bytes).
 */
export async function measureNativeVariants(setting: BenchSetting, threadCounts: readonly number[]): Promise<{ measurements: Measurement[]; files: VariantFile[] }> {
  const measurements: Measurement[] = [];
  const files: VariantFile[] = [];
  for (const model of VARIANT_MODELS) {
    for (const variant of MODEL_VARIANTS) {
      const bytes = await variantBytes(model, variant, nodeVariantSource(model));
      files.push({ model, variant, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
      for (const threads of threadCounts) {
        const { p50s } = await timeSession(bytes, threads, setting);
        measurements.push({ metric: 'model-p50-ms', backend: `native-${threads}`, dtype: variant, model, figure: figureOf(p50s) });
      }
    }
  }
  return { measurements, files };
}
