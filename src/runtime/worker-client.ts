/**
 * The page side of the inference worker. One client = one worker = one loaded model. Every feature uses this.
 * Device/dtype default to the header settings (Auto → recommend()); WebGPU failing at load falls back to WASM, and a
 * GPU lost after the load (device lost, or a failing run) reloads the model on WASM and retries the call once.
 */
import * as Comlink from 'comlink';
import { reportBackend } from './backend-status';
import { hubBlockedByPolicy } from './csp-connect';
import { probeCapabilities } from './capabilities';
import { DTYPES, expectedHashes, findModel } from './catalog';
import { classifyLoadError, ModelLoadError, shortError } from './load-problem';
import { notify, type NoticeCode } from './notices';
import type { Device, Dtype, FileProgress, InferenceWorkerApi, LoadEvent, LoadSpec, LoadedInfo, ModelSource, TensorMap } from './protocol';
import { describeExplanation, describeWasm, recommend, wasmFallback, type Explanation, type ModelTraits } from './recommend';
import { getSettings } from './settings';

export interface LoadOptions {
  /** Catalog id; ids not in the catalog are treated as hub models ('org/name'). */
  modelId: string;
  source?: ModelSource;
  /** Override the header choice (e.g. the quantization lab pins a dtype). */
  device?: Device;
  dtype?: Dtype;
  /** Load a transformers.js pipeline (summarization, image-classification) instead of a raw session. */
  pipeline?: LoadSpec['pipeline'];
  /**
   * WASM threads, for benchmarks (default: 1 for catalogued models under SMALL_MODEL_BYTES, else what this browser
   * allows, `Facts.wasmThreads`; always 1 without cross-origin isolation). onnxruntime fixes the count when a worker
   * starts it, so a load with another count restarts the client's worker.
   */
  threads?: number;
  /** Run these ONNX bytes (e.g. the quantizer's output) instead of downloading `modelId`; nothing is cached. */
  bytes?: Uint8Array;
  /** With `bytes`: hand the buffer to the worker instead of copying it (it becomes unusable here). */
  transferBytes?: boolean;
  /** A trial load (e.g. checking an imported file) that the header badge is not told of: that model will not run. */
  trial?: boolean;
  onProgress?: (progress: FileProgress) => void;
}

export interface ModelInfo extends LoadedInfo {
  source: ModelSource;
  /** Why this device and dtype, in words (also shown in the header badge). */
  reason: string;
  /** The same as data, for the interface's language. */
  explanation: Explanation;
  /** Set when WebGPU failed (at load, or the GPU stopped working later) and the model runs on WASM: why, in short. */
  fellBackFrom?: string;
}

export interface RunOptions {
  /** Only compute these outputs. */
  outputs?: string[];
  /** Hand the input buffers to the worker instead of copying them: faster, but they become unusable here. */
  transfer?: boolean;
}

/**
 * A call was in flight when the worker died or was restarted. The worker has been restarted; retrying is safe.
 * `crash` is the worker's own error text when it died (else the client restarted it on purpose).
 */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
  constructor(
    message: string,
    readonly crash?: string,
  ) {
    super(message);
  }
}

type WorkerFactory = (name: string) => Worker;

const defaultWorkerFactory: WorkerFactory = (name) =>
  new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), { type: 'module', name });

/** Catalog traits for ids the catalog does not know: any dtype may be tried, fp32 by default. */
const UNKNOWN_MODEL: ModelTraits = { dtypes: Object.fromEntries(DTYPES.map((d) => [d, { files: [] }])), defaultDtype: 'fp32' };

/**
 * Bytes run as given (a variant made in the lab): their dtype labels them and is the only one to choose, and their
 * size picks the WASM threads, instead of the catalog's files of a model that may lack that dtype.
 */
function bytesTraits({ bytes, dtype }: LoadOptions): ModelTraits | undefined {
  if (!bytes || !dtype) return undefined;
  return { dtypes: { [dtype]: { files: [{ path: 'model.onnx', bytes: bytes.byteLength }] } }, defaultDtype: dtype };
}

/** A model's reason in English and as data (the badge translates the data). */
function explained(explanation: Explanation): { reason: string; explanation: Explanation } {
  return { reason: describeExplanation(explanation), explanation };
}

interface Live {
  worker: Worker;
  /** WASM threads and device of the first load in this worker: onnxruntime keeps its thread count and runtime build
   * (WebGPU-capable or plain WASM, workers/ort-runtime.ts) for the worker's life. */
  threads?: number;
  device?: Device;
  api: Comlink.Remote<InferenceWorkerApi>;
  pending: Set<(error: Error) => void>;
}

export class InferenceClient {
  private live: Live | undefined;
  private lastLoad: LoadOptions | undefined;
  private reloadNeeded = false;
  /** The model runs on WebGPU: a call failing, or the device being lost, moves it to WASM. */
  private onGpu = false;
  /** The move to WASM under way, so the lost-device event and failing calls share one reload. */
  private movingToWasm: Promise<void> | undefined;

  /** @param name shown in messages, e.g. 'doodle'. @param createWorker for tests. */
  constructor(
    readonly name = 'model',
    private readonly createWorker: WorkerFactory = defaultWorkerFactory,
  ) {}

  /** Where the loaded model runs now: it can move from WebGPU to WASM after the load (a lost GPU). */
  get device(): Device {
    return this.onGpu ? 'webgpu' : 'wasm';
  }

  /** Loads a model (downloading what the cache lacks) and reports the backend to the header badge. */
  load(options: LoadOptions): Promise<ModelInfo> {
    return this.loadAndReport(options);
  }

  /** @param gpuLoss set when reloading on WASM because the GPU stopped working: why, in short. */
  private async loadAndReport(options: LoadOptions, gpuLoss?: string): Promise<ModelInfo> {
    this.onGpu = false;
    const facts = await probeCapabilities();
    const settings = getSettings();
    const model = findModel(options.modelId);
    const choice = recommend(
      bytesTraits(options) ?? model ?? UNKNOWN_MODEL,
      facts,
      { device: options.device ?? settings.device, dtype: options.dtype ?? settings.dtype },
      facts.crossOriginIsolated ? options.threads : undefined,
    );
    const spec: LoadSpec = {
      modelId: options.modelId,
      source: options.source ?? model?.source ?? 'hub',
      device: choice.device,
      dtype: choice.dtype,
      hubHost: settings.hubHost,
      threads: choice.threads,
      pipeline: options.pipeline,
      expectedSha256: expectedHashes(model),
      bytes: options.bytes,
    };
    // onnxruntime fixes its thread count and runtime build when a worker first starts it: others need a fresh worker.
    const live = this.live;
    if (live && (live.threads !== spec.threads || (live.device !== undefined && live.device !== spec.device))) {
      const runtime = spec.device === 'webgpu' ? 'WebGPU' : describeWasm(spec.threads);
      this.stopWorker(new WorkerCrashedError(`The ${this.name} worker was restarted for ${runtime}.`));
    }
    const loaded = await this.loadWithFallback(spec, choice.explanation, options.onProgress, options.transferBytes);
    const info = gpuLoss ? { ...loaded, ...explained(wasmFallback(spec.threads, 'gpu-stopped')), fellBackFrom: gpuLoss } : loaded;
    // Bytes handed over are gone here, so such a model cannot be reloaded after a crash.
    this.lastLoad = options.bytes && options.transferBytes ? undefined : options;
    this.reloadNeeded = false;
    this.onGpu = info.device === 'webgpu';
    if (!options.trial) reportBackend({ modelId: info.modelId, device: info.device, dtype: info.dtype, reason: info.reason, explanation: info.explanation, fellBackFrom: info.fellBackFrom });
    return info;
  }

  /** Runs the loaded model once. Inputs are copied unless `transfer`; outputs arrive as transferred typed arrays. */
  async run(inputs: TensorMap, options: RunOptions = {}): Promise<TensorMap> {
    if (this.reloadNeeded && this.lastLoad) await this.load({ ...this.lastLoad, onProgress: undefined });
    // On WebGPU the inputs are copied, so a run that fails there can be retried on WASM.
    const buffers = options.transfer && !this.onGpu ? Object.values(inputs).map((t) => t.data.buffer as ArrayBuffer) : [];
    return this.call((api) => api.run(Comlink.transfer(inputs, buffers), options.outputs));
  }

  /** Frees the model; the worker stays for the next load. */
  async dispose(): Promise<void> {
    this.lastLoad = undefined;
    this.reloadNeeded = false;
    this.onGpu = false;
    if (this.live) await this.send((api) => api.dispose());
  }

  /** Ends the worker (and the model in it). A later load starts a new worker. */
  terminate(): void {
    this.stopWorker(new WorkerCrashedError(`The ${this.name} worker was stopped.`));
    this.lastLoad = undefined;
    this.reloadNeeded = false;
    this.onGpu = false;
  }

  /**
   * Calls the loaded model in the worker, rejecting with WorkerCrashedError if it dies meanwhile. Subclasses use this
   * to add methods (e.g. the summarization client's `summarize()` / `cancel()`). A call that fails on WebGPU moves
   * the model to WASM and is tried once more there, so the user's action still completes.
   */
  protected async call<T>(fn: (api: Comlink.Remote<InferenceWorkerApi>) => Promise<T>): Promise<T> {
    await this.movingToWasm;
    if (!this.onGpu) return this.send(fn);
    try {
      return await this.send(fn);
    } catch (error) {
      // A crash stays a crash; a call cut short by the move to WASM (its worker stopped) is retried too.
      if (!this.movingToWasm && (!this.onGpu || error instanceof WorkerCrashedError)) throw error;
      await this.moveToWasm(shortError(error));
      return this.send(fn);
    }
  }

  /**
   * Reloads the model on WASM in a fresh worker after the GPU stopped working (from the cache: no download), and
   * tells the user. Concurrent triggers share one reload; it rejects with the reload's error.
   */
  private moveToWasm(why: string): Promise<void> {
    if (this.movingToWasm) return this.movingToWasm;
    const options = this.lastLoad;
    if (!this.onGpu || !options) return Promise.resolve();
    this.onGpu = false;
    this.stopWorker(new WorkerCrashedError(`The ${this.name} worker was restarted after the GPU stopped working.`));
    notify(`The GPU stopped working (${why}); running on WASM now.`, 'warning', { code: 'gpu-stopped', why });
    const moving = this.loadAndReport({ ...options, device: 'wasm', onProgress: undefined }, why).then(() => undefined);
    this.movingToWasm = moving.finally(() => (this.movingToWasm = undefined));
    return this.movingToWasm;
  }

  /** Calls the worker as is, rejecting with WorkerCrashedError if it dies meanwhile. */
  private send<T>(fn: (api: Comlink.Remote<InferenceWorkerApi>) => Promise<T>): Promise<T> {
    const live = this.ensureWorker();
    return new Promise<T>((resolve, reject) => {
      live.pending.add(reject);
      fn(live.api)
        .then(resolve, reject)
        .finally(() => live.pending.delete(reject));
    });
  }

  private async loadWithFallback(
    spec: LoadSpec,
    explanation: Explanation,
    onProgress?: (p: FileProgress) => void,
    transferBytes = false,
  ): Promise<ModelInfo> {
    // A damaged file of a model opened from disk makes the load fail, and its error says so (once, not also as a toast).
    const damaged = new Map<string, { message: string; about: NoticeCode }>();
    const onEvent = Comlink.proxy((event: LoadEvent) => {
      if (event.kind === 'notice' && event.about?.code === 'local-file-damaged') damaged.set(event.about.file, { message: event.message, about: event.about });
      else if (event.kind === 'notice') notify(event.message, 'warning', event.about);
      else if (event.kind === 'device-lost') this.moveToWasm('device lost').catch((error: unknown) => notify(shortError(error), 'error', { code: 'reload-failed', error }));
      else onProgress?.(event.progress);
    });
    // A transferred buffer can only be sent once, so a WebGPU attempt gets a copy and the WASM retry the original.
    const firstSpec = transferBytes && spec.bytes && spec.device === 'webgpu' ? { ...spec, bytes: spec.bytes.slice() } : spec;
    const send = (s: LoadSpec) => (transferBytes && s.bytes ? Comlink.transfer(s, [s.bytes.buffer as ArrayBuffer]) : s);
    const loadIn = (s: LoadSpec) => {
      const live = this.ensureWorker();
      live.threads ??= s.threads;
      live.device ??= s.device;
      return this.send((api) => api.load(send(s), onEvent));
    };
    // A load that succeeds without a damaged file (one the model can do without) still tells of it.
    const loaded = (info: LoadedInfo): LoadedInfo => {
      for (const { message, about } of damaged.values()) notify(message, 'warning', about);
      return info;
    };
    try {
      const info = loaded(await loadIn(firstSpec));
      return { ...info, source: spec.source, ...explained(explanation) };
    } catch (error) {
      if (spec.device !== 'webgpu' || error instanceof WorkerCrashedError) throw this.explain(spec, error, damaged);
      const why = shortError(error);
      // A fresh worker: a failed WebGPU init can leave onnxruntime's global state half set up.
      this.stopWorker(new WorkerCrashedError(`The ${this.name} worker was restarted after a WebGPU failure.`));
      notify(`WebGPU could not load ${spec.modelId} (${why}); running on WASM instead.`, 'warning', { code: 'webgpu-load-failed', modelId: spec.modelId, why });
      try {
        const info = loaded(await loadIn({ ...spec, device: 'wasm' }));
        return { ...info, source: spec.source, ...explained(wasmFallback(spec.threads, 'webgpu-failed-at-load')), fellBackFrom: why };
      } catch (wasmError) {
        throw this.explain(spec, wasmError, damaged);
      }
    }
  }

  /** The load's error as a ModelLoadError (why as a code, for the interface's language); a crash stays a crash. */
  private explain(spec: LoadSpec, error: unknown, damaged: ReadonlyMap<string, unknown>): Error {
    if (error instanceof WorkerCrashedError) return error;
    const load = { modelId: spec.modelId, source: spec.source, dtype: spec.dtype, device: spec.device, hubHost: spec.hubHost, fromBytes: spec.bytes !== undefined };
    const problem = classifyLoadError(load, error, hubBlockedByPolicy(spec.hubHost), () => location.href, new Set(damaged.keys()));
    return new ModelLoadError(load, problem, { cause: error });
  }

  private ensureWorker(): Live {
    if (this.live) return this.live;
    const worker = this.createWorker(this.name);
    const live: Live = { worker, api: Comlink.wrap<InferenceWorkerApi>(worker), pending: new Set() };
    worker.addEventListener('error', (event) => {
      const detail = (event as ErrorEvent).message || 'unknown error';
      // The next call starts a fresh worker (not here: a worker that fails to start would loop).
      this.stopWorker(new WorkerCrashedError(`The ${this.name} worker stopped unexpectedly (${detail}). It was restarted; please try again.`, detail));
      this.reloadNeeded = this.lastLoad !== undefined;
    });
    this.live = live;
    return live;
  }

  private stopWorker(reason: Error): void {
    const live = this.live;
    if (!live) return;
    this.live = undefined;
    live.worker.terminate();
    for (const reject of live.pending) reject(reason);
    live.pending.clear();
  }
}

export type { FileProgress, TensorMap, TensorValue } from './protocol';
export { ModelLoadError, mayPassOnRetry, type LoadProblem } from './load-problem';
