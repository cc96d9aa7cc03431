import { describe, expect, it } from 'vitest';
import { quantizeModel } from './quantize-model';
import { QuantizeError } from './errors';
import { calibrationTensorNames } from './calibration';
import { decodeModel, encodeModel, onnx } from './proto';
import { DataType, readFloatTensor } from './tensor';
import { buildMlp, buildSmallCnn, OnnxModelBuilder, type AttributeValue } from './testing/model-builder';
import { attributeOf, initializerOf, inspectModel, nodesOfType } from './testing/inspect';
import { seededNormal, randomFloats } from '../util/prng';
import type { QuantizeProgress } from './types';

const axesOfDequantize = (bytes: Uint8Array) => nodesOfType(inspectModel(bytes), 'DequantizeLinear').map((node) => attributeOf(node, 'axis'));

function signature(bytes: Uint8Array): unknown {
  const { graph } = inspectModel(bytes);
  return { inputs: graph.input, outputs: graph.output };
}

async function expectQuantizeError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QuantizeError);
  expect((error as QuantizeError).code).toBe(code);
  expect((error as QuantizeError).message).toMatch(message);
}

/** Opset 10: x [1, 4] → MatMul → `op` → y [1, 3]. */
const opset10MatMulThen = (op: string, attributes: Record<string, AttributeValue>) =>
  new OnnxModelBuilder(10, 3).input('x', [1, 4]).output('y', [1, 3]).randomWeight('w', [4, 3]).node('MatMul', ['x', 'w'], ['z']).node(op, ['z'], ['y'], attributes).build();

const relatedRanges = (bytes: Uint8Array) =>
  Object.fromEntries(calibrationTensorNames(bytes).map((name) => [name, { min: -1, max: 1 }]));

describe('weight-only mode', () => {
  it('stores each Conv/Gemm weight as int8 with a DequantizeLinear along its output-channel axis', async () => {
    const { bytes, report } = await quantizeModel(buildSmallCnn(), { mode: 'weight-only' });
    const model = inspectModel(bytes);
    const dequantize = nodesOfType(model, 'DequantizeLinear');
    expect(dequantize.map((node) => node.output[0]).sort()).toEqual(['conv1.weight', 'conv2.weight', 'fc.weight']);
    // Conv kernels are [out, in, kh, kw]; the Gemm uses transB=1, so its weight is [out, in] too.
    expect(axesOfDequantize(bytes)).toEqual([0, 0, 0]);
    const int8 = model.graph.initializer.filter((t) => t.dataType === DataType.INT8 && t.name.endsWith('_quantized'));
    expect(int8.map((t) => t.dims)).toEqual([[8, 1, 3, 3], [16, 8, 3, 3], [10, 784]]);
    expect(initializerOf(model, 'fc.weight_scale')?.dims).toEqual([10]);
    expect(report.weights.map((w) => w.name)).toEqual(['conv1.weight', 'conv2.weight', 'fc.weight']);
    expect(report.bytesAfter).toBe(bytes.byteLength);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore / 3);
  });

  it('keeps biases in float and the graph inputs and outputs unchanged', async () => {
    const original = buildSmallCnn();
    const { bytes } = await quantizeModel(original, { mode: 'weight-only' });
    const model = inspectModel(bytes);
    for (const bias of ['conv1.bias', 'conv2.bias', 'fc.bias']) {
      expect(initializerOf(model, bias)?.dataType).toBe(DataType.FLOAT);
    }
    expect(signature(bytes)).toEqual(signature(original));
  });

  it('uses the last axis of a MatMul weight [in, out] for per-channel scales', async () => {
    const { bytes } = await quantizeModel(buildMlp(), { mode: 'weight-only' });
    expect(axesOfDequantize(bytes)).toEqual([1, 1, 1]);
  });

  it('uses one scale per tensor when per-channel is off', async () => {
    const { bytes, report } = await quantizeModel(buildMlp(), { mode: 'weight-only', perChannel: false });
    expect(axesOfDequantize(bytes)).toEqual([null, null, null]);
    expect(report.weights.every((w) => w.axis === null)).toBe(true);
  });

  it('reports a quantization error within half a scale step of every weight', async () => {
    const original = inspectModel(buildSmallCnn());
    const { report } = await quantizeModel(buildSmallCnn(), { mode: 'weight-only' });
    for (const weight of report.weights) {
      const values = readFloatTensor(initializerOf(original, weight.name)!);
      const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(weight.maxError).toBeGreaterThan(0);
      expect(weight.maxError).toBeLessThanOrEqual(largest / 127 / 2 + 1e-7);
    }
  });

  it('quantizes weights stored as float_data as well as raw_data', async () => {
    const normal = seededNormal(4);
    const model = new OnnxModelBuilder(13)
      .input('x', [1, 4])
      .output('y', [1, 3])
      .node('MatMul', ['x', 'w'], ['y'])
      .build();
    const decoded = decodeModel(model);
    decoded.graph?.initializer?.push(onnx.TensorProto.create({ name: 'w', dims: [4, 3], dataType: DataType.FLOAT, floatData: Array.from(randomFloats(12, normal)) }));
    const { report } = await quantizeModel(encodeModel(decoded), { mode: 'weight-only' });
    expect(report.weights.map((w) => w.name)).toEqual(['w']);
  });

  it('reports progress up to the written model', async () => {
    const events: QuantizeProgress[] = [];
    await quantizeModel(buildSmallCnn(), { mode: 'weight-only' }, (p) => events.push(p));
    expect(events.filter((e) => e.stage === 'quantizing').map((e) => e.done)).toEqual([1, 2, 3]);
    expect(events.at(-1)).toEqual({ stage: 'writing', done: 1, total: 1 });
  });
});

describe('opsets', () => {
  it('raises opset 11 to 13 for per-channel scales when every operator means the same there', async () => {
    const { bytes, report } = await quantizeModel(buildSmallCnn({ opset: 11 }), { mode: 'weight-only' });
    expect(inspectModel(bytes).opset).toBe(13);
    expect(report.notes.join(' ')).toMatch(/raised from 11 to 13/);
  });

  it('falls back to per-tensor scales when an operator changed meaning before opset 13', async () => {
    const model = new OnnxModelBuilder(11)
      .input('x', [1, 4])
      .output('y', [1, 3])
      .randomWeight('w', [4, 3])
      .node('MatMul', ['x', 'w'], ['z'])
      .node('Softmax', ['z'], ['y'], { axis: 1 })
      .build();
    const { bytes, report } = await quantizeModel(model, { mode: 'weight-only' });
    expect(inspectModel(bytes).opset).toBe(11);
    expect(report.perChannel).toBe(false);
    expect(axesOfDequantize(bytes)).toEqual([null]);
    expect(report.notes.join(' ')).toMatch(/Softmax/);
  });

  it('raises opset 10 to 11 for static mode when only Softmax blocks opset 13, with one scale per tensor', async () => {
    const model = opset10MatMulThen('Softmax', { axis: 1 });
    const { bytes, report } = await quantizeModel(model, { mode: 'static', calibration: { ranges: relatedRanges(model), sampleCount: 16 } });
    expect(inspectModel(bytes).opset).toBe(11);
    expect(report.perChannel).toBe(false);
    expect(report.notes.join(' ')).toMatch(/Softmax "Softmax_1" \(its axis now names one axis instead of flattening from it in opset 13\)/);
  });

  it('refuses static mode on opset 10 only for an operator that changes meaning at 11, naming the node and the rule', async () => {
    const model = opset10MatMulThen('Clip', { min: { float: -1 }, max: { float: 1 } });
    await expectQuantizeError(
      quantizeModel(model, { mode: 'static', calibration: { ranges: relatedRanges(model), sampleCount: 16 } }),
      'unsupported-opset',
      /Static quantization needs ONNX opset 11 or newer; this model uses opset 10 and cannot be raised: it uses Clip "Clip_1" \(its min and max became inputs in opset 11\)/,
    );
    // Weight-only mode runs at opset 10 itself.
    const { report } = await quantizeModel(model, { mode: 'weight-only' });
    expect(report.opsetAfter).toBe(10);
  });

  it('quantizes weights that are also listed as graph inputs and drops them from the inputs', async () => {
    const decoded = decodeModel(buildSmallCnn());
    for (const tensor of decoded.graph!.initializer!) decoded.graph!.input!.push({ name: tensor.name, type: { tensorType: { elemType: DataType.FLOAT } } });
    const { bytes, report } = await quantizeModel(encodeModel(decoded), { mode: 'dynamic' });
    expect(report.weights.map((w) => w.name)).toEqual(['conv1.weight', 'conv2.weight', 'fc.weight']);
    // fc.bias is still read (by the Add after MatMulInteger), so it stays overridable; the Conv biases were copied.
    expect(inspectModel(bytes).graph.input.map((i) => (i as { name: string }).name)).toEqual(['input', 'fc.bias']);
    expect(report.notes.join(' ')).toMatch(/"conv1.weight", "conv2.weight", "fc.weight" were also listed as graph inputs/);
  });

  it('folds a Transpose of a stored weight into the weight and quantizes it', async () => {
    const model = new OnnxModelBuilder(13, 4)
      .input('x', [1, 6])
      .output('y', [1, 4])
      .randomWeight('W', [4, 6], 6)
      .node('Transpose', ['W'], ['Wt'], { perm: [1, 0] })
      .node('MatMul', ['x', 'Wt'], ['y'])
      .build();
    const { bytes, report } = await quantizeModel(model, { mode: 'weight-only' });
    expect(report.weights.map((w) => [w.name, w.dims])).toEqual([['Wt', [6, 4]]]);
    expect(nodesOfType(inspectModel(bytes), 'Transpose')).toHaveLength(0);
    expect(report.notes.join(' ')).toMatch(/Transpose of "W" folded/);
  });

  it('refuses a model older than the ONNX quantization operators', async () => {
    await expectQuantizeError(quantizeModel(buildSmallCnn({ opset: 9 }), { mode: 'weight-only' }), 'unsupported-opset', /opset 9/);
  });
});

describe('dynamic mode', () => {
  it('turns Conv into ConvInteger and Gemm/MatMul into MatMulInteger behind DynamicQuantizeLinear', async () => {
    const cnn = await quantizeModel(buildSmallCnn(), { mode: 'dynamic' });
    const ops = inspectModel(cnn.bytes).graph.node.map((node) => node.opType);
    expect(ops.filter((op) => op === 'ConvInteger')).toHaveLength(2);
    expect(ops.filter((op) => op === 'MatMulInteger')).toHaveLength(1);
    expect(ops.filter((op) => op === 'DynamicQuantizeLinear')).toHaveLength(3);
    expect(ops).not.toContain('Conv');
    expect(ops).not.toContain('Gemm');
    expect(signature(cnn.bytes)).toEqual(signature(buildSmallCnn()));
    const mlp = await quantizeModel(buildMlp(), { mode: 'dynamic' });
    expect(nodesOfType(inspectModel(mlp.bytes), 'MatMulInteger')).toHaveLength(3);
    expect(nodesOfType(inspectModel(mlp.bytes), 'MatMul')).toHaveLength(0);
  });

  it('leaves no float copy of a quantized weight behind', async () => {
    const { bytes } = await quantizeModel(buildSmallCnn(), { mode: 'dynamic' });
    const names = inspectModel(bytes).graph.initializer.map((t) => t.name);
    expect(names).not.toContain('fc.weight');
    expect(names).not.toContain('conv1.weight');
    expect(names).not.toContain('conv1.bias');
  });
});

describe('static mode', () => {
  it('wraps calibrated activations in QuantizeLinear → DequantizeLinear with uint8 parameters from their range', async () => {
    const model = buildMlp({ sizes: [4, 8, 3] });
    const tensors = calibrationTensorNames(model);
    expect(tensors).toEqual(['input', 'fc0.matmul', 'relu0', 'fc1.matmul']);
    const ranges = { input: { min: 0, max: 1 }, 'fc0.matmul': { min: -1, max: 3 }, relu0: { min: 0, max: 2 }, 'fc1.matmul': { min: -3, max: 1 } };
    const { bytes, report } = await quantizeModel(model, { mode: 'static', calibration: { ranges, sampleCount: 20 } });
    const quantized = inspectModel(bytes);
    expect(nodesOfType(quantized, 'QuantizeLinear').map((node) => node.input[0])).toEqual(tensors);
    const zeroPoint = initializerOf(quantized, 'fc0.matmul_zero_point');
    expect(zeroPoint?.dataType).toBe(DataType.UINT8);
    expect(Array.from(zeroPoint?.rawData ?? [])).toEqual([64]); // round(1 / (4 / 255)) = round(63.75)
    expect(report.activations.find((a) => a.name === 'fc1.matmul')?.calibrated).toMatchObject({ zeroPoint: 191, min: -3, max: 1 });
    // Readers take the dequantized copy; the graph output itself stays the float result.
    expect(nodesOfType(quantized, 'Add')[0].input).toEqual(['fc0.matmul_dequantized', 'fc0.bias']);
    expect(signature(bytes)).toEqual(signature(model));
    expect(report.calibrationSamples).toBe(20);
  });

  it('asks for calibration samples when none or too few are given', async () => {
    const model = buildSmallCnn();
    await expectQuantizeError(quantizeModel(model, { mode: 'static' }), 'too-few-calibration-samples', /calibration samples/);
    await expectQuantizeError(
      quantizeModel(model, { mode: 'static', calibration: { ranges: relatedRanges(model), sampleCount: 3 } }),
      'too-few-calibration-samples',
      /at least 16 calibration samples; got 3/,
    );
    const run = () => [{ input: [0] }];
    await expectQuantizeError(quantizeModel(model, { mode: 'static', calibration: { run, minSamples: 1 } }), 'calibration-mismatch', /no values for tensor "conv1"/);
  });

  it('rejects ranges measured on another model', async () => {
    await expectQuantizeError(
      quantizeModel(buildSmallCnn(), { mode: 'static', calibration: { ranges: relatedRanges(buildMlp()), sampleCount: 50 } }),
      'calibration-mismatch',
      /no finite range for tensor "input"|"conv1"/,
    );
  });
});

describe('refusals', () => {
  it('says when a file is not an ONNX model', async () => {
    await expectQuantizeError(quantizeModel(new TextEncoder().encode('not a model'), { mode: 'dynamic' }), 'not-onnx', /This file is not an ONNX model/);
  });

  it('says when there is nothing to quantize: no weight operators, or (already quantized) no float weights, naming the node', async () => {
    const noWeights = new OnnxModelBuilder(13).input('x', [1, 4]).output('y', [1, 4]).node('Relu', ['x'], ['y']).build();
    await expectQuantizeError(quantizeModel(noWeights, { mode: 'weight-only' }), 'no-float-weights', /no Conv, Gemm or MatMul operators/);
    const { bytes } = await quantizeModel(buildSmallCnn(), { mode: 'weight-only' });
    await expectQuantizeError(quantizeModel(bytes, { mode: 'weight-only' }), 'no-float-weights', /already be quantized\): Conv "Conv_0" reads "conv1.weight", computed at run time/);
  });

  it('tells an opset-10 model without float weights that it has no float weights, not that its operators changed', async () => {
    const model = new OnnxModelBuilder(10).input('x', [1, 4]).input('w', [4, 2]).output('y', [1, 2]).node('MatMul', ['x', 'w'], ['m']).node('Softmax', ['m'], ['y']).build();
    await expectQuantizeError(quantizeModel(model, { mode: 'static', calibration: { ranges: {}, sampleCount: 16 } }), 'no-float-weights', /MatMul "MatMul_0" reads "w", computed at run time/);
  });
});
