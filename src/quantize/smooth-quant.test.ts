import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { quantizeModel } from './quantize-model';
import { smoothModel, smoothingFactors } from './smooth-quant';
import { QuantizeError } from './errors';
import { ortCalibration } from './ort-calibration';
import { OnnxModelBuilder } from './testing/model-builder';
import { CLASSES, FEATURES, outlierModel, outlierSamples, type OutlierShape as Shape } from './testing/outlier-model';
import type { QuantizeOptions } from './types';

function samples(count: number, seed: number): Record<string, ort.Tensor>[] {
  return outlierSamples(count, seed).map(({ x }) => ({ x: new ort.Tensor('float32', x.data as Float32Array, x.dims) }));
}

async function outputs(model: Uint8Array, feeds: Record<string, ort.Tensor>[]): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(model);
  const result: Float32Array[] = [];
  for (const feed of feeds) result.push((await session.run(feed)).logits.data as Float32Array);
  await session.release();
  return result;
}

/** Root-mean-square error relative to the RMS of the reference. */
function relativeRmsError(reference: Float32Array[], candidate: Float32Array[]): number {
  let error = 0;
  let size = 0;
  reference.forEach((r, s) => r.forEach((v, i) => {
    error += (v - candidate[s][i]) ** 2;
    size += v * v;
  }));
  return Math.sqrt(error / size);
}

const calibrationFeeds = samples(32, 5);
const testFeeds = samples(64, 6);
const staticOptions = (extra: Partial<QuantizeOptions> = {}): QuantizeOptions => ({ mode: 'static', calibration: { run: ortCalibration(ort, calibrationFeeds) }, ...extra });

describe('smoothing factors', () => {
  it('are max|X|^α / max|W|^(1−α), 1 where a channel is all zero, and α moves the balance', () => {
    const s = smoothingFactors([16, 1, 0, 4], [1, 4, 2, 0], 0.5);
    expect(Array.from(s)).toEqual([4, 0.5, 1, 1]);
    expect(Array.from(smoothingFactors([16, 1], [4, 4], 1))).toEqual([16, 1]);
    expect(Array.from(smoothingFactors([16, 1], [4, 4], 0))).toEqual([0.25, 0.25]);
    // After smoothing with α = 0.5 the activation's and the weight's channel maxima are equal: √(max|X|·max|W|).
    const x = [100, 1, 9];
    const w = [1, 4, 1];
    smoothingFactors(x, w, 0.5).forEach((f, j) => expect(x[j] / f).toBeCloseTo(w[j] * f, 4));
  });
});

describe('SmoothQuant', () => {
  it.each<Shape>(['mul-add', 'layernorm', 'matmul-bias', 'gemm-relu', 'shared-input'])('the smoothed float model (%s) computes what the original does', async (shape) => {
    const original = outlierModel(shape);
    const { bytes, report } = await smoothModel(original, staticOptions());
    expect(report.smoothed.map((s) => s.tensor)).toEqual(['hidden']);
    expect(report.smoothed[0].factors.max).toBeGreaterThan(2 * report.smoothed[0].factors.min);
    const [expected, actual] = await Promise.all([outputs(original, testFeeds), outputs(bytes, testFeeds)]);
    expect(relativeRmsError(expected, actual)).toBeLessThan(1e-5);
  });

  it('names where each factor was folded', async () => {
    const { report } = await smoothModel(outlierModel('gemm-relu'), staticOptions());
    expect(report.smoothed[0]).toMatchObject({ consumers: ['Gemm_2'], foldedInto: 'Gemm "Gemm_0" (via Relu "Relu_1")' });
    expect(report.skipped).toEqual([{ tensor: 'x', reason: 'it is a graph input, with no operator before it to fold the factors into' }]);
    const shared = await smoothModel(outlierModel('shared-input'), staticOptions());
    expect(shared.report.smoothed[0].consumers).toEqual(['MatMul_2', 'MatMul_3', 'MatMul_4']);
  });

  it.each<Shape>(['mul-add', 'layernorm', 'gemm-relu'])('recovers the accuracy plain static int8 loses to outlier channels (%s)', async (shape) => {
    const original = outlierModel(shape);
    const reference = await outputs(original, testFeeds);
    const plain = await quantizeModel(original, staticOptions());
    const smoothed = await quantizeModel(original, staticOptions({ smoothQuant: { alpha: 0.5 } }));
    const plainError = relativeRmsError(reference, await outputs(plain.bytes, testFeeds));
    const smoothError = relativeRmsError(reference, await outputs(smoothed.bytes, testFeeds));
    expect(smoothed.report.smoothQuant?.smoothed).toHaveLength(1);
    expect(plainError).toBeGreaterThan(0.1);
    expect(smoothError).toBeLessThan(plainError / 3);
  });

  it('refuses a model with nothing to smooth, naming why, and other modes', async () => {
    const inputOnly = new OnnxModelBuilder(13, 1).input('x', ['batch', FEATURES]).output('y', ['batch', CLASSES]).randomWeight('w', [FEATURES, CLASSES]).node('MatMul', ['x', 'w'], ['y']).build();
    const error = await quantizeModel(inputOnly, staticOptions({ smoothQuant: {} })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuantizeError);
    expect((error as QuantizeError).code).toBe('smoothquant-not-applicable');
    expect((error as QuantizeError).message).toMatch(/"x": it is a graph input/);
    const dynamic = await quantizeModel(outlierModel('mul-add'), { mode: 'dynamic', smoothQuant: {} }).catch((e: unknown) => e);
    expect((dynamic as QuantizeError).code).toBe('invalid-options');
    const alpha = await quantizeModel(outlierModel('mul-add'), staticOptions({ smoothQuant: { alpha: 1.5 } })).catch((e: unknown) => e);
    expect((alpha as QuantizeError).message).toMatch(/α must be between 0 and 1; got 1.5/);
  });
});
