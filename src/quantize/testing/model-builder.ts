import { onnx, encodeModel } from '../proto';
import { floatTensor, elementCount } from '../tensor';
import { seededNormal, randomFloats } from '../../util/prng';

/** Attribute values a test model needs: ints, int lists and floats. */
export type AttributeValue = number | number[] | { float: number };

function attribute(name: string, value: AttributeValue): onnx.IAttributeProto {
  const type = onnx.AttributeProto.AttributeType;
  if (Array.isArray(value)) return { name, type: type.INTS, ints: value };
  if (typeof value === 'number') return { name, type: type.INT, i: value };
  return { name, type: type.FLOAT, f: value.float };
}

/** A graph input/output declaration; dims given as strings are symbolic (e.g. "batch"). */
export function valueInfo(
  name: string,
  dims: readonly (number | string)[],
  elemType: number = onnx.TensorProto.DataType.FLOAT,
): onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/**
 * Writes small float ONNX models from code, for tests and fixtures (random weights from a seed).
 * Dims given as strings are symbolic (e.g. a "batch" dimension).
 */
export class OnnxModelBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly normal: () => number;

  constructor(
    private readonly opset = 13,
    seed = 1,
  ) {
    this.normal = seededNormal(seed);
  }

  input(name: string, dims: readonly (number | string)[]): this {
    this.inputs.push(valueInfo(name, dims));
    return this;
  }

  output(name: string, dims: readonly (number | string)[]): this {
    this.outputs.push(valueInfo(name, dims));
    return this;
  }

  initializer(name: string, dims: readonly number[], values: Float32Array): this {
    this.initializers.push(floatTensor(name, dims, values));
    return this;
  }

  /** A He-initialised random weight (std = sqrt(2 / fanIn)); fanIn defaults to all dims but the first. */
  randomWeight(name: string, dims: readonly number[], fanIn = elementCount(dims.slice(1))): this {
    return this.initializer(name, dims, randomFloats(elementCount(dims), this.normal, Math.sqrt(2 / fanIn)));
  }

  randomBias(name: string, length: number): this {
    return this.initializer(name, [length], randomFloats(length, this.normal, 0.1));
  }

  node(opType: string, inputs: string[], outputs: string[], attributes: Record<string, AttributeValue> = {}): this {
    const attribute_ = Object.entries(attributes).map(([key, value]) => attribute(key, value));
    this.nodes.push({ opType, input: inputs, output: outputs, name: `${opType}_${this.nodes.length}`, attribute: attribute_ });
    return this;
  }

  /**
   * A Constant node writing `values` to `name`, as exporters write scalars (GELU's √2, attention's scale) and shapes:
   * float32, or int64 for a BigInt64Array.
   */
  constant(name: string, dims: readonly number[], values: Float32Array | BigInt64Array): this {
    const value =
      values instanceof Float32Array
        ? floatTensor(name, dims, values)
        : onnx.TensorProto.create({ name, dims: [...dims], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
    this.nodes.push({ opType: 'Constant', input: [], output: [name], name: `Constant_${this.nodes.length}`, attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t: value }] });
    return this;
  }

  build(): Uint8Array {
    return encodeModel({
      irVersion: 8,
      producerName: 'ml-workbench-test-builder',
      opsetImport: [{ domain: '', version: this.opset }],
      graph: {
        name: 'test-model',
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
  }
}

export interface SmallCnnOptions {
  seed?: number;
  opset?: number;
  /** Square input side; the input is [batch, 1, side, side]. */
  side?: number;
  classes?: number;
  channels?: [number, number];
}

/** Conv→Relu→MaxPool→Conv→Relu→MaxPool→Flatten→Gemm classifier, shaped like the bundled sketch CNN. */
export function buildSmallCnn(options: SmallCnnOptions = {}): Uint8Array {
  const { seed = 1, opset = 13, side = 28, classes = 10, channels = [8, 16] } = options;
  const [c1, c2] = channels;
  const pooled = Math.floor(Math.floor(side / 2) / 2);
  const features = c2 * pooled * pooled;
  const conv = { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] };
  const pool = { kernel_shape: [2, 2], strides: [2, 2] };
  return new OnnxModelBuilder(opset, seed)
    .input('input', ['batch', 1, side, side])
    .output('logits', ['batch', classes])
    .randomWeight('conv1.weight', [c1, 1, 3, 3])
    .randomBias('conv1.bias', c1)
    .randomWeight('conv2.weight', [c2, c1, 3, 3])
    .randomBias('conv2.bias', c2)
    .randomWeight('fc.weight', [classes, features])
    .randomBias('fc.bias', classes)
    .node('Conv', ['input', 'conv1.weight', 'conv1.bias'], ['conv1'], conv)
    .node('Relu', ['conv1'], ['relu1'])
    .node('MaxPool', ['relu1'], ['pool1'], pool)
    .node('Conv', ['pool1', 'conv2.weight', 'conv2.bias'], ['conv2'], conv)
    .node('Relu', ['conv2'], ['relu2'])
    .node('MaxPool', ['relu2'], ['pool2'], pool)
    .node('Flatten', ['pool2'], ['flat'], { axis: 1 })
    .node('Gemm', ['flat', 'fc.weight', 'fc.bias'], ['logits'], { transB: 1 })
    .build();
}

export interface MlpOptions {
  seed?: number;
  opset?: number;
  sizes?: number[];
}

/** MatMul+Add layers with Relu between them: a weight-bound model whose size is almost all weights. */
export function buildMlp(options: MlpOptions = {}): Uint8Array {
  const { seed = 2, opset = 13, sizes = [64, 128, 128, 10] } = options;
  const builder = new OnnxModelBuilder(opset, seed).input('input', ['batch', sizes[0]]);
  let current = 'input';
  for (let layer = 0; layer + 1 < sizes.length; layer++) {
    const last = layer + 2 === sizes.length;
    const product = `fc${layer}.matmul`;
    const sum = last ? 'logits' : `fc${layer}`;
    builder
      .randomWeight(`fc${layer}.weight`, [sizes[layer], sizes[layer + 1]], sizes[layer])
      .randomBias(`fc${layer}.bias`, sizes[layer + 1])
      .node('MatMul', [current, `fc${layer}.weight`], [product])
      .node('Add', [product, `fc${layer}.bias`], [sum]);
    current = sum;
    if (!last) {
      builder.node('Relu', [sum], [`relu${layer}`]);
      current = `relu${layer}`;
    }
  }
  return builder.output('logits', ['batch', sizes[sizes.length - 1]]).build();
}
