// One benchmark run in the browser: every backend × dtype of the bundled sketch model (loads, raw latency, live
// predictions/s), both sketch models (CNN, transformer) in every variant (raw latency, memory), then extractive
// summarization and the quantizer. Each figure is the median of repetitions.
import { bitmapToInput, labelsFromConfig, rasteriseStrokes, sketchInputShape } from '../sketch';
import { probeCapabilities, type Facts } from '../runtime/capabilities';
import { catalog, filesForDtype, findModel, type CatalogModel } from '../runtime/catalog';
import { recommend } from '../runtime/recommend';
import { deleteCachedModel, listCachedFiles, sha256Hex } from '../runtime/cache';
import type { Device, Dtype, TensorMap } from '../runtime/protocol';
import type { InferenceClient, LoadOptions, ModelInfo } from '../runtime/worker-client';
import { BenchClient } from '../runtime/bench-client';
import type { SketchPrediction as Guess } from '../sketch/predictions';
import type { SketchClassifier } from '../sketch/live-predictor';
import { toQuickDrawStrokes } from '../sketch/sketchpad';
import { wordCount } from '../summarize/tokens';
import { ExtractiveClient } from '../runtime/extractive-client';
import { SummarizeClient } from '../runtime/summarize-client';
import { summarizeLatencies } from '../util/percentile';
import { quantizeInWorker } from '../runtime/quantize-client';
import { syntheticDrawings } from '../sketch/synthetic-drawings';
import { generateArticle } from './article';
import { driveLivePredictions } from './live-drive';
import type { BackendId, BenchEnvironment, BenchNote, BenchPart, BenchReport, Measurement, MetricId, VariantFile } from './results';
import { MODEL_VARIANTS, SKETCH_DTYPES, SKETCH_MODEL, VARIANT_MODELS, backendsToMeasure, variantBackends, type BackendChoice, type BenchSetting, type ModelVariant } from './settings';
import { variantBytes, variantDtype, type VariantSource } from './model-variants';
import { memoryMeter } from './memory';
import { PHASE_EVENT, type PhaseDetail } from './phases';
import { figureOf, timed } from './stats';
import { fullPenDrawing } from './synthetic-pen';

const ARTICLE_WORDS = 800;
/** Short enough for one model input (no map-reduce), so the rate is one generation's. */
const ABSTRACTIVE_WORDS = 300;
const ABSTRACTIVE_NEW_TOKENS = 48;
const CALIBRATION_DRAWINGS_PER_SHAPE = 2;

/** What the run is doing now, as data (the page says it in the interface language). */
export type BenchStatus =
  | { step: 'loading'; backend: BackendId; repetition: number; repetitions: number }
  | { step: 'timing'; backend: BackendId; dtype: Dtype }
  | { step: 'drawing'; backend: BackendId; dtype: Dtype }
  | { step: 'variant'; backend: BackendId; modelId: string; variant: ModelVariant }
  | { step: 'memory-baseline' }
  | { step: 'variant-memory'; modelId: string; variant: ModelVariant }
  | { step: 'extractive'; words: number }
  | { step: 'quantizing' }
  | { step: 'abstractive'; modelId: string; dtype: Dtype }
  | { step: 'done' };

export interface RunHooks {
  onStatus(status: BenchStatus): void;
  /** Shows the live guesses while the synthetic pen draws. */
  render(guesses: readonly Guess[]): void;
}

async function phase<T>(detail: Omit<PhaseDetail, 'state'>, work: () => Promise<T>): Promise<T> {
  dispatchEvent(new CustomEvent<PhaseDetail>(PHASE_EVENT, { detail: { ...detail, state: 'start' } }));
  try {
    return await work();
  } finally {
    dispatchEvent(new CustomEvent<PhaseDetail>(PHASE_EVENT, { detail: { ...detail, state: 'end' } }));
  }
}

class Recorder {
  readonly measurements: Measurement[] = [];
  add(metric: MetricId, backend: string, samples: readonly number[], dtype?: Measurement['dtype'], detail?: string, model?: string): void {
    if (samples.some((s) => Number.isFinite(s))) this.measurements.push({ metric, backend, dtype, detail, ...(model ? { model } : {}), figure: figureOf(samples) });
  }
}

function sketchInput(info: ModelInfo): TensorMap {
  const bitmap = rasteriseStrokes(toQuickDrawStrokes(fullPenDrawing().strokes))!;
  return { [info.inputNames[0]!]: { type: 'float32', data: bitmapToInput(bitmap), dims: sketchInputShape() } };
}

function classifierOn(client: InferenceClient, info: ModelInfo): SketchClassifier {
  const inputName = info.inputNames[0]!;
  const outputName = info.outputNames[0]!;
  return {
    labels: labelsFromConfig(info.config as { id2label?: Record<string, string> }),
    async classify(bitmap) {
      const input = { type: 'float32' as const, data: bitmapToInput(bitmap), dims: sketchInputShape() };
      const out = await client.run({ [inputName]: input }, { transfer: true, outputs: [outputName] });
      return out[outputName]!.data as Float32Array;
    },
  };
}

function loadOptionsFor(backend: string, dtype: Dtype): LoadOptions {
  const device: Device = backend === 'webgpu' ? 'webgpu' : 'wasm';
  const threads = device === 'wasm' ? Number(backend.slice('wasm-'.length)) : undefined;
  return { modelId: SKETCH_MODEL, device, dtype, threads };
}

/**
 * Loads of every dtype on one backend. Each repetition starts a fresh worker: its first load pays the runtime start
 * (reported apart, as first load − warm load of the same dtype), then each dtype loads warm (cache) and cold
 * (cache emptied first). Returns the worker, left started, or undefined when the backend could not load the model.
 */
async function measureLoads(backend: string, setting: BenchSetting, hooks: RunHooks, record: Recorder, notes: BenchNote[]): Promise<BenchClient | undefined> {
  const newClient = () => new BenchClient(`benchmark ${backend}`);
  // Cache every dtype first, so the first repetition's first load reads the cache like the others.
  let client = newClient();
  try {
    for (const dtype of SKETCH_DTYPES) {
      const primed = await client.load(loadOptionsFor(backend, dtype));
      if (primed.device !== (backend === 'webgpu' ? 'webgpu' : 'wasm')) {
        client.terminate();
        notes.push({ code: 'not-loaded', backend, dtype, why: primed.fellBackFrom ?? 'it fell back' });
        return undefined;
      }
    }
    const samples = (metric: MetricId, dtype: Dtype) => `${metric} ${dtype}`;
    const collected = new Map<string, number[]>();
    const push = (key: string, value: number) => collected.set(key, [...(collected.get(key) ?? []), value]);
    for (let rep = 0; rep < setting.repetitions; rep++) {
      hooks.onStatus({ step: 'loading', backend, repetition: rep + 1, repetitions: setting.repetitions });
      client.terminate();
      client = newClient();
      const first = await timed(() => client.load(loadOptionsFor(backend, SKETCH_DTYPES[0]!)));
      // The first session of each dtype in a worker costs extra (seen: int8 ~0.4 s): pay it before the warm loads.
      for (const dtype of SKETCH_DTYPES.slice(1)) await client.load(loadOptionsFor(backend, dtype));
      // Every warm load before any cold one: emptying the cache for a cold load removes every dtype's files.
      for (const dtype of SKETCH_DTYPES) {
        let downloaded = 0;
        const countDownloads = (p: { status: string; fromCache: boolean }) => {
          if (p.status === 'done' && !p.fromCache) downloaded++;
        };
        const warm = await phase({ phase: 'warm-load', backend, dtype }, () => timed(() => client.load({ ...loadOptionsFor(backend, dtype), onProgress: countDownloads })));
        if (dtype === SKETCH_DTYPES[0]) push(samples('runtime-start-ms', dtype), first - warm);
        push(samples('warm-load-ms', dtype), warm);
        push(samples('warm-load-downloads', dtype), downloaded);
      }
      for (const dtype of SKETCH_DTYPES) {
        await deleteCachedModel(SKETCH_MODEL);
        push(samples('cold-load-ms', dtype), await phase({ phase: 'cold-load', backend, dtype }, () => timed(() => client.load(loadOptionsFor(backend, dtype)))));
      }
      // The cold loads emptied the cache of the other dtypes: fill it again for the next repetition's warm loads.
      for (const dtype of SKETCH_DTYPES) await client.load(loadOptionsFor(backend, dtype));
    }
    for (const dtype of SKETCH_DTYPES) {
      for (const metric of ['runtime-start-ms', 'cold-load-ms', 'warm-load-ms', 'warm-load-downloads'] as const) {
        const values = collected.get(samples(metric, dtype));
        if (values) record.add(metric, backend, values, dtype);
      }
    }
    return client;
  } catch (error) {
    client.terminate();
    throw error;
  }
}

/** Raw latency, round trip and live predictions/s of one dtype, in a worker whose runtime is started. */
async function measureInference(client: BenchClient, backend: string, dtype: Dtype, setting: BenchSetting, hooks: RunHooks, record: Recorder): Promise<void> {
  const info = await client.load(loadOptionsFor(backend, dtype));
  hooks.onStatus({ step: 'timing', backend, dtype });
  const input = sketchInput(info);
  await client.timeRuns(input, setting.warmupRuns);
  const p50s: number[] = [];
  const p95s: number[] = [];
  const roundTrips: number[] = [];
  for (let rep = 0; rep < setting.repetitions; rep++) {
    const { p50, p95 } = summarizeLatencies(await client.timeRuns(input, setting.latencyRuns));
    p50s.push(p50);
    p95s.push(p95);
    const times: number[] = [];
    for (let i = 0; i < setting.latencyRuns; i++) times.push(await timed(() => client.run(input)));
    roundTrips.push(summarizeLatencies(times).p50);
  }
  record.add('latency-p50-ms', backend, p50s, dtype);
  record.add('latency-p95-ms', backend, p95s, dtype);
  record.add('roundtrip-p50-ms', backend, roundTrips, dtype);

  hooks.onStatus({ step: 'drawing', backend, dtype });
  const classifier = classifierOn(client, info);
  const rates: number[] = [];
  const predictionMs: number[] = [];
  for (let rep = 0; rep < setting.repetitions; rep++) {
    const live = await driveLivePredictions(classifier, hooks.render, setting.liveMs);
    rates.push(live.predictionsPerSecond);
    predictionMs.push(live.meanPredictionMs);
  }
  record.add('predictions-per-s', backend, rates, dtype);
  record.add('prediction-ms', backend, predictionMs, dtype);
}

function measureRasterise(setting: BenchSetting, record: Recorder): void {
  const strokes = toQuickDrawStrokes(fullPenDrawing().strokes);
  const perRep = Math.max(20, setting.latencyRuns);
  const samples: number[] = [];
  for (let rep = 0; rep < setting.repetitions; rep++) {
    const started = performance.now();
    for (let i = 0; i < perRep; i++) rasteriseStrokes(strokes);
    samples.push((performance.now() - started) / perRep);
  }
  record.add('rasterise-ms', 'main-thread', samples);
}

async function measureExtractive(setting: BenchSetting, hooks: RunHooks, record: Recorder): Promise<void> {
  hooks.onStatus({ step: 'extractive', words: ARTICLE_WORDS });
  const article = generateArticle(ARTICLE_WORDS);
  const client = new ExtractiveClient();
  try {
    const first = await client.extract(article, 'medium');
    if (!first.ok) throw new Error(first.message);
    const roundTrips: number[] = [];
    const engine: number[] = [];
    for (let rep = 0; rep < setting.repetitions; rep++) {
      let engineMs = Number.NaN;
      roundTrips.push(
        await timed(async () => {
          const outcome = await client.extract(article, 'medium');
          if (outcome.ok) engineMs = outcome.engineMs;
        }),
      );
      engine.push(engineMs);
    }
    record.add('extractive-ms', 'summarize-worker', roundTrips);
    record.add('extractive-ms', 'summarize-engine', engine);
  } finally {
    client.terminate();
  }
}

async function measureQuantizer(setting: BenchSetting, hooks: RunHooks, record: Recorder): Promise<void> {
  hooks.onStatus({ step: 'quantizing' });
  const response = await fetch(new URL(`${import.meta.env.BASE_URL}models/${SKETCH_MODEL}/onnx/model.onnx`, location.href));
  if (!response.ok) throw new Error(`Could not read the fp32 model (HTTP ${response.status}).`);
  const fp32 = new Uint8Array(await response.arrayBuffer());
  const calibrationInputs: TensorMap[] = syntheticDrawings(CALIBRATION_DRAWINGS_PER_SHAPE, Math.random).flatMap((d) => {
    const bitmap = rasteriseStrokes(d.strokes);
    return bitmap ? [{ input: { type: 'float32' as const, data: bitmapToInput(bitmap), dims: sketchInputShape() } }] : [];
  });
  for (const mode of ['static', 'weight-only'] as const) {
    const samples: number[] = [];
    for (let rep = 0; rep < setting.repetitions; rep++) {
      samples.push(await timed(() => quantizeInWorker(fp32, { mode, calibrationInputs: mode === 'static' ? calibrationInputs : undefined })));
    }
    record.add('quantize-ms', mode, samples, undefined, mode === 'static' ? `${calibrationInputs.length} calibration drawings` : undefined);
  }
}

/** A catalogued summarization model with every file of some dtype in the cache (no download needed), if any. */
async function cachedSummarizer(): Promise<{ model: CatalogModel; dtype: Dtype } | undefined> {
  const cached = await listCachedFiles();
  for (const model of catalog.models.filter((m) => m.task === 'summarization')) {
    const paths = new Set(cached.filter((f) => f.modelId === model.id).map((f) => f.path));
    const dtype = (Object.keys(model.dtypes) as Dtype[]).find((d) => filesForDtype(model, d).every((f) => paths.has(f.path)));
    if (dtype) return { model, dtype };
  }
  return undefined;
}

/** Streamed words per second of an abstractive summary, from the first streamed word to the end. */
async function measureAbstractive(setting: BenchSetting, hooks: RunHooks, record: Recorder): Promise<boolean> {
  const found = await cachedSummarizer();
  if (!found) return false;
  hooks.onStatus({ step: 'abstractive', modelId: found.model.id, dtype: found.dtype });
  const client = new SummarizeClient('benchmark summarizer');
  try {
    const info = await client.load({ modelId: found.model.id, dtype: found.dtype, pipeline: 'summarization' });
    const article = generateArticle(ABSTRACTIVE_WORDS);
    const rates: number[] = [];
    for (let rep = 0; rep < Math.min(3, setting.repetitions); rep++) {
      let firstAt: number | undefined;
      let words = 0;
      await client.summarize(article, { maxNewTokens: ABSTRACTIVE_NEW_TOKENS }, (event) => {
        if (event.kind !== 'token') return;
        firstAt ??= performance.now();
        words += wordCount(event.text);
      });
      if (firstAt !== undefined) rates.push(words / ((performance.now() - firstAt) / 1000));
    }
    record.add('abstractive-words-per-s', info.device, rates, found.dtype, found.model.id);
    return true;
  } finally {
    client.terminate();
  }
}

/** The page's way to the variant files: shipped files from the app's models folder, the rest made in the quantize worker. */
const pageVariantSource = (modelId: string): VariantSource => ({
  async read(path) {
    const response = await fetch(new URL(`${import.meta.env.BASE_URL}models/${modelId}/${path}`, location.href));
    if (!response.ok) throw new Error(`Could not read ${modelId}/${path} (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  },
  async quantize(fp32, options) {
    return (await quantizeInWorker(fp32, { ...options, transfer: true })).bytes;
  },
});

/**
 * One variant on one backend, in a fresh worker: raw latency p50 (timed in the worker), and with `memory` the page's
 * memory after loading and running it, and its growth over `memory.baseline` (bytes). The previous variant's worker
 * is ended by then, so only this one's memory counts. Returns why, when the model fell back to another backend
 * (nothing recorded then).
 */
async function measureVariant(
  run: { backend: BackendId; modelId: string; variant: ModelVariant; bytes: Uint8Array },
  setting: BenchSetting,
  hooks: RunHooks,
  record: Recorder,
  memory: { meter: () => Promise<number>; baseline: number } | undefined,
): Promise<string | undefined> {
  const { backend, modelId, variant } = run;
  hooks.onStatus({ step: 'variant', backend, modelId, variant });
  const device: Device = backend === 'webgpu' ? 'webgpu' : 'wasm';
  const client = new BenchClient(`benchmark ${modelId} ${variant}`);
  try {
    const threads = device === 'wasm' ? Number(backend.slice('wasm-'.length)) : undefined;
    const info = await client.load({ modelId, device, dtype: variantDtype(variant), threads, bytes: run.bytes, trial: true });
    if (info.device !== device) return info.fellBackFrom ?? `it ran on ${info.device}`;
    const input = sketchInput(info);
    await client.timeRuns(input, setting.warmupRuns);
    const p50s: number[] = [];
    for (let rep = 0; rep < setting.repetitions; rep++) p50s.push(summarizeLatencies(await client.timeRuns(input, setting.latencyRuns)).p50);
    record.add('model-p50-ms', backend, p50s, variant, undefined, modelId);
    if (memory) {
      hooks.onStatus({ step: 'variant-memory', modelId, variant });
      const after = await memory.meter();
      record.add('memory-bytes', backend, [after], variant, undefined, modelId);
      record.add('memory-delta-bytes', backend, [after - memory.baseline], variant, undefined, modelId);
    }
    return undefined;
  } finally {
    client.terminate();
  }
}

/**
 * Both sketch models in every variant (fp32, fp16, int8, int4) on WASM at the thread count the app picks for each
 * model, and on WebGPU when it is measured. Runs before any other part: the memory baseline is the page before any
 * model loaded, and no worker with onnxruntime threads has just been ended (see STALLED_MEASUREMENT in memory.ts).
 * Returns the files timed.
 */
async function measureVariants(backends: readonly BackendId[], facts: Facts, setting: BenchSetting, hooks: RunHooks, record: Recorder, notes: BenchNote[]): Promise<VariantFile[]> {
  const files: VariantFile[] = [];
  const meter = memoryMeter();
  const threadsFor = (modelId: string) => recommend(findModel(modelId)!, facts, { device: 'wasm', dtype: 'fp32' }).threads;
  const where = (modelId: string) => variantBackends(backends, threadsFor(modelId), facts.gpu);
  if (where(VARIANT_MODELS[0]).skippedSoftwareGpu) notes.push({ code: 'variants-not-on-software-gpu' });
  if (VARIANT_MODELS.every((modelId) => where(modelId).backends.length === 0)) return files;
  if (!meter) notes.push({ code: 'no-memory' });
  let memory: { meter: () => Promise<number>; baseline: number } | undefined;
  if (meter) {
    hooks.onStatus({ step: 'memory-baseline' });
    memory = { meter, baseline: await meter() };
  }
  for (const modelId of VARIANT_MODELS) {
    const onBackends = where(modelId).backends;
    for (const variant of MODEL_VARIANTS) {
      const bytes = await variantBytes(modelId, variant, pageVariantSource(modelId));
      files.push({ model: modelId, variant, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) });
      for (const backend of onBackends) {
        const fellBack = await measureVariant({ backend, modelId, variant, bytes }, setting, hooks, record, memory);
        if (fellBack) notes.push({ code: 'not-loaded', backend, dtype: variant, why: fellBack, model: modelId });
      }
    }
  }
  return files;
}

async function environment(): Promise<BenchEnvironment & { hasGpu: boolean; facts: Facts }> {
  const facts = await probeCapabilities();
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: facts.hardwareConcurrency,
    crossOriginIsolated: facts.crossOriginIsolated,
    gpu: facts.gpu ? `${facts.gpu.vendor}${facts.gpu.architecture ? ` · ${facts.gpu.architecture}` : ''}${facts.gpu.isFallbackAdapter ? ' (software)' : ''}` : null,
    hasGpu: facts.gpu !== null,
    facts,
    sketchWasmThreads: recommend(findModel(SKETCH_MODEL)!, facts, { device: 'wasm', dtype: 'fp32' }).threads,
  };
}

export async function runBenchmarks(setting: BenchSetting, choice: BackendChoice, hooks: RunHooks): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const { hasGpu, facts, ...env } = await environment();
  const record = new Recorder();
  const notes: BenchNote[] = [];
  const backends = backendsToMeasure(choice, { ...env, hasGpu });
  if (!hasGpu && choice !== 'wasm') notes.push({ code: 'no-webgpu' });
  if (!env.crossOriginIsolated) notes.push({ code: 'not-isolated' });
  // One part failing (a backend, the summarizer…) is reported and the others still run.
  const part = async (name: BenchPart, work: () => Promise<void>, backend?: BackendId) => {
    try {
      await work();
    } catch (error) {
      notes.push({ code: 'part-failed', part: name, backend, message: error instanceof Error ? error.message : String(error) });
    }
  };
  let files: VariantFile[] | undefined;
  await part('variants', async () => {
    files = await measureVariants(backends, facts, setting, hooks, record, notes);
  });
  for (const backend of backends) {
    await part('sketch', async () => {
      const client = await measureLoads(backend, setting, hooks, record, notes);
      if (!client) return;
      try {
        for (const dtype of SKETCH_DTYPES) await measureInference(client, backend, dtype, setting, hooks, record);
      } finally {
        client.terminate();
      }
    }, backend);
  }
  if (choice !== 'webgpu') {
    measureRasterise(setting, record);
    await part('extractive', () => measureExtractive(setting, hooks, record));
    await part('quantizer', () => measureQuantizer(setting, hooks, record));
    await part('abstractive', async () => {
      if (!(await measureAbstractive(setting, hooks, record))) notes.push({ code: 'no-summarizer' });
    });
  }
  hooks.onStatus({ step: 'done' });
  return { startedAt, finishedAt: new Date().toISOString(), setting: setting.name, environment: env, measurements: record.measurements, notes, ...(files ? { files } : {}) };
}
