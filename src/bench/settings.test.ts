import { describe, expect, it } from 'vitest';
import { backendsToMeasure, variantBackends } from './settings';

describe('backendsToMeasure', () => {
  it('measures WASM with one and with all threads, and WebGPU only with an adapter', () => {
    expect(backendsToMeasure('all', { crossOriginIsolated: true, hardwareConcurrency: 2, hasGpu: false })).toEqual(['wasm-1', 'wasm-2']);
    expect(backendsToMeasure('all', { crossOriginIsolated: true, hardwareConcurrency: 8, hasGpu: true })).toEqual(['wasm-1', 'wasm-8', 'webgpu']);
    expect(backendsToMeasure('webgpu', { crossOriginIsolated: true, hardwareConcurrency: 2, hasGpu: true })).toEqual(['webgpu']);
  });

  it('offers one thread only when the page is not cross-origin isolated', () => {
    expect(backendsToMeasure('wasm', { crossOriginIsolated: false, hardwareConcurrency: 8, hasGpu: false })).toEqual(['wasm-1']);
    expect(backendsToMeasure('webgpu', { crossOriginIsolated: true, hardwareConcurrency: 2, hasGpu: false })).toEqual([]);
  });
});

describe('variantBackends', () => {
  const hardware = { isFallbackAdapter: false };
  const software = { isFallbackAdapter: true };

  it('times the variants on WASM at the app\'s thread count and on a hardware GPU only', () => {
    expect(variantBackends(['wasm-1', 'wasm-8', 'webgpu'], 1, hardware)).toEqual({ backends: ['wasm-1', 'webgpu'], skippedSoftwareGpu: false });
    expect(variantBackends(['wasm-1', 'wasm-2', 'webgpu'], 2, software)).toEqual({ backends: ['wasm-2'], skippedSoftwareGpu: true });
    expect(variantBackends(['webgpu'], 1, software)).toEqual({ backends: [], skippedSoftwareGpu: true });
    expect(variantBackends(['webgpu'], 1, hardware)).toEqual({ backends: ['webgpu'], skippedSoftwareGpu: false });
    expect(variantBackends([], 1, null)).toEqual({ backends: [], skippedSoftwareGpu: false });
  });
});
