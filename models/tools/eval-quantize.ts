/**
 * Quantizes a bundled sketch classifier with every method of the project's quantizer (src/quantize) at fixed
 * settings (listed in VARIANTS and in the printed table) and scores each variant on labelled Quick, Draw! bitmaps.
 *
 *   npm run eval:quantize -- --data <dir of <class>.npy> [--from-row K] [--model <catalog id | model folder>] [--json]
 *       [--calibration-rows 16] [--search-rows 64] [--train-data ../shared/data/quickdraw/train] [--timing 200]
 *       [--mixed-confidence 0.95 | 0.9 | 0.99 | none]   (none: mixed-auto stops where the search rows' agreement itself reaches 0.99)
 *       [--variants <key,key,…>]   (default: all; e.g. int8-static,int8-static-smoothquant)
 *
 * With --from-row K, calibration uses the first --calibration-rows rows of each class below K, mixed-auto's search
 * the first --search-rows rows below K, and evaluation the rows from K on; without it, both use the first rows of
 * each class of --train-data and evaluation all of --data. Every variant is self-checked in onnxruntime-node before it is scored.
 * Per variant: held-out top-1, top-1 agreement with fp32, file bytes, p50 of one single-drawing inference in
 * onnxruntime-node (1 thread). --json ends the output with one line:
 *   {"model","n","fp32":{"top1","bytes","p50_ms_native"},"variants":{"<method>":{"top1","agreement","bytes","p50_ms_native"}},"unavailable":{…}}
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { DEFAULT_MIN_CALIBRATION_SAMPLES, mixedPrecision, ortCalibration, ortModelRunner, quantizeModel, type CalibrationMethod, type MixedPrecisionResult, type QuantizeOptions } from '../../src/quantize';
import type { WilsonConfidence } from '../../src/quantize/sensitivity';
import { top1Agreement } from '../../src/quantize/metrics';
import { labelsFromConfig } from '../../src/sketch/predictions';
import { SKETCH_INPUT_SPEC } from '../../src/sketch/input-spec';
import { parseCatalog } from '../../src/runtime/catalog';
import type { TensorMap } from '../../src/types/tensor';
import { bitmapSamples, loadBitmapFolder } from './sketch-data';
import { classifyBatch, medianSingleInferenceMs, sketchModelFromBytes } from './sketch-onnx';

const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF_CHECK_SAMPLES = 8;
const PIXELS = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;
const MIXED_TARGET = 0.99;
/**
 * By default mixed-auto stops where the 95% Wilson lower bound of the search rows' agreement reaches the target, so
 * held-out rows reach it too (fewer than ~300 search rows can never show 0.99 so: `--mixed-confidence none` then).
 */
const MIXED_CONFIDENCES = { '0.9': 0.9, '0.95': 0.95, '0.99': 0.99, none: undefined } as const;

/** The drawings mixed-auto measures agreement on, and the confidence its stopping rule asks for. */
interface SearchRows {
  samples: TensorMap[];
  confidence: WilsonConfidence | undefined;
}
/** What mixed-auto starts from: each searched, the smallest model that reaches the target kept. */
const MIXED_BASES: readonly { name: string; options: Omit<QuantizeOptions, 'calibration' | 'selfCheck'> }[] = [
  { name: 'palette-4bit', options: { mode: 'palette', bits: 4 } },
  { name: 'int4-block32', options: { mode: 'int4', blockSize: 32, symmetric: true } },
  { name: 'int8-static', options: { mode: 'static', perChannel: true } },
  { name: 'int8-weight-only', options: { mode: 'weight-only', perChannel: true } },
];

/** A variant: its key in the JSON line, the settings shown in the table, and how it is made from the float model. */
interface Variant {
  key: string;
  settings: string;
  /** `calibration`: static modes' calibration drawings; `search`: what mixed-auto measures agreement on. */
  make: (bytes: Uint8Array, calibration: TensorMap[], search: SearchRows) => Promise<{ bytes: Uint8Array; note?: string; details?: string[] }>;
}

const feeds = (samples: readonly TensorMap[]) =>
  samples.map((sample) => Object.fromEntries(Object.entries(sample).map(([name, v]) => [name, new ort.Tensor(v.type, v.data as Float32Array, v.dims)])));

/**
 * Quantizes with `options` and self-checks in onnxruntime-node; `calibration` (static modes) says how activation
 * ranges are chosen from the calibration samples.
 */
const quantized = (options: Omit<QuantizeOptions, 'calibration' | 'selfCheck'>, calibration?: { method?: CalibrationMethod; percentile?: number }) =>
  async (bytes: Uint8Array, samples: TensorMap[]) => {
    const result = await quantizeModel(bytes, {
      ...options,
      ...(calibration ? { calibration: { run: ortCalibration(ort, feeds(samples)), ...calibration } } : {}),
      selfCheck: { run: ortModelRunner(ort), samples: samples.slice(0, SELF_CHECK_SAMPLES), runtime: 'onnxruntime-node' },
    });
    const smoothed = result.report.smoothQuant?.smoothed.map((s) => `${s.tensor} → ${s.foldedInto}`).join('; ');
    return { bytes: result.bytes, note: smoothed ? `smoothed ${smoothed}` : undefined };
  };

const VARIANTS: readonly Variant[] = [
  { key: 'int8-weight-only', settings: 'int8 weights per output channel, float compute', make: quantized({ mode: 'weight-only', perChannel: true }) },
  { key: 'int8-dynamic', settings: 'uint8 activations at run time × int8 per-channel weights', make: quantized({ mode: 'dynamic', perChannel: true }) },
  { key: 'int8-static', settings: 'QDQ, min-max calibration', make: quantized({ mode: 'static', perChannel: true }, { method: 'minmax' }) },
  { key: 'int8-static-percentile', settings: 'QDQ, percentile 99.99 of each tail', make: quantized({ mode: 'static', perChannel: true }, { method: 'percentile', percentile: 99.99 }) },
  { key: 'int8-static-entropy', settings: 'QDQ, entropy (KL) calibration', make: quantized({ mode: 'static', perChannel: true }, { method: 'entropy' }) },
  { key: 'int8-static-mse', settings: 'QDQ, MSE calibration', make: quantized({ mode: 'static', perChannel: true }, { method: 'mse' }) },
  { key: 'int8-static-smoothquant', settings: 'QDQ, min-max, SmoothQuant α 0.5', make: quantized({ mode: 'static', perChannel: true, smoothQuant: { alpha: 0.5 } }, { method: 'minmax' }) },
  { key: 'fp16', settings: 'float16 weights and compute, fp32 inputs and outputs', make: quantized({ mode: 'fp16' }) },
  { key: 'int4-block32', settings: 'int4 weight-only, blocks of 32, symmetric', make: quantized({ mode: 'int4', blockSize: 32, symmetric: true }) },
  { key: 'palette-4bit', settings: 'palettized weights, 16-entry k-means table per tensor, 4-bit indices', make: quantized({ mode: 'palette', bits: 4 }) },
  {
    key: 'mixed-auto',
    settings: `the smallest of ${MIXED_BASES.map((b) => b.name).join(' / ')} with its most sensitive layers in fp32 until the search rows' agreement reaches ${MIXED_TARGET} (with --mixed-confidence: its Wilson lower bound does)`,
    make: async (bytes, calibration, search) => {
      const details: string[] = [];
      let best: { name: string; result: MixedPrecisionResult } | undefined;
      for (const base of MIXED_BASES) {
        const result = await mixedPrecision(bytes, {
          quantize: {
            ...base.options,
            ...(base.options.mode === 'static' ? { calibration: { run: ortCalibration(ort, feeds(calibration)) } } : {}),
            selfCheck: { run: ortModelRunner(ort), samples: calibration.slice(0, SELF_CHECK_SAMPLES), runtime: 'onnxruntime-node' },
          },
          samples: search.samples,
          run: ortModelRunner(ort),
          targetAgreement: MIXED_TARGET,
          confidence: search.confidence,
        });
        const kept = result.keptInFloat.length ? result.keptInFloat.join(', ') : 'none';
        details.push(
          `mixed-auto from ${base.name}: kept in fp32 ${kept}; agreement ${result.agreement.toFixed(4)} on ${search.samples.length} search rows (${result.reached ? 'reached' : 'not reached'}), ${result.bytes} bytes`,
          ...result.sensitivity.map((l) => `  ${l.layer} (${l.op}) alone in ${base.name}: agreement ${l.agreement.toFixed(4)}, KL ${l.klDivergence.toExponential(2)} nats, SQNR ${l.sqnrDb.toFixed(1)} dB`),
        );
        if (result.reached && (!best || result.bytes < best.result.bytes)) best = { name: base.name, result };
      }
      if (!best) {
        const how = search.confidence ? ` with ${search.confidence * 100}% confidence (too few rows for that? --search-rows, or --mixed-confidence none)` : '';
        throw new Error(`no base reached agreement ${MIXED_TARGET} on the ${search.samples.length} search rows${how} with a layer quantized`);
      }
      const kept = best.result.keptInFloat.length ? best.result.keptInFloat.join(', ') : 'none';
      return { bytes: best.result.model, note: `${best.name}, kept in fp32: ${kept}`, details: ['Per-layer sensitivity (that layer alone quantized, on the search rows), most sensitive first:', ...details] };
    },
  },
];

interface Scored {
  top1: number;
  agreement: number;
  bytes: number;
  p50: number;
  note?: string;
  details?: string[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      'from-row': { type: 'string' },
      model: { type: 'string', default: 'doodle-cnn' },
      'calibration-rows': { type: 'string', default: '16' },
      'search-rows': { type: 'string', default: '64' },
      variants: { type: 'string' },
      'train-data': { type: 'string', default: '../shared/data/quickdraw/train' },
      timing: { type: 'string', default: '200' },
      'mixed-confidence': { type: 'string', default: '0.95' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new Error('Missing --data <dir>: a folder of <class>.npy files (uint8 [N, 784]).');
  const fromRow = values['from-row'] === undefined ? undefined : Number(values['from-row']);
  const calibrationRows = Number(values['calibration-rows']);
  const searchRows = Number(values['search-rows']);
  const timing = Number(values.timing);
  if (fromRow !== undefined && !(Number.isInteger(fromRow) && fromRow > 0)) throw new Error(`--from-row must be a whole number ≥ 1, got "${values['from-row']}".`);
  if (!(Number.isInteger(calibrationRows) && calibrationRows > 0)) throw new Error(`--calibration-rows must be a whole number ≥ 1, got "${values['calibration-rows']}".`);
  if (!(Number.isInteger(searchRows) && searchRows > 0)) throw new Error(`--search-rows must be a whole number ≥ 1, got "${values['search-rows']}".`);
  if (!(Number.isInteger(timing) && timing > 0)) throw new Error(`--timing must be a whole number ≥ 1, got "${values.timing}".`);
  const confidenceKey = values['mixed-confidence']!;
  if (!(confidenceKey in MIXED_CONFIDENCES)) throw new Error(`--mixed-confidence must be one of ${Object.keys(MIXED_CONFIDENCES).join(', ')}, got "${confidenceKey}".`);
  const confidence = MIXED_CONFIDENCES[confidenceKey as keyof typeof MIXED_CONFIDENCES];

  const chosen = values.variants === undefined ? VARIANTS : values.variants.split(',').map((key) => {
    const variant = VARIANTS.find((v) => v.key === key.trim());
    if (!variant) throw new Error(`Unknown variant "${key}" in --variants; choose from ${VARIANTS.map((v) => v.key).join(', ')}.`);
    return variant;
  });
  const modelDir = await bundledModelDir(values.model);
  const labels = labelsFromConfig(JSON.parse(await readFile(join(modelDir, 'config.json'), 'utf8')));
  const floatBytes = new Uint8Array(await readFile(join(modelDir, 'onnx', 'model.onnx')));
  const evaluation = await loadBitmapFolder(resolve(values.data), labels, fromRow ?? 0);
  const calibrationSource = fromRow === undefined ? resolve(values['train-data']) : resolve(values.data);
  const calibration = bitmapSamples(await loadBitmapFolder(calibrationSource, labels, 0, Math.min(fromRow ?? Infinity, calibrationRows)));
  const search: SearchRows = { samples: bitmapSamples(await loadBitmapFolder(calibrationSource, labels, 0, Math.min(fromRow ?? Infinity, searchRows))), confidence };
  if (calibration.length < DEFAULT_MIN_CALIBRATION_SAMPLES) {
    throw new Error(`Static quantization needs at least ${DEFAULT_MIN_CALIBRATION_SAMPLES} calibration drawings; ${calibrationSource} gave ${calibration.length} (${fromRow === undefined ? '' : `rows < ${fromRow}, `}at most ${calibrationRows} per class).`);
  }
  const n = evaluation.truth.length;
  const inputs = new Float32Array(n * PIXELS);
  bitmapSamples(evaluation).forEach((sample, i) => inputs.set(sample.input.data as Float32Array, i * PIXELS));

  const score = async (bytes: Uint8Array, name: string, reference?: Float32Array[]): Promise<Scored & { logits: Float32Array[] }> => {
    const model = await sketchModelFromBytes(bytes, name);
    const logits = await classifyBatch(model, inputs, n);
    const top1 = logits.filter((row, i) => argmaxOf(row) === evaluation.truth[i]).length / n;
    const p50 = await medianSingleInferenceMs(model, inputs.slice(0, PIXELS), timing);
    await model.session.release();
    return { top1, agreement: reference ? top1Agreement(reference, logits) : 1, bytes: bytes.byteLength, p50, logits };
  };

  const fp32 = await score(floatBytes, 'fp32');
  const scored = new Map<string, Scored>();
  const unavailable: Record<string, string> = {};
  for (const variant of chosen) {
    try {
      const made = await variant.make(floatBytes, calibration, search);
      const { logits: _, ...result } = await score(made.bytes, variant.key, fp32.logits);
      scored.set(variant.key, { ...result, note: made.note, details: made.details });
    } catch (error) {
      unavailable[variant.key] = (error as Error).message;
    }
  }

  printTable(values.model, n, fromRow, calibration.length, calibrationSource, fp32, scored, unavailable);
  if (values.json) {
    const variants = Object.fromEntries(
      [...scored].map(([key, r]) => [key, { top1: round(r.top1), agreement: round(r.agreement), bytes: r.bytes, p50_ms_native: round(r.p50) }]),
    );
    console.log(JSON.stringify({ model: values.model, n, fp32: { top1: round(fp32.top1), bytes: fp32.bytes, p50_ms_native: round(fp32.p50) }, variants, unavailable }));
  }
}

/**
 * models/<id>, or a folder laid out like one (e.g. a QAT export, .tmp/doodle-cnn-qat-int8): it must hold
 * onnx/model.onnx and config.json.
 */
async function bundledModelDir(id: string): Promise<string> {
  for (const dir of [join(MODELS_DIR, id), resolve(id)]) {
    if (existsSync(join(dir, 'onnx', 'model.onnx')) && existsSync(join(dir, 'config.json'))) return dir;
  }
  const catalog = parseCatalog(JSON.parse(await readFile(join(MODELS_DIR, 'catalog.json'), 'utf8')));
  const bundled = catalog.models.filter((m) => m.source === 'bundled').map((m) => m.id);
  throw new Error(`"${id}" is not a bundled model in models/ nor a folder with onnx/model.onnx and config.json; bundled: ${bundled.join(', ')}.`);
}

function argmaxOf(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function printTable(model: string, n: number, fromRow: number | undefined, calibrationCount: number, calibrationSource: string, fp32: Scored, scored: Map<string, Scored>, unavailable: Record<string, string>): void {
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`.padStart(8);
  console.log(`${model}: ${n} drawings${fromRow ? ` (rows ≥ ${fromRow} of each class)` : ''}; calibration on ${calibrationCount} drawings (${fromRow ? `rows < ${fromRow}` : 'first rows'} of ${calibrationSource})`);
  console.log(`\n${'variant'.padEnd(26)}${'top-1'.padStart(8)}${'agree'.padStart(9)}${'bytes'.padStart(11)}${'smaller'.padStart(9)}${'p50 ms'.padStart(9)}  settings`);
  const row = (key: string, r: Scored, settings: string) =>
    console.log(`${key.padEnd(26)}${pct(r.top1)} ${pct(r.agreement)}${String(r.bytes).padStart(11)}${`${(fp32.bytes / r.bytes).toFixed(2)}×`.padStart(9)}${r.p50.toFixed(3).padStart(9)}  ${settings}`);
  row('fp32', fp32, 'the float model');
  for (const variant of VARIANTS) {
    const r = scored.get(variant.key);
    if (r) row(variant.key, r, variant.settings + (r.note ? ` (${r.note})` : ''));
  }
  for (const [key, why] of Object.entries(unavailable)) console.log(`${key}: not available: ${why}`);
  for (const r of scored.values()) if (r.details) console.log(`\n${r.details.join('\n')}`);
  console.log('\nagree = top-1 agreement with fp32; p50 = one drawing, onnxruntime-node, 1 thread.');
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

main().catch((error: Error) => {
  console.error(`eval:quantize: ${error.message}`);
  process.exitCode = 1;
});
