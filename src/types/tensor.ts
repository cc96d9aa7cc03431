// Tensors as plain data: what crosses the worker boundary and what the quantizer reads and writes. A types-only
// module so the domain libraries and the runtime share it without importing each other.

export type TensorType = 'float32' | 'int32' | 'int64' | 'uint8' | 'int8' | 'bool';
export type TensorData = Float32Array | Int32Array | BigInt64Array | Uint8Array | Int8Array;

/** A tensor as it crosses the worker boundary: a typed array plus its shape. */
export interface TensorValue {
  type: TensorType;
  data: TensorData;
  dims: number[];
}
export type TensorMap = Record<string, TensorValue>;
