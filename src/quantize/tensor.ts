import { onnx, toNumber } from './proto';
import { QuantizeError } from './errors';

export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
} as const;

export function tensorDims(tensor: onnx.ITensorProto): number[] {
  return (tensor.dims ?? []).map(toNumber);
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, d) => product * d, 1);
}

/** `values` laid out as `dims`, permuted as ONNX Transpose does (`perm[i]` = input axis of output axis i). */
export function transposeValues(values: Float32Array, dims: readonly number[], perm: readonly number[]): { values: Float32Array; dims: number[] } {
  const outDims = perm.map((axis) => dims[axis]);
  const strides = dims.map((_, axis) => elementCount(dims.slice(axis + 1)));
  const out = new Float32Array(values.length);
  const index = new Array<number>(outDims.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let source = 0;
    for (let axis = 0; axis < perm.length; axis++) source += index[axis] * strides[perm[axis]];
    out[o] = values[source];
    for (let axis = outDims.length - 1; axis >= 0; axis--) {
      if (++index[axis] < outDims[axis]) break;
      index[axis] = 0;
    }
  }
  return { values: out, dims: outDims };
}

export function isFloatTensor(tensor: onnx.ITensorProto): boolean {
  return tensor.dataType === DataType.FLOAT;
}

/** Float32 values of an initializer, stored either as little-endian raw_data or as float_data. */
export function readFloatTensor(tensor: onnx.ITensorProto): Float32Array {
  if (tensor.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
    throw new QuantizeError(
      'external-data',
      `Tensor "${tensor.name}" keeps its weights in a separate file (ONNX external data); load a single-file model.`,
    );
  }
  const count = elementCount(tensorDims(tensor));
  const raw = tensor.rawData;
  if (raw && raw.length > 0) {
    if (raw.length !== count * 4) {
      throw new QuantizeError('not-onnx', `This file is not a valid ONNX model: tensor "${tensor.name}" has ${raw.length} bytes for ${count} floats.`);
    }
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = view.getFloat32(i * 4, true);
    return values;
  }
  return Float32Array.from(tensor.floatData ?? []);
}

function littleEndianFloats(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return bytes;
}

function littleEndianInt32(values: Int32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i], true);
  return bytes;
}

export function floatTensor(name: string, dims: readonly number[], values: Float32Array): onnx.TensorProto {
  return onnx.TensorProto.create({ name, dims: [...dims], dataType: DataType.FLOAT, rawData: littleEndianFloats(values) });
}

export function int8Tensor(name: string, dims: readonly number[], values: Int8Array): onnx.TensorProto {
  const rawData = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return onnx.TensorProto.create({ name, dims: [...dims], dataType: DataType.INT8, rawData });
}

export function uint8Tensor(name: string, dims: readonly number[], values: Uint8Array): onnx.TensorProto {
  return onnx.TensorProto.create({ name, dims: [...dims], dataType: DataType.UINT8, rawData: values });
}

export function int32Tensor(name: string, dims: readonly number[], values: Int32Array): onnx.TensorProto {
  return onnx.TensorProto.create({ name, dims: [...dims], dataType: DataType.INT32, rawData: littleEndianInt32(values) });
}

/** Scale / zero-point tensors: a scalar for per-tensor parameters, 1-D for per-channel ones. */
export function paramDims(count: number, perChannel: boolean): number[] {
  return perChannel ? [count] : [];
}
