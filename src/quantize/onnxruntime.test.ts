import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { quantizeModel } from './quantize-model';
import { ortCalibration } from './ort-calibration';
import { buildMlp, buildSmallCnn, OnnxModelBuilder } from './testing/model-builder';
import { seededRandom } from '../util/prng';
import { top1Agreement } from './metrics';
import type { QuantizeMode, QuantizeOptions } from './types';

// The quantized models must run in a real ONNX runtime and compute nearly what the float model computes.

function randomInputs(count: number, dims: number[], seed: number): Record<string, ort.Tensor>[] {
  const random = seededRandom(seed);
  const size = dims.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, () => ({ input: new ort.Tensor('float32', Float32Array.from({ length: size }, random), dims) }));
}

async function compare(floatModel: Uint8Array, quantizedModel: Uint8Array, inputs: Record<string, ort.Tensor>[]) {
  const [reference, candidate] = await Promise.all([ort.InferenceSession.create(floatModel), ort.InferenceSession.create(quantizedModel)]);
  const expectedOutputs: Float32Array[] = [];
  const actualOutputs: Float32Array[] = [];
  let maxDifference = 0;
  let maxLogit = 0;
  for (const feeds of inputs) {
    const expected = (await reference.run(feeds)).logits.data as Float32Array;
    const actual = (await candidate.run(feeds)).logits.data as Float32Array;
    expectedOutputs.push(expected);
    actualOutputs.push(actual);
    for (let i = 0; i < expected.length; i++) {
      maxDifference = Math.max(maxDifference, Math.abs(expected[i] - actual[i]));
      maxLogit = Math.max(maxLogit, Math.abs(expected[i]));
    }
  }
  await Promise.all([reference.release(), candidate.release()]);
  return { agreement: top1Agreement(expectedOutputs, actualOutputs), relativeError: maxDifference / maxLogit };
}

const models = [
  { name: 'CNN (Conv→Relu→MaxPool ×2→Flatten→Gemm)', bytes: buildSmallCnn(), dims: [1, 1, 28, 28] },
  { name: 'MLP (MatMul+Add+Relu ×3)', bytes: buildMlp({ sizes: [256, 512, 512, 10] }), dims: [1, 256] },
];
const modes: QuantizeMode[] = ['weight-only', 'dynamic', 'static'];

describe.each(models)('$name in onnxruntime-node', ({ bytes, dims }) => {
  const calibration = randomInputs(64, dims, 11);
  const tests = randomInputs(100, dims, 12);
  const optionsFor = (mode: QuantizeMode, perChannel = true): QuantizeOptions => ({
    mode,
    perChannel,
    calibration: { run: ortCalibration(ort, calibration) },
  });

  it.each(modes)('%s int8 predicts like the float model', async (mode) => {
    const { bytes: quantized } = await quantizeModel(bytes, optionsFor(mode));
    const { agreement, relativeError } = await compare(bytes, quantized, tests);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
    // Min/max calibration clamps activations beyond what the 64 calibration samples reached.
    expect(relativeError).toBeLessThan(mode === 'static' ? 0.2 : 0.1);
  });

  it('static int8 is close to the float model on inputs inside the calibrated ranges', async () => {
    const { bytes: quantized } = await quantizeModel(bytes, optionsFor('static'));
    expect((await compare(bytes, quantized, calibration)).relativeError).toBeLessThan(0.05);
  });

  it.each(['weight-only', 'dynamic'] as const)('%s int8 with one scale per tensor still runs and agrees', async (mode) => {
    const { bytes: quantized } = await quantizeModel(bytes, optionsFor(mode, false));
    expect((await compare(bytes, quantized, tests)).agreement).toBeGreaterThanOrEqual(0.9);
  });
});

describe('size', () => {
  it.each(modes)('%s int8 is at least 3.5× smaller than a weight-bound float model', async (mode) => {
    const mlp = models[1];
    const { report } = await quantizeModel(mlp.bytes, {
      mode,
      calibration: { run: ortCalibration(ort, randomInputs(16, mlp.dims, 3)) },
    });
    expect(report.bytesBefore / report.bytesAfter).toBeGreaterThanOrEqual(3.5);
  });
});

describe('older models', () => {
  it('an opset-11 CNN raised to opset 13 runs and agrees', async () => {
    const cnn = buildSmallCnn({ opset: 11 });
    const { bytes: quantized, report } = await quantizeModel(cnn, { mode: 'weight-only' });
    expect(report.opsetAfter).toBe(13);
    expect((await compare(cnn, quantized, randomInputs(50, [1, 1, 28, 28], 8))).agreement).toBeGreaterThanOrEqual(0.95);
  });
});

describe('shared weights', () => {
  it('dynamic mode keeps a float copy of a weight that another operator also reads', async () => {
    const model = new OnnxModelBuilder(13, 5)
      .input('input', ['batch', 8])
      .output('logits', ['batch', 4])
      .output('weight_sum', [])
      .randomWeight('w', [8, 4], 8)
      .node('MatMul', ['input', 'w'], ['logits'])
      .node('ReduceSum', ['w'], ['weight_sum'], { keepdims: 0 })
      .build();
    const { bytes: quantized } = await quantizeModel(model, { mode: 'dynamic' });
    const feeds = randomInputs(1, [1, 8], 4)[0];
    const [reference, candidate] = await Promise.all([ort.InferenceSession.create(model), ort.InferenceSession.create(quantized)]);
    const expected = await reference.run(feeds);
    const actual = await candidate.run(feeds);
    expect(actual.weight_sum.data[0]).toBe(expected.weight_sum.data[0]);
    expect((await compare(model, quantized, randomInputs(20, [1, 8], 6))).relativeError).toBeLessThan(0.05);
  });
});

describe('operator variants', () => {
  const variants = [
    {
      name: 'Gemm without transB, with alpha and beta, after a Conv without bias',
      dims: [1, 2, 6, 6],
      bytes: new OnnxModelBuilder(13, 9)
        .input('input', ['batch', 2, 6, 6])
        .output('logits', ['batch', 5])
        .randomWeight('conv.weight', [4, 2, 3, 3])
        .randomWeight('fc.weight', [64, 5], 64)
        .randomBias('fc.bias', 5)
        .node('Conv', ['input', 'conv.weight'], ['conv'], { kernel_shape: [3, 3] })
        .node('Flatten', ['conv'], ['flat'], { axis: 1 })
        .node('Gemm', ['flat', 'fc.weight', 'fc.bias'], ['logits'], { alpha: { float: 0.5 }, beta: { float: 2 } })
        .build(),
    },
    {
      name: 'MatMul on a sequence [batch, tokens, features], as in transformer models',
      dims: [2, 7, 16],
      bytes: new OnnxModelBuilder(13, 10)
        .input('input', ['batch', 'tokens', 16])
        .output('logits', ['batch', 'tokens', 8])
        .randomWeight('w1', [16, 32], 16)
        .randomWeight('w2', [32, 8], 32)
        .node('MatMul', ['input', 'w1'], ['h'])
        .node('Relu', ['h'], ['r'])
        .node('MatMul', ['r', 'w2'], ['logits'])
        .build(),
    },
  ];

  describe.each(variants)('$name', ({ bytes, dims }) => {
    it.each(modes)('%s int8 computes nearly what the float model does', async (mode) => {
      const calibration = randomInputs(32, dims, 21);
      const { bytes: quantized } = await quantizeModel(bytes, { mode, calibration: { run: ortCalibration(ort, calibration) } });
      expect((await compare(bytes, quantized, calibration)).relativeError).toBeLessThan(0.05);
    });
  });
});
