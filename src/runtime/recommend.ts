/** Pure choice of device, dtype and WASM threads for one model, with the reason in words for the header badge. */
import type { Facts } from './capabilities';
import type { CatalogModel } from './catalog';
import type { Device, Dtype } from './protocol';
import type { DevicePreference, DtypePreference } from './settings';

export interface Recommendation {
  device: Device;
  dtype: Dtype;
  /** onnxruntime WASM threads for this model (also used when WebGPU falls back to WASM). */
  threads: number;
  /** e.g. "WASM, 2 threads — no WebGPU adapter". */
  reason: string;
  /** The same reason as data, so the interface can say it in the user's language. */
  explanation: Explanation;
}

/** One cause behind a choice, by code (the header badge translates each code). */
export type Why =
  | { code: 'chosen-in-settings' }
  | { code: 'no-webgpu'; cause: 'no-api' | 'no-adapter' | 'fallback-adapter'; chosen: boolean }
  | { code: 'not-isolated' }
  | { code: 'dtype-missing'; dtype: Dtype; wanted: Dtype }
  | { code: 'no-shader-f16'; dtype: Dtype }
  | { code: 'small-model' }
  | { code: 'webgpu-failed-at-load' }
  | { code: 'gpu-stopped' };

/** What runs the model (WASM with its threads, or WebGPU with the adapter's name) and why. */
export interface Explanation {
  device: Device;
  threads: number;
  /** "vendor architecture" of the WebGPU adapter, when known. */
  gpuName?: string;
  shaderF16?: boolean;
  why: Why[];
}

/**
 * Below this many bytes of weights a model runs faster on one WASM thread: each inference is too short for thread
 * hand-offs to pay (measured here with the 0.75 MB sketch CNN: 1 thread ≈ 3× the runs/s of 2 threads).
 */
export const SMALL_MODEL_BYTES = 8_000_000;

/** The part of a catalog entry the choice depends on. */
export type ModelTraits = Pick<CatalogModel, 'dtypes' | 'defaultDtype'>;

export interface Preferences {
  device: DevicePreference;
  dtype: DtypePreference;
}

export function describeWasm(threads: number): string {
  return `WASM, ${threads} thread${threads === 1 ? '' : 's'}`;
}

function whyNoGpu(facts: Facts): 'no-api' | 'no-adapter' | 'fallback-adapter' | undefined {
  if (!facts.webgpuApi) return 'no-api';
  if (!facts.gpu) return 'no-adapter';
  if (facts.gpu.isFallbackAdapter) return 'fallback-adapter';
  return undefined;
}

function chooseDevice(facts: Facts, pref: DevicePreference): { device: Device; why: Why[] } {
  if (pref === 'wasm') return { device: 'wasm', why: [{ code: 'chosen-in-settings' }] };
  const noGpu = whyNoGpu(facts);
  if (pref === 'webgpu') {
    return facts.gpu
      ? { device: 'webgpu', why: [{ code: 'chosen-in-settings' }] }
      : { device: 'wasm', why: [{ code: 'no-webgpu', cause: noGpu ?? 'no-adapter', chosen: true }] };
  }
  if (!noGpu) return { device: 'webgpu', why: [] };
  const why: Why[] = [{ code: 'no-webgpu', cause: noGpu, chosen: false }];
  return { device: 'wasm', why: facts.crossOriginIsolated ? why : [...why, { code: 'not-isolated' }] };
}

function chooseDtype(model: ModelTraits, device: Device, facts: Facts, pref: DtypePreference): { dtype: Dtype; why?: Why } {
  const has = (d: Dtype) => model.dtypes[d] !== undefined;
  const f16Ok = device === 'webgpu' && Boolean(facts.gpu?.shaderF16);
  if (pref !== 'auto') {
    if (!has(pref)) return { dtype: model.defaultDtype, why: { code: 'dtype-missing', dtype: model.defaultDtype, wanted: pref } };
    if (pref === 'fp16' && device === 'webgpu' && !f16Ok) return { dtype: model.defaultDtype, why: { code: 'no-shader-f16', dtype: model.defaultDtype } };
    return { dtype: pref };
  }
  if (f16Ok && has('fp16')) return { dtype: 'fp16' };
  return { dtype: model.defaultDtype };
}

/** Weight bytes of one dtype, when the catalog knows every size. */
function weightBytes(model: ModelTraits, dtype: Dtype): number | undefined {
  const files = model.dtypes[dtype]?.files ?? [];
  if (files.length === 0 || files.some((f) => f.bytes === undefined)) return undefined;
  return files.reduce((sum, f) => sum + f.bytes!, 0);
}

function chooseThreads(model: ModelTraits, dtype: Dtype, facts: Facts): { threads: number; why?: Why } {
  const bytes = weightBytes(model, dtype);
  if (facts.wasmThreads > 1 && bytes !== undefined && bytes < SMALL_MODEL_BYTES) return { threads: 1, why: { code: 'small-model' } };
  return { threads: facts.wasmThreads };
}

/** Threads override the choice (for benchmarks); otherwise small models get one thread. */
export function recommend(model: ModelTraits, facts: Facts, prefs: Preferences, threadsOverride?: number): Recommendation {
  const { device, why: deviceWhy } = chooseDevice(facts, prefs.device);
  const { dtype, why: dtypeWhy } = chooseDtype(model, device, facts, prefs.dtype);
  const auto = chooseThreads(model, dtype, facts);
  const threads = threadsOverride ?? auto.threads;
  const threadsWhy = threadsOverride === undefined && device === 'wasm' ? auto.why : undefined;
  const why = [...deviceWhy, dtypeWhy, threadsWhy].filter((w): w is Why => w !== undefined);
  const explanation: Explanation = { device, threads, why };
  if (device === 'webgpu' && facts.gpu) {
    explanation.gpuName = [facts.gpu.vendor, facts.gpu.architecture].filter(Boolean).join(' ');
    explanation.shaderF16 = facts.gpu.shaderF16;
  }
  return { device, dtype, threads, reason: describeExplanation(explanation), explanation };
}

/** The WASM fallback's explanation after WebGPU failed at load or stopped working later. */
export function wasmFallback(threads: number, code: 'webgpu-failed-at-load' | 'gpu-stopped'): Explanation {
  return { device: 'wasm', threads, why: [{ code }] };
}

const NO_GPU: Record<'no-api' | 'no-adapter' | 'fallback-adapter', string> = {
  'no-api': 'this browser has no WebGPU',
  'no-adapter': 'no WebGPU adapter',
  'fallback-adapter': 'WebGPU adapter is a software fallback',
};

function describeWhy(why: Why): string {
  switch (why.code) {
    case 'chosen-in-settings':
      return 'chosen in settings';
    case 'no-webgpu':
      return why.chosen ? `WebGPU chosen, but ${NO_GPU[why.cause]}` : NO_GPU[why.cause];
    case 'not-isolated':
      return 'page not cross-origin isolated, so 1 thread';
    case 'dtype-missing':
      return `${why.dtype}: model has no ${why.wanted}`;
    case 'no-shader-f16':
      return `${why.dtype}: GPU lacks shader-f16`;
    case 'small-model':
      return 'small model, 1 thread is faster';
    case 'webgpu-failed-at-load':
      return 'WebGPU failed at load';
    case 'gpu-stopped':
      return 'the GPU stopped working';
  }
}

/** The explanation in English, e.g. "WASM, 1 thread — no WebGPU adapter; small model, 1 thread is faster". */
export function describeExplanation(explanation: Explanation): string {
  const { device, threads, gpuName, shaderF16, why } = explanation;
  const label = device === 'wasm' ? describeWasm(threads) : gpuName === undefined ? 'WebGPU' : `WebGPU — ${gpuName}${shaderF16 ? ', shader-f16' : ''}`;
  return why.length ? `${label} — ${why.map(describeWhy).join('; ')}` : label;
}
