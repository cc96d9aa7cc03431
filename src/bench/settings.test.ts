import { describe, expect, it } from 'vitest';
import { backendsToMeasure } from './settings';

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
