import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { inJapanese } from '../../i18n/testing/in-japanese';
import { QuantizeError, type QuantizeErrorCode } from '../../quantize/errors';
import type { Int4BlockSize } from '../../quantize/int4-blocks';
import { ortCalibration } from '../../quantize/ort-calibration';
import { quantizeModel } from '../../quantize/quantize-model';
import { buildSmallCnn, OnnxModelBuilder } from '../../quantize/testing/model-builder';
import type { QuantizeReport } from '../../quantize/types';
import { newVariant } from '../../runtime/variant-store';
import { madeMessage, quantizeErrorText, sizeChange, weightsSummary } from './lab-quantize';

describe('sizeChange', () => {
  it('says how many times smaller or larger, always with a factor of at least 1', () => {
    expect(sizeChange(1237, 479)).toBe('2.58× smaller');
    expect(sizeChange(479, 1237)).toBe('2.58× larger');
    expect(sizeChange(500, 500)).toBe('the same size');
    expect(sizeChange(0, 10)).toBe('size unknown');
    for (let seed = 1; seed < 200; seed++) {
      const before = (seed * 7919) % 5000 + 1;
      const after = (seed * 104729) % 5000 + 1;
      const text = sizeChange(before, after);
      const factor = Number.parseFloat(text);
      if (before !== after) expect(factor, text).toBeGreaterThanOrEqual(1);
      expect(text.endsWith(before > after ? 'smaller' : before < after ? 'larger' : 'size'), `${before} → ${after}: ${text}`).toBe(true);
    }
  });
});

describe('what the lab says about a quantization', () => {
  const weight = (format?: string) => ({ name: 'w', ops: ['Conv'], dims: [8, 8], axis: 0, maxError: 0.01, format });

  it('says what the weights became: int8 counts, or how many are in the weight format and how many stayed int8 or float', () => {
    expect(weightsSummary({ mode: 'static' }, { weights: [weight(), weight()], skipped: [] })).toBe('2 weight tensors quantized');
    expect(weightsSummary({ mode: 'dynamic' }, { weights: [weight()], skipped: [{ name: 'fc', reason: 'kept in float (excluded)' }] })).toBe(
      '1 weight tensors quantized, 1 left float',
    );
    const int4 = [weight('int4 DequantizeLinear (block 64 along axis 1, symmetric)'), weight('int4 MatMulNBits (block 64, symmetric)'), weight('int8 DequantizeLinear (per channel)')];
    expect(weightsSummary({ mode: 'int4', options: { blockSize: 64, symmetric: true } }, { weights: int4, skipped: [{ name: 'fc', reason: 'kept in float (excluded)' }] })).toBe(
      '2 weight tensors in int4 blocks of 64, 2 kept int8 or float',
    );
    expect(weightsSummary({ mode: 'palette', options: { bits: 6 } }, { weights: [weight('palette 6-bit (1 table of 64)')], skipped: [] })).toBe('1 weight tensors as tables of 64 values');
    expect(weightsSummary({ mode: 'fp16', options: {} }, { weights: [weight('float16'), weight('float16')], skipped: [] })).toBe('2 tensors stored as float16');
  });

  it('names the variant with its settings after "Made"', () => {
    const variant = newVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'int4', options: { blockSize: 32, symmetric: true }, bytes: new Uint8Array(4), createdAt: 1 });
    const report = { bytesBefore: 1_341_387, bytesAfter: 216_132, weights: [weight('int4 MatMulNBits (block 32, symmetric)')], skipped: [] } as unknown as QuantizeReport;
    const { kind, text } = madeMessage({ variant, report, notes: [] }, undefined);
    expect(kind).toBe('ok');
    expect(text).toMatch(/^Made int4 block 32, symmetric: 1\.3 MB → 216 kB \(6\.21× smaller, 1 weight tensors in int4 blocks of 32\)\. It is ticked/);
  });

  it('joins its sentences as each language writes them: a space after English, none after 。 in Japanese', async () => {
    const variant = newVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'static', bytes: new Uint8Array(4), createdAt: 1 });
    const selfCheck = { samples: 8, maxAbsError: 0.153, bound: Infinity, output: 'logits', unbounded: [{ output: 'probs', op: 'Sqrt' }] };
    const reports = [undefined, selfCheck].map((check) => ({ bytesBefore: 2000, bytesAfter: 600, weights: [weight()], skipped: [], selfCheck: check }) as unknown as QuantizeReport);
    const notes = [[], ['uint8 data gives values in [0, 1] only.'], ['First note.', 'Second note.']];
    const made = () => reports.flatMap((report) => notes.map((n) => madeMessage({ variant, report, notes: n }, undefined).text));
    for (const text of made()) expect(text, text).toMatch(/^Made static int8: [^]*\. It is ticked for the comparison below\.$/);
    for (const text of made()) expect(text, text).not.toMatch(/ {2}|\.[A-Z]/);
    let japanese: string[] = [];
    await inJapanese(() => (japanese = made()));
    for (const text of japanese) expect(text, text).not.toMatch(/[。！？]\s/);
    expect(japanese[3]).toContain('でした。Sqrt 以降は');
  });

  it("words every refusal the worker can send, keeping the quantizer's detail", async () => {
    const codes: QuantizeErrorCode[] = [
      'not-onnx',
      'external-data',
      'no-float-weights',
      'unsupported-opset',
      'too-few-calibration-samples',
      'calibration-mismatch',
      'calibration-data',
      'self-check-failed',
      'invalid-options',
      'smoothquant-not-applicable',
    ];
    const texts = codes.map((code) => quantizeErrorText(new QuantizeError(code, 'DETAIL.')));
    for (const [i, text] of texts.entries()) {
      expect(text, codes[i]).toContain('DETAIL.');
      expect(text.length, codes[i]).toBeGreaterThan('DETAIL.'.length + 20);
    }
    expect(new Set(texts).size).toBe(codes.length);
    // Real refusals from the quantizer: the settings are named, and SmoothQuant says what to do instead.
    const badBlock = await quantizeModel(buildSmallCnn({ classes: 4, seed: 3 }), { mode: 'int4', blockSize: 48 as Int4BlockSize }).then(() => undefined, (e: unknown) => e as QuantizeError);
    expect(quantizeErrorText(badBlock!)).toMatch(/^These settings do not fit this model: int4 block size must be 32, 64, 128; got 48\./);
    const inputOnly = new OnnxModelBuilder(13, 1).input('x', ['batch', 8]).output('y', ['batch', 4]).randomWeight('w', [8, 4]).node('MatMul', ['x', 'w'], ['y']).build();
    const samples = Array.from({ length: 16 }, (_, i) => ({ x: new ort.Tensor('float32', Float32Array.from({ length: 8 }, (_, j) => Math.sin(i + j)), [1, 8]) }));
    const noSmoothing = await quantizeModel(inputOnly, { mode: 'static', calibration: { run: ortCalibration(ort, samples) }, smoothQuant: { alpha: 0.5 } }).then(() => undefined, (e: unknown) => e as QuantizeError);
    expect(noSmoothing?.code).toBe('smoothquant-not-applicable');
    expect(quantizeErrorText(noSmoothing!)).toMatch(/^SmoothQuant cannot be used on this model: .*"x": it is a graph input.* Turn SmoothQuant off/);
  });
});
