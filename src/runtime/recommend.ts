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

export function describeGpu(facts: Facts): string {
  const gpu = facts.gpu;
  if (!gpu) return 'WebGPU';
  const name = [gpu.vendor, gpu.architecture].filter(Boolean).join(' ');
  return `WebGPU — ${name}${gpu.shaderF16 ? ', shader-f16' : ''}`;
}

function whyNoGpu(facts: Facts): string | undefined {
  if (!facts.webgpuApi) return 'this browser has no WebGPU';
  if (!facts.gpu) return 'no WebGPU adapter';
  if (facts.gpu.isFallbackAdapter) return 'WebGPU adapter is a software fallback';
  return undefined;
}

function chooseDevice(facts: Facts, pref: DevicePreference): { device: Device; why?: string } {
  if (pref === 'wasm') return { device: 'wasm', why: 'chosen in settings' };
  if (pref === 'webgpu') {
    return facts.gpu ? { device: 'webgpu', why: 'chosen in settings' } : { device: 'wasm', why: `WebGPU chosen, but ${whyNoGpu(facts)}` };
  }
  const noGpu = whyNoGpu(facts);
  if (!facts.crossOriginIsolated && noGpu) return { device: 'wasm', why: `${noGpu}; page not cross-origin isolated, so 1 thread` };
  return noGpu ? { device: 'wasm', why: noGpu } : { device: 'webgpu' };
}

function chooseDtype(model: ModelTraits, device: Device, facts: Facts, pref: DtypePreference): { dtype: Dtype; why?: string } {
  const has = (d: Dtype) => model.dtypes[d] !== undefined;
  const f16Ok = device === 'webgpu' && Boolean(facts.gpu?.shaderF16);
  if (pref !== 'auto') {
    if (!has(pref)) return { dtype: model.defaultDtype, why: `model has no ${pref}` };
    if (pref === 'fp16' && device === 'webgpu' && !f16Ok) return { dtype: model.defaultDtype, why: 'GPU lacks shader-f16' };
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

function chooseThreads(model: ModelTraits, dtype: Dtype, facts: Facts): { threads: number; why?: string } {
  const bytes = weightBytes(model, dtype);
  if (facts.wasmThreads > 1 && bytes !== undefined && bytes < SMALL_MODEL_BYTES) return { threads: 1, why: 'small model, 1 thread is faster' };
  return { threads: facts.wasmThreads };
}

/** Threads override the choice (for benchmarks); otherwise small models get one thread. */
export function recommend(model: ModelTraits, facts: Facts, prefs: Preferences, threadsOverride?: number): Recommendation {
  const { device, why: deviceWhy } = chooseDevice(facts, prefs.device);
  const { dtype, why: dtypeWhy } = chooseDtype(model, device, facts, prefs.dtype);
  const auto = chooseThreads(model, dtype, facts);
  const threads = threadsOverride ?? auto.threads;
  const threadsWhy = threadsOverride === undefined && device === 'wasm' ? auto.why : undefined;
  const label = device === 'wasm' ? describeWasm(threads) : describeGpu(facts);
  const whys = [deviceWhy, dtypeWhy && `${dtype}: ${dtypeWhy}`, threadsWhy].filter(Boolean);
  return { device, dtype, threads, reason: whys.length ? `${label} — ${whys.join('; ')}` : label };
}
