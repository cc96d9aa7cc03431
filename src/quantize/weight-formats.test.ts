import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { quantizeModel } from './quantize-model';
import { QuantizeError } from './errors';
import { decodeModel, encodeModel, onnx, toNumber } from './proto';
import { floatTensor, readFloatTensor, tensorDims } from './tensor';
import { randomFloats, seededNormal } from '../util/prng';
import { float16Value } from './float16';
import { unpackNibbles } from './int4-blocks';
import { ortModelRunner } from './ort-calibration';
import { buildMlp, buildSmallCnn, OnnxModelBuilder } from './testing/model-builder';
import type { QuantizeOptions } from './types';

ort.env.logLevel = 'fatal';
const FLOAT = 1;
const FLOAT16 = 10;
const UINT8 = 2;
const UINT4 = 21;
const INT4 = 22;

const graphOf = (bytes: Uint8Array) => decodeModel(bytes).graph!;
const initializer = (bytes: Uint8Array, name: string) => graphOf(bytes).initializer!.find((t) => t.name === name)!;
const attribute = (node: { attribute?: { name?: string | null; i?: unknown }[] | null }, name: string) =>
  toNumber(node.attribute!.find((a) => a.name === name)!.i as number);
/** Float values of a block-scale input: a float32 initializer, or float16 behind the Cast int4 adds (int4-scales.ts). */
function scaleValues(bytes: Uint8Array, name: string): { values: Float32Array; dims: number[]; dataType: number } {
  const graph = graphOf(bytes);
  const cast = graph.node!.find((n) => n.opType === 'Cast' && n.output![0] === name);
  const stored = initializer(bytes, cast ? cast.input![0] : name);
  const values = stored.dataType === FLOAT16
    ? Float32Array.from(new Uint16Array(new Uint8Array(stored.rawData!).buffer), (bits) => float16Value(bits))
    : readFloatTensor(stored);
  return { values, dims: tensorDims(stored), dataType: stored.dataType! };
}
const selfChecked = (options: QuantizeOptions): QuantizeOptions => ({ ...options, selfCheck: { run: ortModelRunner(ort), runtime: 'onnxruntime-node' } });

async function refused(bytes: Uint8Array, options: QuantizeOptions): Promise<QuantizeError> {
  return quantizeModel(bytes, options).then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: QuantizeError) => error,
  );
}

describe('fp16 mode', () => {
  it('stores every weight and bias as float16 with float32 inputs and outputs (Cast at the boundaries), about half the size', async () => {
    const float = buildSmallCnn();
    const { bytes, report } = await quantizeModel(float, selfChecked({ mode: 'fp16' }));
    const graph = graphOf(bytes);
    expect(graph.input!.map((i) => [i.name, i.type!.tensorType!.elemType])).toEqual([['input', FLOAT]]);
    expect(graph.output!.map((o) => [o.name, o.type!.tensorType!.elemType])).toEqual([['logits', FLOAT]]);
    expect(graph.initializer!.map((t) => t.dataType)).toEqual(graph.initializer!.map(() => FLOAT16));
    expect(graph.node![0]).toMatchObject({ opType: 'Cast', input: ['input'] });
    expect(graph.node!.at(-1)).toMatchObject({ opType: 'Cast', output: ['logits'] });
    expect(report.bytesAfter / report.bytesBefore).toBeLessThan(0.55);
    // Each stored value is within half a float16 step (2^-11 relative) of the original.
    for (const weight of report.weights) {
      const original = readFloatTensor(initializer(float, weight.name));
      const largest = Math.max(...Array.from(original, Math.abs));
      expect(weight.maxError).toBeLessThanOrEqual(largest * 2 ** -11);
      expect(weight.format).toBe('float16');
      expect(weight.sqnrDb).toBeGreaterThan(60);
    }
    const conv = initializer(bytes, 'conv1.weight');
    const view = new DataView(conv.rawData!.buffer, conv.rawData!.byteOffset, conv.rawData!.byteLength);
    const original = readFloatTensor(initializer(float, 'conv1.weight'));
    expect(float16Value(view.getUint16(0, true))).toBeCloseTo(original[0], 3);
    expect(report.selfCheck!.format).toBe('fp16');
  });

  it('keeps excluded nodes and operators without a checked float16 version in float32, between Casts', async () => {
    const model = new OnnxModelBuilder(17, 4)
      .input('x', ['batch', 8])
      .output('y', ['batch', 8])
      .randomWeight('W', [8, 8], 8)
      .randomWeight('V', [8, 8], 8)
      .node('MatMul', ['x', 'W'], ['h'])
      .node('ReduceMean', ['h'], ['m'], { axes: [1] })
      .node('Sub', ['h', 'm'], ['c'])
      .node('MatMul', ['c', 'V'], ['y'])
      .build();
    const { bytes, report } = await quantizeModel(model, selfChecked({ mode: 'fp16', nodes: { exclude: ['MatMul_3'] } }));
    const graph = graphOf(bytes);
    expect(initializer(bytes, 'W').dataType).toBe(FLOAT16);
    expect(initializer(bytes, 'V').dataType).toBe(FLOAT);
    expect(graph.node!.find((n) => n.opType === 'ReduceMean')!.input![0]).not.toBe('h');
    expect(report.notes.join(' ')).toMatch(/Kept in float32 between Casts: ReduceMean, MatMul/);
  });

  it('clamps weights beyond ±65504 instead of storing infinity, with a note', async () => {
    const model = new OnnxModelBuilder(13).input('x', [1, 2]).output('y', [1, 1]).initializer('W', [2, 1], Float32Array.of(1e5, 1)).node('MatMul', ['x', 'W'], ['y']).build();
    const { bytes, report } = await quantizeModel(model, { mode: 'fp16' });
    const raw = initializer(bytes, 'W').rawData!;
    expect(float16Value(raw[0] | (raw[1] << 8))).toBe(65504);
    expect(report.notes.join(' ')).toMatch(/clamped to ±65504 .*"W" \(1\)/);
  });
});

describe('int4 mode', () => {
  it('writes MatMulNBits whose packed codes, scales and zero points decode to the reported weights', async () => {
    const float = buildMlp({ sizes: [80, 40, 10] });
    for (const symmetric of [true, false]) {
      const { bytes, report } = await quantizeModel(float, selfChecked({ mode: 'int4', blockSize: 32, symmetric }));
      const model = decodeModel(bytes);
      expect(model.opsetImport.some((o) => o.domain === 'com.microsoft')).toBe(true);
      const nodes = model.graph!.node!.filter((n) => n.opType === 'MatMulNBits');
      expect(nodes).toHaveLength(2);
      for (const node of nodes) {
        const [, bName, scaleName, zeroName] = node.input!;
        const K = attribute(node, 'K');
        const N = attribute(node, 'N');
        expect(attribute(node, 'bits')).toBe(4);
        expect(attribute(node, 'block_size')).toBe(32);
        const blocks = Math.ceil(K / 32);
        const b = initializer(bytes, bName);
        expect(tensorDims(b)).toEqual([N, blocks, 16]);
        const codes = unpackNibbles(b.rawData!, N * blocks * 32);
        const { values: scales, dataType } = scaleValues(bytes, scaleName);
        // 120 and 20 scales: the first pays for its Cast in float16, the second does not.
        expect(dataType).toBe(N === 40 ? FLOAT16 : FLOAT);
        const zeros = zeroName ? unpackNibbles(initializer(bytes, zeroName).rawData!, N * Math.ceil(blocks / 2) * 2) : null;
        const weightName = node.name!.startsWith('MatMul_0') ? 'fc0.weight' : 'fc1.weight';
        const original = readFloatTensor(initializer(float, weightName));
        let worst = 0;
        for (let n = 0; n < N; n++) {
          for (let k = 0; k < K; k++) {
            const block = Math.floor(k / 32);
            const zero = zeros ? zeros[n * Math.ceil(blocks / 2) * 2 + block] : 8;
            const value = (codes[n * blocks * 32 + k] - zero) * scales[n * blocks + block];
            worst = Math.max(worst, Math.abs(value - original[k * N + n]));
          }
        }
        expect(worst).toBeCloseTo(report.weights.find((w) => w.name === weightName)!.maxError, 6);
      }
      expect(report.bytesAfter).toBeLessThan(report.bytesBefore / 3.5);
    }
  });

  it('rewrites Gemm (transA, transB, alpha, beta, C) as MatMulNBits + Add and stays within its bound', async () => {
    const model = new OnnxModelBuilder(13, 6)
      .input('x', [40, 2])
      .output('y', [2, 6])
      .randomWeight('W', [6, 40], 40)
      .randomBias('C', 6)
      .node('Gemm', ['x', 'W', 'C'], ['y'], { transA: 1, transB: 1, alpha: { float: 0.5 }, beta: { float: 2 } })
      .build();
    const { bytes, report } = await quantizeModel(model, selfChecked({ mode: 'int4', blockSize: 32 }));
    expect(graphOf(bytes).node!.map((n) => n.opType)).toEqual(['Transpose', 'MatMulNBits', 'Mul', 'Add']);
    expect(report.selfCheck!.maxAbsError).toBeLessThanOrEqual(report.selfCheck!.bound);
  });

  it('stores Conv weights as int4 DequantizeLinear blocked along input channels (opset raised to 21)', async () => {
    const { bytes, report } = await quantizeModel(buildSmallCnn({ channels: [8, 40] }), selfChecked({ mode: 'int4', blockSize: 32, symmetric: false }));
    const model = decodeModel(bytes);
    expect(report.opsetAfter).toBe(21);
    const dequantize = model.graph!.node!.filter((n) => n.opType === 'DequantizeLinear');
    expect(dequantize.map((n) => [n.output![0], attribute(n, 'axis'), attribute(n, 'block_size')])).toEqual([
      ['conv1.weight', 1, 32],
      ['conv2.weight', 1, 32],
    ]);
    expect(initializer(bytes, dequantize[1].input![0]).dataType).toBe(UINT4);
    expect(scaleValues(bytes, dequantize[1].input![1]).dims).toEqual([40, 1, 3, 3]);
    const symmetric = await quantizeModel(buildSmallCnn(), { mode: 'int4' });
    const first = decodeModel(symmetric.bytes).graph!.node!.find((n) => n.opType === 'DequantizeLinear')!;
    expect(initializer(symmetric.bytes, first.input![0]).dataType).toBe(INT4);
    expect(first.input).toHaveLength(2);
  });

  it('keeps Conv weights int8 when the opset cannot be raised to 21, and says so', async () => {
    const model = new OnnxModelBuilder(10, 8)
      .input('x', [1, 2, 5, 5])
      .output('y', [1, 3, 5, 5])
      .randomWeight('W', [3, 2, 3, 3])
      .node('Conv', ['x', 'W'], ['c'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] })
      .node('Clip', ['c'], ['y'], { min: { float: 0 }, max: { float: 6 } })
      .build();
    const { report } = await quantizeModel(model, selfChecked({ mode: 'int4' }));
    expect(report.weights[0].format).toBe('int8 DequantizeLinear (per channel)');
    expect(report.notes.join(' ')).toMatch(/"W"\) stay int8 .* opset 10 cannot be raised to 21: it uses Clip/);
  });
});

describe('palette mode', () => {
  it('stores 4-bit indices packed as UINT4 with a 16-entry table, expanded by Cast → Gather under the weight name', async () => {
    const float = buildMlp({ sizes: [64, 32, 10] });
    const { bytes, report } = await quantizeModel(float, selfChecked({ mode: 'palette', bits: 4 }));
    const graph = graphOf(bytes);
    const gather = graph.node!.find((n) => n.opType === 'Gather' && n.output![0] === 'fc0.weight')!;
    const table = readFloatTensor(initializer(bytes, gather.input![0]));
    expect(table).toHaveLength(16);
    const cast = graph.node!.find((n) => n.output![0] === gather.input![1])!;
    const indices = initializer(bytes, cast.input![0]);
    expect(indices.dataType).toBe(UINT4);
    expect(tensorDims(indices)).toEqual([64, 32]);
    const original = readFloatTensor(initializer(float, 'fc0.weight'));
    const decoded = Array.from(unpackNibbles(indices.rawData!, original.length), (i) => table[i]);
    const worst = Math.max(...decoded.map((v, i) => Math.abs(v - original[i])));
    expect(worst).toBe(report.weights.find((w) => w.name === 'fc0.weight')!.maxError);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore / 4);
  });

  it('6-bit indices take a byte each (uint8), and output-channel groups get one 64-entry table each', async () => {
    const float = buildMlp({ sizes: [64, 32, 10] });
    const { bytes, report } = await quantizeModel(float, selfChecked({ mode: 'palette', bits: 6, paletteGroupSize: 8 }));
    const graph = graphOf(bytes);
    const gather = graph.node!.find((n) => n.opType === 'Gather' && n.output![0] === 'fc0.weight')!;
    expect(readFloatTensor(initializer(bytes, gather.input![0]))).toHaveLength(4 * 64);
    const cast = graph.node!.find((n) => n.opType === 'Cast' && n.output![0].startsWith('fc0.weight'))!;
    expect(initializer(bytes, cast.input![0]).dataType).toBe(UINT8);
    expect(report.weights.find((w) => w.name === 'fc0.weight')!.format).toBe('palette 6-bit (4 tables of 64, 8 output channels each)');
    expect(report.notes.join(' ')).toMatch(/6-bit indices are stored one per byte/);
  });
});

describe('palette mode below opset 21', () => {
  it('stores 4-bit indices one per byte when the opset cannot be raised, and says why', async () => {
    const model = new OnnxModelBuilder(10, 8)
      .input('x', [1, 6])
      .output('y', [1, 3])
      .randomWeight('W', [6, 3], 6)
      .node('MatMul', ['x', 'W'], ['c'])
      .node('Clip', ['c'], ['y'], { min: { float: 0 }, max: { float: 6 } })
      .build();
    const { bytes, report } = await quantizeModel(model, selfChecked({ mode: 'palette', bits: 4 }));
    const cast = graphOf(bytes).node!.find((n) => n.opType === 'Cast')!;
    expect(initializer(bytes, cast.input![0]).dataType).toBe(UINT8);
    expect(report.opsetAfter).toBe(10);
    expect(report.notes.join(' ')).toMatch(/4-bit indices are stored one per byte \(uint8\): .* opset 10 cannot be raised to 21: it uses Clip/);
  });
});

describe('option checks', () => {
  it.each([
    [{ mode: 'int4', blockSize: 48 }, /block size must be 32, 64, 128; got 48/],
    [{ mode: 'palette', bits: 5 }, /bits must be 4 .* or 6 .*; got 5/],
    [{ mode: 'palette', paletteGroupSize: 0 }, /group size must be a whole number/],
  ] as [QuantizeOptions, RegExp][])('%j is refused as invalid-options', async (options, message) => {
    const error = await refused(buildMlp(), options);
    expect(error.code).toBe('invalid-options');
    expect(error.message).toMatch(message);
  });
});

describe('fp16 on a transformer block', () => {
  it('runs LayerNorm → attention → GELU with shape arithmetic in both runtimes, LayerNorm kept float32', async () => {
    const normal = seededNormal(11);
    const int64 = (name: string, values: number[]) => onnx.TensorProto.create({ name, dims: [values.length], dataType: 7, int64Data: values });
    const node = (opType: string, input: string[], output: string[], attribute: object[] = []) => ({ opType, input, output, name: output[0], attribute });
    const ints = (name: string, values: number[]) => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: values });
    const int = (name: string, value: number) => ({ name, type: onnx.AttributeProto.AttributeType.INT, i: value });
    const value = (name: string, dims: (number | string)[]) => ({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } } });
    const model = encodeModel({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        name: 'block',
        input: [value('x', ['batch', 4, 8])],
        output: [value('y', ['batch', 4, 8])],
        initializer: [
          floatTensor('gamma', [8], randomFloats(8, normal, 1)),
          floatTensor('beta', [8], randomFloats(8, normal, 0.1)),
          floatTensor('Wq', [8, 8], randomFloats(64, normal, 0.3)),
          floatTensor('W1', [8, 16], randomFloats(128, normal, 0.3)),
          floatTensor('W2', [16, 8], randomFloats(128, normal, 0.3)),
          floatTensor('scale', [], Float32Array.of(0.35)),
          floatTensor('half', [], Float32Array.of(0.5)),
          floatTensor('one', [], Float32Array.of(1)),
          floatTensor('root2', [], Float32Array.of(Math.SQRT2)),
          int64('perm_shape', [0, -1, 8]),
        ],
        node: [
          node('LayerNormalization', ['x', 'gamma', 'beta'], ['ln'], [int('axis', -1)]),
          node('MatMul', ['ln', 'Wq'], ['q']),
          node('Transpose', ['q'], ['qt'], [ints('perm', [0, 2, 1])]),
          node('MatMul', ['q', 'qt'], ['scores']),
          node('Mul', ['scores', 'scale'], ['scaled']),
          node('Softmax', ['scaled'], ['attention'], [int('axis', -1)]),
          node('MatMul', ['attention', 'q'], ['context']),
          node('Reshape', ['context', 'perm_shape'], ['flat']),
          node('MatMul', ['flat', 'W1'], ['h']),
          node('Div', ['h', 'root2'], ['hs']),
          node('Erf', ['hs'], ['erf']),
          node('Add', ['erf', 'one'], ['erf1']),
          node('Mul', ['h', 'erf1'], ['gh']),
          node('Mul', ['gh', 'half'], ['gelu']),
          node('MatMul', ['gelu', 'W2'], ['mlp']),
          node('Add', ['mlp', 'x'], ['y']),
        ],
      },
    });
    ortWeb.env.wasm.numThreads = 1;
    for (const [runtime, run] of [['onnxruntime-node', ortModelRunner(ort)], ['onnxruntime-web', ortModelRunner(ortWeb)]] as const) {
      const { bytes, report } = await quantizeModel(model, { mode: 'fp16', selfCheck: { run, runtime } });
      expect(initializer(bytes, 'gamma').dataType, runtime).toBe(FLOAT);
      expect(initializer(bytes, 'Wq').dataType, runtime).toBe(FLOAT16);
      expect(report.notes.join(' ')).toMatch(/Kept in float32 between Casts: LayerNormalization/);
      expect(report.selfCheck!.maxAbsError, runtime).toBeLessThan(0.05);
      // LayerNormalization, Erf and Div by a constant have derived bounds (error-bound.ts): checked end to end.
      expect(report.selfCheck!.unbounded).toEqual([]);
      expect(report.selfCheck!.maxAbsError, runtime).toBeLessThanOrEqual(report.selfCheck!.bound);
    }
  });
});

/** x + P (a learned [1, tokens, width] tensor, as a ViT's position embeddings) → MatMul W → + b. */
function positionEmbeddingModel(tokens = 49, width = 64, opset = 17): Uint8Array {
  return new OnnxModelBuilder(opset, 44)
    .input('x', ['batch', tokens, width])
    .output('y', ['batch', tokens, 16])
    .initializer('P', [1, tokens, width], randomFloats(tokens * width, seededNormal(9), 0.02))
    .randomWeight('W', [width, 16], width)
    .randomBias('b', 16)
    .node('Add', ['x', 'P'], ['h'])
    .node('MatMul', ['h', 'W'], ['m'])
    .node('Add', ['m', 'b'], ['y'])
    .build();
}

describe('large learned tensors no Conv/MatMul reads (position embeddings)', () => {
  it('int4 stores them as blocks along the last axis behind DequantizeLinear; biases stay float32, and the report says so', async () => {
    const float = positionEmbeddingModel();
    const { bytes, report } = await quantizeModel(float, selfChecked({ mode: 'int4', blockSize: 32 }));
    const graph = graphOf(bytes);
    const dequantize = graph.node!.find((n) => n.opType === 'DequantizeLinear' && n.output![0] === 'P')!;
    expect([attribute(dequantize, 'axis'), attribute(dequantize, 'block_size')]).toEqual([2, 32]);
    expect(graph.initializer!.some((t) => t.name === 'P')).toBe(false);
    expect(initializer(bytes, 'b').dataType).toBe(FLOAT);
    expect(report.weights.find((w) => w.name === 'P')!.format).toMatch(/^int4 DequantizeLinear \(block 32 along axis 2, symmetric, float16 scales\)$/);
    expect(report.notes.join(' ')).toMatch(/1 float tensors \(16 values\) stay float32: biases/);
    // About 0.5 B per value of P and W instead of 4.
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore / 4);
  });

  it('palettes store them as indices expanded by Gather under their name', async () => {
    for (const bits of [4, 6] as const) {
      const { bytes, report } = await quantizeModel(positionEmbeddingModel(), selfChecked({ mode: 'palette', bits }));
      expect(graphOf(bytes).node!.find((n) => n.opType === 'Gather' && n.output![0] === 'P')).toBeDefined();
      expect(report.weights.find((w) => w.name === 'P')!.format).toMatch(new RegExp(`^palette ${bits}-bit`));
    }
  });

  it('leaves them float32 when a node reading them is excluded, or when they are small or vectors', async () => {
    const excluded = await quantizeModel(positionEmbeddingModel(), { mode: 'int4', nodes: { exclude: ['Add_0'] } });
    expect(initializer(excluded.bytes, 'P').dataType).toBe(FLOAT);
    // 8 × 16 = 128 values: under the 1,024-value threshold.
    const small = await quantizeModel(positionEmbeddingModel(8, 16), { mode: 'int4' });
    expect(initializer(small.bytes, 'P').dataType).toBe(FLOAT);
    const vector = new OnnxModelBuilder(17, 45)
      .input('x', ['batch', 2048])
      .output('y', ['batch', 8])
      .initializer('shift', [2048], randomFloats(2048, seededNormal(2), 0.1))
      .randomWeight('W', [2048, 8], 2048)
      .node('Add', ['x', 'shift'], ['h'])
      .node('MatMul', ['h', 'W'], ['y'])
      .build();
    const { bytes } = await quantizeModel(vector, { mode: 'palette' });
    expect(initializer(bytes, 'shift').dataType).toBe(FLOAT);
  });

  it('runs in onnxruntime-web (WASM) within the self-check bound', async () => {
    for (const options of [{ mode: 'int4', blockSize: 32, symmetric: false }, { mode: 'palette', bits: 4 }] as const) {
      const { report } = await quantizeModel(positionEmbeddingModel(), { ...options, selfCheck: { run: ortModelRunner(ortWeb), runtime: 'onnxruntime-web' } });
      expect(report.selfCheck!.maxAbsError).toBeLessThanOrEqual(report.selfCheck!.bound);
    }
  });
});
