import { onnx, toNumber } from './proto';
import { QuantizeError } from './errors';

export function attributeInt(node: onnx.INodeProto, name: string, fallback: number): number {
  const attribute = node.attribute?.find((a) => a.name === name);
  return attribute ? toNumber(attribute.i) : fallback;
}

export function attributeFloat(node: onnx.INodeProto, name: string, fallback: number): number {
  const attribute = node.attribute?.find((a) => a.name === name);
  return attribute ? (attribute.f ?? fallback) : fallback;
}

export function attributeString(node: onnx.INodeProto, name: string, fallback: string): string {
  const attribute = node.attribute?.find((a) => a.name === name);
  return attribute?.s ? new TextDecoder().decode(attribute.s) : fallback;
}

export function intAttribute(name: string, value: number): onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

export function makeNode(
  opType: string,
  inputs: string[],
  outputs: string[],
  name: string,
  attribute: onnx.IAttributeProto[] = [],
): onnx.NodeProto {
  return onnx.NodeProto.create({ opType, input: inputs, output: outputs, name, attribute });
}

/** Version of the default ("ai.onnx") operator set the model imports. */
export function defaultOpset(model: onnx.IModelProto): number {
  const entry = model.opsetImport?.find((o) => !o.domain || o.domain === 'ai.onnx');
  if (!entry) throw new QuantizeError('unsupported-opset', 'The model does not import the standard ONNX operator set.');
  return toNumber(entry.version);
}

export function setDefaultOpset(model: onnx.IModelProto, version: number): void {
  const entry = model.opsetImport?.find((o) => !o.domain || o.domain === 'ai.onnx');
  if (entry) entry.version = version;
}

/** Every tensor name used in a graph, so new names never collide with existing ones. */
export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(graph: onnx.IGraphProto) {
    for (const tensor of graph.initializer ?? []) this.used.add(tensor.name ?? '');
    for (const value of [...(graph.input ?? []), ...(graph.output ?? []), ...(graph.valueInfo ?? [])]) {
      this.used.add(value.name ?? '');
    }
    for (const node of graph.node ?? []) {
      for (const name of [...(node.input ?? []), ...(node.output ?? [])]) this.used.add(name);
      if (node.name) this.used.add(node.name);
    }
  }

  fresh(base: string): string {
    let name = base;
    for (let n = 1; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}

export function initializerMap(graph: onnx.IGraphProto): Map<string, onnx.ITensorProto> {
  return new Map((graph.initializer ?? []).map((tensor) => [tensor.name ?? '', tensor]));
}

/** Names the caller may feed: in old models initializers double as graph inputs (overridable defaults). */
export function graphInputNames(graph: onnx.IGraphProto): Set<string> {
  return new Set((graph.input ?? []).map((value) => value.name ?? ''));
}

export function graphOutputNames(graph: onnx.IGraphProto): Set<string> {
  return new Set((graph.output ?? []).map((value) => value.name ?? ''));
}

export function floatValueInfo(name: string): onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } };
}

/** Tensor names read by nodes anywhere in the graph, including inside If/Loop/Scan bodies (they see outer names). */
function namesReadByNodes(graph: onnx.IGraphProto, into: Set<string>): Set<string> {
  for (const node of graph.node ?? []) {
    for (const name of node.input ?? []) into.add(name);
    for (const attribute of node.attribute ?? []) {
      if (attribute.g) namesReadByNodes(attribute.g, into);
      for (const body of attribute.graphs ?? []) namesReadByNodes(body, into);
    }
  }
  for (const value of graph.output ?? []) into.add(value.name ?? '');
  return into;
}

/**
 * Drops graph inputs that only declared an initializer as overridable (older exporters' style) once no node reads
 * that initializer any more (e.g. a bias replaced by a reshaped copy): feeding them would change nothing.
 */
export function dropUnreadDefaultInputs(graph: onnx.IGraphProto): void {
  const initializers = initializerMap(graph);
  const read = namesReadByNodes(graph, new Set());
  graph.input = (graph.input ?? []).filter((input) => !initializers.has(input.name ?? '') || read.has(input.name ?? ''));
}

/** Drops initializers nothing reads any more (e.g. a bias that was copied into a reshaped one). */
export function pruneUnusedInitializers(graph: onnx.IGraphProto): void {
  const used = namesReadByNodes(graph, new Set());
  for (const input of graph.input ?? []) used.add(input.name ?? '');
  graph.initializer = (graph.initializer ?? []).filter((tensor) => used.has(tensor.name ?? ''));
}
