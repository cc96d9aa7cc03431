// Every cause the runtime can give for a backend choice reads in Japanese once the interface is Japanese.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { switchLocale } from '../i18n/locale';
import { describeExplanation, type Explanation, type Why } from '../runtime/recommend';
import { explanationText } from './explanation-text';

const EVERY_WHY: Why[] = [
  { code: 'chosen-in-settings' },
  { code: 'no-webgpu', cause: 'no-api', chosen: false },
  { code: 'no-webgpu', cause: 'no-adapter', chosen: true },
  { code: 'no-webgpu', cause: 'fallback-adapter', chosen: false },
  { code: 'not-isolated' },
  { code: 'dtype-missing', dtype: 'fp32', wanted: 'fp16' },
  { code: 'no-shader-f16', dtype: 'int8' },
  { code: 'small-model' },
  { code: 'webgpu-failed-at-load' },
  { code: 'gpu-stopped' },
];
const COVERED: Record<Why['code'], true> = {
  'chosen-in-settings': true,
  'no-webgpu': true,
  'not-isolated': true,
  'dtype-missing': true,
  'no-shader-f16': true,
  'small-model': true,
  'webgpu-failed-at-load': true,
  'gpu-stopped': true,
};

describe('explanationText', () => {
  // @lit/localize announces a language change on window; Node has none.
  vi.stubGlobal('window', new EventTarget());
  afterAll(async () => {
    await switchLocale('en');
    vi.unstubAllGlobals();
  });

  it('says every cause in English as the runtime does, and in Japanese without English words', async () => {
    expect(new Set(EVERY_WHY.map((w) => w.code))).toEqual(new Set(Object.keys(COVERED)));
    const explanations: Explanation[] = EVERY_WHY.map((why, i) => ({ device: 'wasm', threads: (i % 3) + 1, why: [why, { code: 'small-model' }] }));
    explanations.push({ device: 'webgpu', threads: 2, gpuName: 'nvidia ampere', shaderF16: true, why: [] });
    for (const e of explanations) expect(explanationText(e)).toBe(describeExplanation(e));

    await switchLocale('ja');
    for (const e of explanations) {
      const text = explanationText(e);
      // What is left after the technical words (backend, dtypes, GPU name, abbreviations) must be Japanese.
      const words = text.replace(/WebGPU|WASM|shader-f16|fp16|fp32|int8|nvidia ampere/g, '').match(/[A-Za-z]*[a-z]{2,}[A-Za-z]*/g) ?? [];
      expect(words, text).toEqual([]);
      if (e.why.length > 0) expect(text, describeExplanation(e)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
