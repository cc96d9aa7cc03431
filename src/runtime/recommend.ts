/** Pure choice of device and dtype for one model, with the reason in words for the header badge. */
import type { Facts } from './capabilities';
import type { CatalogModel } from './catalog';
import type { Device, Dtype } from './protocol';
import type { DevicePreference, DtypePreference } from './settings';

export interface Recommendation {
  device: Device;
  dtype: Dtype;
  /** e.g. "WASM, 2 threads — no WebGPU adapter". */
  reason: string;
}

/** The part of a catalog entry the choice depends on. */
export type ModelTraits = Pick<CatalogModel, 'dtypes' | 'defaultDtype'>;

export interface Preferences {
  device: DevicePreference;
  dtype: DtypePreference;
}

export function describeWasm(facts: Facts): string {
  return `WASM, ${facts.wasmThreads} thread${facts.wasmThreads === 1 ? '' : 's'}`;
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

export function recommend(model: ModelTraits, facts: Facts, prefs: Preferences): Recommendation {
  const { device, why: deviceWhy } = chooseDevice(facts, prefs.device);
  const { dtype, why: dtypeWhy } = chooseDtype(model, device, facts, prefs.dtype);
  const label = device === 'wasm' ? describeWasm(facts) : describeGpu(facts);
  const whys = [deviceWhy, dtypeWhy && `${dtype}: ${dtypeWhy}`].filter(Boolean);
  return { device, dtype, reason: whys.length ? `${label} — ${whys.join('; ')}` : label };
}
