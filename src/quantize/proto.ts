import onnxProtoPackage from 'onnx-proto';
import type { onnx as OnnxNamespace } from 'onnx-proto';
import { QuantizeError } from './errors';

// onnx-proto is CommonJS: Node's ESM loader exposes its module.exports only as the default export.
export const onnx: typeof OnnxNamespace = onnxProtoPackage.onnx;
// Type names under the same `onnx.` prefix, so callers need one import for values and types.
export declare namespace onnx {
  type ModelProto = OnnxNamespace.ModelProto;
  type IModelProto = OnnxNamespace.IModelProto;
  type GraphProto = OnnxNamespace.GraphProto;
  type IGraphProto = OnnxNamespace.IGraphProto;
  type NodeProto = OnnxNamespace.NodeProto;
  type INodeProto = OnnxNamespace.INodeProto;
  type TensorProto = OnnxNamespace.TensorProto;
  type ITensorProto = OnnxNamespace.ITensorProto;
  type IValueInfoProto = OnnxNamespace.IValueInfoProto;
  type IAttributeProto = OnnxNamespace.IAttributeProto;
  type IOperatorSetIdProto = OnnxNamespace.IOperatorSetIdProto;
}

/** protobufjs 6 hands int64 fields back as Long objects in Node and as plain numbers in bundles. */
export type Int64 = number | { toNumber(): number };

export function toNumber(value: Int64 | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

export function decodeModel(bytes: Uint8Array): OnnxNamespace.ModelProto {
  let model: OnnxNamespace.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch {
    throw notOnnx();
  }
  // Almost any byte string decodes as *some* protobuf; a real model has a graph with nodes and an opset.
  if (!model.graph || !model.graph.node || model.graph.node.length === 0 || model.opsetImport.length === 0) throw notOnnx();
  return model;
}

export function encodeModel(model: OnnxNamespace.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}

function notOnnx(): QuantizeError {
  return new QuantizeError('not-onnx', 'This file is not an ONNX model (it could not be read as an ONNX graph).');
}
