import { describe, expect, it } from 'vitest';
import type { Facts, GpuFacts } from './capabilities';
import { recommend, type ModelTraits } from './recommend';

const realGpu: GpuFacts = { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false, shaderF16: true };
const swiftShader: GpuFacts = { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true, shaderF16: false };
const facts = (gpu: GpuFacts | null, extra: Partial<Facts> = {}): Facts => ({
  webgpuApi: true,
  gpu,
  crossOriginIsolated: true,
  hardwareConcurrency: 2,
  wasmThreads: 2,
  ...extra,
});
const fp32Int8: ModelTraits = { dtypes: { fp32: { files: [] }, int8: { files: [] } }, defaultDtype: 'fp32' };
const withFp16: ModelTraits = { dtypes: { fp32: { files: [] }, fp16: { files: [] }, int8: { files: [] } }, defaultDtype: 'int8' };
const auto = { device: 'auto', dtype: 'auto' } as const;

describe('recommend', () => {
  it('picks WASM when there is no adapter and says so with the thread count', () => {
    expect(recommend(fp32Int8, facts(null), auto)).toMatchObject({ device: 'wasm', dtype: 'fp32', threads: 2, reason: 'WASM, 2 threads — no WebGPU adapter' });
  });

  it('prefers WASM over a software (fallback) adapter', () => {
    const choice = recommend(fp32Int8, facts(swiftShader), auto);
    expect(choice.device).toBe('wasm');
    expect(choice.reason).toBe('WASM, 2 threads — WebGPU adapter is a software fallback');
  });

  it('says when the browser has no WebGPU at all, and when one thread is all it gets', () => {
    const noApi = recommend(fp32Int8, facts(null, { webgpuApi: false, crossOriginIsolated: false, wasmThreads: 1 }), auto);
    expect(noApi.reason).toBe('WASM, 1 thread — this browser has no WebGPU; page not cross-origin isolated, so 1 thread');
  });

  it('uses a real GPU, naming it, with fp16 when shader-f16 and the model has fp16', () => {
    expect(recommend(withFp16, facts(realGpu), auto)).toMatchObject({ device: 'webgpu', dtype: 'fp16', threads: 2, reason: 'WebGPU — nvidia ampere, shader-f16' });
  });

  it("uses the model's default dtype otherwise (fp32 for a model whose int8 is known bad)", () => {
    expect(recommend(fp32Int8, facts(realGpu), auto).dtype).toBe('fp32');
    expect(recommend(withFp16, facts(null), auto).dtype).toBe('int8');
  });

  it('honours WebGPU chosen by hand even on a software adapter', () => {
    const choice = recommend(fp32Int8, facts(swiftShader), { device: 'webgpu', dtype: 'auto' });
    expect(choice.device).toBe('webgpu');
    expect(choice.reason).toContain('chosen in settings');
  });

  it('cannot honour WebGPU without an adapter and says why', () => {
    const choice = recommend(fp32Int8, facts(null), { device: 'webgpu', dtype: 'auto' });
    expect(choice).toMatchObject({ device: 'wasm', reason: 'WASM, 2 threads — WebGPU chosen, but no WebGPU adapter' });
  });

  it('gives a small catalogued model one WASM thread and says why, unless threads are asked for', () => {
    const small: ModelTraits = { dtypes: { fp32: { files: [{ path: 'onnx/model.onnx', bytes: 750_000 }] } }, defaultDtype: 'fp32' };
    expect(recommend(small, facts(null), auto)).toMatchObject({
      device: 'wasm',
      dtype: 'fp32',
      threads: 1,
      reason: 'WASM, 1 thread — no WebGPU adapter; small model, 1 thread is faster',
    });
    expect(recommend(small, facts(null), auto, 2)).toMatchObject({ threads: 2, reason: 'WASM, 2 threads — no WebGPU adapter' });
    const big: ModelTraits = { dtypes: { fp32: { files: [{ path: 'onnx/model.onnx', bytes: 30_000_000 }] } }, defaultDtype: 'fp32' };
    expect(recommend(big, facts(null), auto).threads).toBe(2);
  });

  it('falls back to the default dtype when the chosen one is missing or unusable', () => {
    expect(recommend(fp32Int8, facts(null), { device: 'auto', dtype: 'fp16' })).toMatchObject({ dtype: 'fp32', reason: expect.stringContaining('model has no fp16') });
    const noF16 = recommend(withFp16, facts(swiftShader), { device: 'webgpu', dtype: 'fp16' });
    expect(noF16).toMatchObject({ device: 'webgpu', dtype: 'int8', reason: expect.stringContaining('GPU lacks shader-f16') });
    expect(recommend(fp32Int8, facts(null), { device: 'wasm', dtype: 'int8' })).toMatchObject({ device: 'wasm', dtype: 'int8' });
  });
});

describe('recommend explanation', () => {
  it('gives each cause as a code the interface can translate, matching the English reason', () => {
    const choice = recommend(fp32Int8, facts(null, { webgpuApi: false, crossOriginIsolated: false, wasmThreads: 1 }), { device: 'auto', dtype: 'fp16' });
    expect(choice.explanation).toEqual({
      device: 'wasm',
      threads: 1,
      why: [{ code: 'no-webgpu', cause: 'no-api', chosen: false }, { code: 'not-isolated' }, { code: 'dtype-missing', dtype: 'fp32', wanted: 'fp16' }],
    });
    expect(choice.reason).toBe('WASM, 1 thread — this browser has no WebGPU; page not cross-origin isolated, so 1 thread; fp32: model has no fp16');
    expect(recommend(withFp16, facts(realGpu), auto).explanation).toEqual({ device: 'webgpu', threads: 2, gpuName: 'nvidia ampere', shaderF16: true, why: [] });
  });
});
