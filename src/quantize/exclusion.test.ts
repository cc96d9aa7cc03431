import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { quantizeModel } from './quantize-model';
import { QuantizeError } from './errors';
import { ortCalibration, ortModelRunner } from './ort-calibration';
import { buildSmallCnn } from './testing/model-builder';
import { inspectModel, nodesOfType } from './testing/inspect';
import { DataType } from './tensor';
import { seededRandom } from '../util/prng';
import type { QuantizeMode, QuantizeOptions } from './types';

const cnn = buildSmallCnn();
const random = seededRandom(3);
const feeds = Array.from({ length: 16 }, () => ({ input: new ort.Tensor('float32', Float32Array.from({ length: 784 }, random), [1, 1, 28, 28]) }));
const options = (mode: QuantizeMode, extra: Partial<QuantizeOptions> = {}): QuantizeOptions => ({
  mode,
  calibration: { run: ortCalibration(ort, feeds) },
  selfCheck: { run: ortModelRunner(ort) },
  ...extra,
});

describe('nodes kept in float (nodes.exclude)', () => {
  it.each<QuantizeMode>(['weight-only', 'dynamic', 'static'])('%s: the excluded node keeps its float weight and float inputs, and is reported', async (mode) => {
    const { bytes, report } = await quantizeModel(cnn, options(mode, { nodes: { exclude: ['Conv_3'] } }));
    const model = inspectModel(bytes);
    expect(model.graph.initializer.find((t) => t.name === 'conv2.weight')?.dataType).toBe(DataType.FLOAT);
    expect(report.weights.map((w) => w.name)).toEqual(['conv1.weight', 'fc.weight']);
    expect(report.skipped).toContainEqual({ name: 'Conv_3', reason: 'kept in float (excluded)' });
    // The excluded Conv is still there, reading the float tensors the model computes before it.
    const conv = nodesOfType(model, 'Conv').find((node) => node.input[1] === 'conv2.weight');
    expect(conv?.input.slice(0, 2)).toEqual(['pool1', 'conv2.weight']);
    if (mode === 'static') expect(report.activations.map((a) => a.name)).not.toContain('conv2');
    // The self-check ran it in onnxruntime-node within its int8 bound.
    expect(report.selfCheck!.samples).toBeGreaterThan(0);
  });

  it('refuses a name no node has, and excluding every layer', async () => {
    const unknown = await quantizeModel(cnn, options('weight-only', { nodes: { exclude: ['Conv_3', 'conv9'] } })).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(QuantizeError);
    expect((unknown as QuantizeError).code).toBe('invalid-options');
    expect((unknown as QuantizeError).message).toMatch(/no node named "conv9"/);
    const all = await quantizeModel(cnn, options('dynamic', { nodes: { exclude: ['Conv_0', 'Conv_3', 'Gemm_7'] } })).catch((e: unknown) => e);
    expect((all as QuantizeError).code).toBe('no-float-weights');
    expect((all as QuantizeError).message).toMatch(/Every Conv, Gemm and MatMul with a stored weight is excluded/);
  });
});

describe('calibration methods in static mode', () => {
  it('a clipping method reports its ranges inside the observed extremes, minmax equal to them', async () => {
    const minmax = await quantizeModel(cnn, options('static'));
    expect(minmax.report.calibrationMethod).toBe('minmax');
    for (const method of ['percentile', 'entropy', 'mse'] as const) {
      const { report } = await quantizeModel(cnn, options('static', { calibration: { run: ortCalibration(ort, feeds), method } }));
      expect(report.calibrationMethod).toBe(method);
      for (const activation of report.activations) {
        const same = minmax.report.activations.find((a) => a.name === activation.name)!;
        expect(activation.observed).toEqual({ min: same.calibrated!.min, max: same.calibrated!.max });
        expect(activation.calibrated!.max).toBeLessThanOrEqual(activation.observed!.max);
        expect(activation.calibrated!.min).toBeGreaterThanOrEqual(activation.observed!.min);
      }
      // Clipping is within the self-check's bound (values beyond the range count as error there).
      expect(report.selfCheck!.samples).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown method and a percentile outside (0, 100]', async () => {
    const bad = await quantizeModel(cnn, { mode: 'static', calibration: { run: ortCalibration(ort, feeds), method: 'kl' as never } }).catch((e: unknown) => e);
    expect((bad as QuantizeError).message).toMatch(/Unknown calibration method "kl"; use one of minmax, percentile, entropy, mse/);
    const percentile = await quantizeModel(cnn, { mode: 'static', calibration: { run: ortCalibration(ort, feeds), method: 'percentile', percentile: 0 } }).catch((e: unknown) => e);
    expect((percentile as QuantizeError).code).toBe('invalid-options');
  });
});
