import { decodeModel, onnx } from '../proto';

/** Plain, fully-populated view of a model for assertions (int64 as numbers, absent fields as defaults). */
export interface InspectedTensor {
  name: string;
  dims: number[];
  dataType: number;
  rawData: Uint8Array;
  floatData: number[];
}

export interface InspectedNode {
  name: string;
  opType: string;
  input: string[];
  output: string[];
  attribute: { name: string; i: number; f: number; ints: number[] }[];
}

export interface InspectedModel {
  opset: number;
  graph: {
    node: InspectedNode[];
    initializer: InspectedTensor[];
    input: unknown[];
    output: unknown[];
  };
}

export function inspectModel(bytes: Uint8Array): InspectedModel {
  const model = onnx.ModelProto.toObject(decodeModel(bytes), { longs: Number, defaults: true, arrays: true });
  const opsetImport = model.opsetImport as { domain: string; version: number }[];
  return {
    opset: opsetImport.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version ?? 0,
    graph: model.graph as InspectedModel['graph'],
  };
}

export function nodesOfType(model: InspectedModel, opType: string): InspectedNode[] {
  return model.graph.node.filter((node) => node.opType === opType);
}

export function attributeOf(node: InspectedNode, name: string): number | null {
  const attribute = node.attribute.find((a) => a.name === name);
  return attribute ? attribute.i : null;
}

export function initializerOf(model: InspectedModel, name: string): InspectedTensor | undefined {
  return model.graph.initializer.find((tensor) => tensor.name === name);
}
