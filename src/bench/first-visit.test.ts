import { describe, expect, it } from 'vitest';
import { firstVisitHeadline, firstVisitMarkdown, resourceKind, type FirstVisit } from './first-visit';

describe('resourceKind', () => {
  it('tells model files, the ONNX runtime and app files apart', () => {
    expect(resourceKind('http://127.0.0.1:4390/models/doodle-cnn/onnx/model.onnx')).toBe('model');
    expect(resourceKind('http://127.0.0.1:4391/Xenova/t5-small/resolve/main/config.json')).toBe('model');
    expect(resourceKind('http://127.0.0.1:4390/assets/ort-wasm-simd-threaded-4byDm7i3.wasm')).toBe('runtime');
    expect(resourceKind('http://127.0.0.1:4390/assets/ort-wasm-simd-threaded.asyncify-DXIbolS2.mjs')).toBe('runtime');
    expect(resourceKind('http://127.0.0.1:4390/assets/inference.worker-BRoOJXEJ.js')).toBe('app');
    expect(resourceKind('http://127.0.0.1:4390/')).toBe('app');
  });
});

describe('first visit report', () => {
  const visit: FirstVisit = {
    serviceWorker: 'blocked',
    doodle: {
      bytesToFirstGuess: 16_500_000,
      requestsToFirstGuess: 40,
      appBytes: 900_000,
      runtimeBytes: 14_300_000,
      modelBytes: 1_300_000,
      appBytesBeforeModel: 250_000,
      modelReadyMs: 2400,
      firstGuessMs: 3100,
      drawAndGuessMs: 700,
    },
    modelFreePage: { route: 'models', bytes: 260_000, requests: 20, runtimeBytes: 0, modelBytes: 0 },
    precacheBytes: 19_000_000,
    loadAverage: 1.5,
  };

  it('gives the bytes, their split and the times in one table', () => {
    const md = firstVisitMarkdown(visit);
    expect(md).toContain('| Doodle page: bytes until the first guess | 16.5 MB (40 requests) |');
    expect(md).toContain('| … of which the ONNX runtime (WASM) | 14.3 MB |');
    expect(md).toContain('| Doodle page: time until the first guess | 3.10 s (drawing + first prediction: 0.70 s) |');
    expect(md).toContain('| #/models (no model): bytes | 260 kB (20 requests; runtime 0 B, models 0 B) |');
  });

  it('reports exact numbers in the JSON headline', () => {
    expect(firstVisitHeadline(visit)).toEqual({
      first_visit_bytes_to_first_guess: 16_500_000,
      first_visit_ms_to_first_guess: 3100,
      first_visit_ms_to_model_ready: 2400,
      first_page_bytes_before_model: 250_000,
      model_free_page_bytes: 260_000,
    });
  });
});
