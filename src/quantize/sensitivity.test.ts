import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { layerSensitivity, mixedPrecision, wilsonLowerBound, type SensitivityProgress } from './sensitivity';
import { quantizeModel } from './quantize-model';
import { QuantizeError } from './errors';
import { ortCalibration, ortModelRunner } from './ort-calibration';
import { outlierModel, outlierSamples } from './testing/outlier-model';
import { top1Agreement } from './metrics';
import type { QuantizeOptions } from './types';
import type { TensorMap } from '../types/tensor';

const model = outlierModel('mul-add');
const calibration = outlierSamples(32, 5);
const evaluation = outlierSamples(32, 6);
const feeds = (samples: TensorMap[]) => samples.map(({ x }) => ({ x: new ort.Tensor('float32', x.data as Float32Array, x.dims) }));
const run = ortModelRunner(ort);
const quantize: QuantizeOptions = { mode: 'static', calibration: { run: ortCalibration(ort, feeds(calibration)) } };

async function logitRows(bytes: Uint8Array): Promise<number[][]> {
  const outputs = await run(bytes, evaluation, ['logits']);
  return outputs.flatMap((o) => Array.from({ length: 4 }, (_, r) => Array.from(o.logits.data).slice(r * 10, r * 10 + 10)));
}

describe('per-layer sensitivity', () => {
  it('ranks the MatMul reading the outlier channels first, with every layer measured once', async () => {
    const progress: SensitivityProgress[] = [];
    const layers = await layerSensitivity(model, { quantize, samples: evaluation, run, onProgress: (p) => progress.push(p) });
    expect(layers.map((l) => l.layer).sort()).toEqual(['MatMul_0', 'MatMul_4']);
    expect(layers[0]).toMatchObject({ layer: 'MatMul_4', op: 'MatMul', weight: 'w2' });
    expect(layers[0].sqnrDb).toBeLessThan(layers[1].sqnrDb);
    expect(layers[0].klDivergence).toBeGreaterThan(layers[1].klDivergence);
    for (const layer of layers) {
      expect(layer.agreement).toBeGreaterThanOrEqual(0);
      expect(layer.agreement).toBeLessThanOrEqual(1);
      expect(Number.isFinite(layer.sqnrDb)).toBe(true);
    }
    expect(progress.filter((p) => p.stage === 'layers').map((p) => p.done)).toEqual([1, 2]);
  });
});

describe('sensitivity with nodes the caller keeps in float', () => {
  it('measures only the other layers, and refuses a name the model lacks', async () => {
    const layers = await layerSensitivity(model, { quantize: { ...quantize, nodes: { exclude: ['MatMul_0'] } }, samples: evaluation, run });
    expect(layers.map((l) => l.layer)).toEqual(['MatMul_4']);
    const error = await layerSensitivity(model, { quantize: { ...quantize, nodes: { exclude: ['nope'] } }, samples: evaluation, run }).catch((e: unknown) => e);
    expect((error as QuantizeError).code).toBe('invalid-options');
    expect((error as QuantizeError).message).toMatch(/no node named "nope"/);
  });
});

describe('automatic mixed precision', () => {
  it('keeps the most sensitive layer in float to reach the target, and the agreement it reports is the model it returns', async () => {
    const all = await quantizeModel(model, quantize);
    const reference = await logitRows(model);
    const allAgreement = top1Agreement(reference, await logitRows(all.bytes));
    expect(allAgreement).toBeLessThan(0.95);
    const mixed = await mixedPrecision(model, { quantize, samples: evaluation, run, targetAgreement: 0.95 });
    expect(mixed.reached).toBe(true);
    expect(mixed.keptInFloat).toEqual(['MatMul_4']);
    expect(mixed.agreement).toBeGreaterThanOrEqual(0.95);
    expect(top1Agreement(reference, await logitRows(mixed.model))).toBe(mixed.agreement);
    expect(mixed.report!.skipped).toContainEqual({ name: 'MatMul_4', reason: 'kept in float (excluded)' });
    expect(mixed.bytes).toBe(mixed.model.byteLength);
    expect(mixed.bytes).toBeGreaterThan(all.bytes.byteLength);
    expect(mixed.steps.map((s) => s.keptInFloat)).toEqual([0, 1]);
    expect(mixed.steps[0].agreement).toBe(allAgreement);
  });

  it('returns the float model, not reached, when no quantized layer set meets the target; refuses a target outside (0, 1]', async () => {
    // Measured above: even with only MatMul_0 in int8, 2 of 128 rows change class.
    const mixed = await mixedPrecision(model, { quantize, samples: evaluation, run, targetAgreement: 1 });
    expect(mixed).toMatchObject({ reached: false, agreement: 1, report: null, keptInFloat: ['MatMul_4', 'MatMul_0'] });
    expect(mixed.model).toBe(model);
    expect(mixed.steps.map((s) => s.agreement < 1)).toEqual([true, true]);
    const error = await mixedPrecision(model, { quantize, samples: evaluation, run, targetAgreement: 1.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuantizeError);
    expect((error as QuantizeError).message).toMatch(/target agreement must be above 0 and at most 1; got 1.5/);
  });

  it('with a confidence level, stops only where the agreement bound reaches the target, not the agreement on the samples alone', async () => {
    // 126 of 128 rows agree with MatMul_4 kept in float (0.984 ≥ 0.97), but the 95% lower bound is 0.955.
    const plain = await mixedPrecision(model, { quantize, samples: evaluation, run, targetAgreement: 0.97 });
    expect(plain).toMatchObject({ reached: true, keptInFloat: ['MatMul_4'] });
    const confident = await mixedPrecision(model, { quantize, samples: evaluation, run, targetAgreement: 0.97, confidence: 0.95, sensitivity: plain.sensitivity });
    expect(confident).toMatchObject({ reached: false, report: null });
    expect(confident.model).toBe(model);
  });
});

describe('wilsonLowerBound', () => {
  it('matches the Wilson score interval on known values', () => {
    // 0.9922 on 1,024 drawings: the held-out agreement it predicts (0.986) is what doodle-vit's int4 measured.
    expect(wilsonLowerBound(0.9922, 1024, 0.95)).toBeCloseTo(0.98620, 4);
    expect(wilsonLowerBound(1, 1024, 0.95)).toBeCloseTo(0.99736, 4);
    expect(wilsonLowerBound(1, 16, 0.95)).toBeCloseTo(0.85535, 4);
    expect(wilsonLowerBound(0.5, 100, 0.95)).toBeCloseTo(0.41885, 4);
    expect(wilsonLowerBound(0.5, 100, 0.99)).toBeLessThan(wilsonLowerBound(0.5, 100, 0.9));
    expect(wilsonLowerBound(1, 0, 0.95)).toBe(0);
  });
});
