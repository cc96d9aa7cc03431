/**
 * The one inference worker: loads a model through transformers.js (hub layout, IndexedDB cache, per-file progress)
 * and runs the underlying onnxruntime session directly, so a run costs one message round trip.
 */
import * as Comlink from 'comlink';
import { AutoModel, env, pipeline, RawImage, Tensor } from '@huggingface/transformers';
// The same onnxruntime-web build transformers.js uses (one module instance, one wasm), for models given as bytes.
import { InferenceSession } from 'onnxruntime-web/webgpu';
import { appModelsUrl, createTransformersCache } from '../src/runtime/cache';
import { ortRuntimeFiles } from './ort-runtime';
import { fetchWithRetry } from '../src/runtime/fetch-retry';
import type {
  FileProgress,
  ImageLabelScore,
  ImagePixels,
  InferenceWorkerApi,
  LoadEvent,
  LoadSpec,
  LoadedInfo,
  TensorMap,
  TensorType,
} from '../src/runtime/protocol';
import { transformersDtype } from '../src/runtime/catalog';
import { createAbstractiveSummarizer } from '../src/summarize/abstractive';

/** The subset of an onnxruntime-web InferenceSession we use (transformers.js does not export the type). */
interface OrtTensor {
  type: string;
  data: TensorMap[string]['data'];
  dims: readonly number[];
}
interface OrtValueMetadata {
  name: string;
  type?: string;
  shape?: readonly (number | string)[];
}
interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  inputMetadata?: readonly OrtValueMetadata[];
  run(feeds: Record<string, unknown>, fetches?: string[]): Promise<Record<string, OrtTensor>>;
}
interface LoadedModel {
  sessions: Record<string, OrtSession>;
  config: unknown;
  dispose(): Promise<unknown>;
}
interface LoadedPipeline {
  model: LoadedModel;
  dispose(): Promise<unknown>;
}

interface WorkerState {
  spec: LoadSpec;
  session: OrtSession;
  /** Set when loaded with `spec.pipeline` (summarization, image classification). */
  pipeline?: LoadedPipeline;
  dispose(): Promise<unknown>;
}

let state: WorkerState | undefined;
/** Runs queue so onnxruntime never sees two runs of one session at once. */
let runChain: Promise<unknown> = Promise.resolve();

const retryingFetch = fetchWithRetry(fetch.bind(self));

const modelsBase = appModelsUrl();

// A model opened from disk exists only in the IndexedDB cache: a file missing there is missing, never fetched.
const notInCache: typeof fetch = async () => new Response(null, { status: 404 });

function modelRoot(spec: LoadSpec): string {
  return spec.source === 'hub'
    ? `${spec.hubHost.replace(/\/+$/, '')}/${spec.modelId}/resolve/main/`
    : `${modelsBase}${spec.modelId}/`;
}

function configureEnv(spec: LoadSpec, onEvent: (event: LoadEvent) => void, cacheHits: Set<string>): void {
  // Bundled models only from the app's own /models/, hub models only from the chosen host, models opened from disk
  // only from the cache (under /models/local/): no guessing requests.
  env.allowLocalModels = spec.source !== 'hub';
  env.allowRemoteModels = spec.source === 'hub';
  env.localModelPath = modelsBase;
  env.remoteHost = spec.hubHost.endsWith('/') ? spec.hubHost : `${spec.hubHost}/`;
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useCustomCache = true;
  env.fetch = spec.source === 'local' ? notInCache : retryingFetch;
  env.customCache = createTransformersCache(
    { modelId: spec.modelId, root: modelRoot(spec), expectedSha256: spec.expectedSha256 },
    { hit: (path) => cacheHits.add(path), notice: (message, about) => onEvent({ kind: 'notice', message, about }) },
  );
  const wasm = env.backends.onnx.wasm!;
  wasm.wasmPaths = ortRuntimeFiles(spec.device);
  wasm.numThreads = spec.threads;
}

interface TransformersProgress {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

const FILE_STATUSES = new Set(['initiate', 'download', 'progress', 'done']);

function progressForwarder(onEvent: (event: LoadEvent) => void, cacheHits: Set<string>) {
  const sizes = new Map<string, number>();
  return (p: TransformersProgress) => {
    if (!p.file || !FILE_STATUSES.has(p.status)) return;
    if (p.total) sizes.set(p.file, p.total);
    const total = p.total ?? sizes.get(p.file) ?? 0;
    const loaded = p.status === 'done' ? total : (p.loaded ?? 0);
    const progress: FileProgress = { file: p.file, status: p.status as FileProgress['status'], loaded, total, fromCache: cacheHits.has(p.file) };
    onEvent({ kind: 'file', progress });
  };
}

async function dispose(): Promise<void> {
  // Runs already queued finish on the current model; a session is never freed under a running inference.
  await runChain;
  const current = state;
  state = undefined;
  await current?.dispose();
}

async function load(spec: LoadSpec, onEvent: (event: LoadEvent) => void): Promise<LoadedInfo> {
  await dispose();
  const started = performance.now();
  const cacheHits = new Set<string>();
  configureEnv(spec, onEvent, cacheHits);
  const options = {
    device: spec.device,
    dtype: transformersDtype(spec.dtype),
    progress_callback: progressForwarder(onEvent, cacheHits),
  } as const;
  let model: LoadedModel;
  let loadedPipeline: LoadedPipeline | undefined;
  if (spec.bytes) {
    const session = (await InferenceSession.create(spec.bytes, { executionProviders: [spec.device] })) as unknown as OrtSession & { release(): Promise<void> };
    model = { sessions: { model: session }, config: {}, dispose: () => session.release() };
  } else if (spec.pipeline) {
    loadedPipeline = (await pipeline(spec.pipeline, spec.modelId, options as never)) as unknown as LoadedPipeline;
    model = loadedPipeline.model;
  } else {
    model = (await AutoModel.from_pretrained(spec.modelId, options as never)) as unknown as LoadedModel;
  }
  const session = model.sessions.model ?? Object.values(model.sessions)[0];
  // Without the bytes: the session holds its own copy of the model.
  const loaded: WorkerState = { spec: { ...spec, bytes: undefined }, session, pipeline: loadedPipeline, dispose: () => (loadedPipeline ?? model).dispose() };
  state = loaded;
  if (spec.device === 'webgpu') await reportDeviceLoss(loaded, onEvent);
  return {
    modelId: spec.modelId,
    device: spec.device,
    dtype: spec.dtype,
    inputNames: [...session.inputNames],
    outputNames: [...session.outputNames],
    inputs: (session.inputMetadata ?? session.inputNames.map((name): OrtValueMetadata => ({ name }))).map((m) => ({
      name: m.name,
      type: m.type ?? 'unknown',
      dims: m.shape ? [...m.shape] : [],
    })),
    config: JSON.parse(JSON.stringify(model.config ?? {})) as Record<string, unknown>,
    loadMs: performance.now() - started,
  };
}

/** The GPUDevice fields we use (the WebGPU types are not in this project's TypeScript libs). */
interface LosableDevice {
  lost: Promise<unknown>;
}

/** Tells the client when the GPU device of this model is lost (driver reset, GPU removed), so it can move to WASM. */
async function reportDeviceLoss(loaded: WorkerState, onEvent: (event: LoadEvent) => void): Promise<void> {
  // onnxruntime-web creates one device per worker for its WebGPU sessions and exposes it here once it exists.
  const device = (await env.backends.onnx.webgpu?.device) as LosableDevice | undefined;
  void device?.lost.then(() => {
    if (state === loaded) onEvent({ kind: 'device-lost' });
  });
}

function transferables(outputs: TensorMap): Transferable[] {
  return Object.values(outputs)
    .map((t) => t.data.buffer)
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

async function runOnce(inputs: TensorMap, outputNames?: string[]): Promise<TensorMap> {
  if (!state) throw new Error('No model is loaded in this worker: call load() first.');
  const { session } = state;
  const feeds: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inputs)) feeds[name] = new Tensor(value.type, value.data as never, value.dims).ort_tensor;
  const result = await session.run(feeds, outputNames);
  const outputs: TensorMap = {};
  for (const [name, tensor] of Object.entries(result)) {
    outputs[name] = { type: tensor.type as TensorType, data: tensor.data, dims: [...tensor.dims] };
  }
  return outputs;
}

async function run(inputs: TensorMap, outputNames?: string[]): Promise<TensorMap> {
  const result = runChain.then(() => runOnce(inputs, outputNames));
  runChain = result.catch(() => undefined);
  const outputs = await result;
  return Comlink.transfer(outputs, transferables(outputs));
}

async function timeRuns(inputs: TensorMap, runs: number): Promise<number[]> {
  const timing = runChain.then(async () => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await runOnce(inputs);
      times.push(performance.now() - started);
    }
    return times;
  });
  runChain = timing.catch(() => undefined);
  return timing;
}

// Image classification: `classifyImage()` over `state.pipeline` (loaded with `spec.pipeline: 'image-classification'`);
// the pipeline resizes and normalises as the model's preprocessor_config.json says.
type ImageClassificationPipeline = (image: RawImage, options: { top_k: number }) => Promise<ImageLabelScore[]>;

async function classifyImage(image: ImagePixels, topk: number): Promise<ImageLabelScore[]> {
  if (state?.spec.pipeline !== 'image-classification') throw new Error('No image classifier is loaded in this worker: load one with pipeline "image-classification".');
  const classify = state.pipeline as unknown as ImageClassificationPipeline;
  const raw = new RawImage(image.data, image.width, image.height, image.channels);
  const scores = await classify(raw, { top_k: topk });
  return scores.map(({ label, score }) => ({ label, score }));
}

const api: InferenceWorkerApi = {
  load,
  run,
  timeRuns,
  dispose,
  // Summarization: `summarize(text, options, onToken, onProgress)` and `cancel()` over `state.pipeline`
  // (loaded with `spec.pipeline: 'summarization'`). Signatures: InferenceWorkerApi in protocol.ts.
  ...createAbstractiveSummarizer(() => state?.pipeline),
  classifyImage,
};

Comlink.expose(api);
