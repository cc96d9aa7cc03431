/** Instrumentation of a quantized model whose inner tensors may be float16 (fp16 mode), fetched as float32. */
import { decodeModel, encodeModel, onnx } from './proto';
import { floatValueInfo, graphOutputNames, intAttribute, makeNode, NameAllocator } from './graph';

const FLOAT16 = onnx.TensorProto.DataType.FLOAT16;

/**
 * The model with `tensorNames` added as float32 graph outputs. A tensor the graph declares float16 (value_info) is
 * renamed inside the graph and cast to float32 under its own name, so callers fetch every tensor by its name and
 * compare it with the float model's.
 */
export function instrumentModelAsFloat(bytes: Uint8Array, tensorNames: readonly string[]): Uint8Array {
  const model = decodeModel(bytes);
  const graph = model.graph!;
  const existing = graphOutputNames(graph);
  const half = new Set((graph.valueInfo ?? []).filter((v) => v.type?.tensorType?.elemType === FLOAT16).map((v) => v.name ?? ''));
  const names = new NameAllocator(graph);
  const casts = new Map<onnx.INodeProto, onnx.INodeProto[]>();
  for (const name of tensorNames) {
    if (existing.has(name)) continue;
    if (half.has(name)) {
      const renamed = names.fresh(`${name}_float16`);
      const producer = graph.node!.find((node) => node.output?.includes(name));
      if (!producer) continue;
      for (const node of graph.node!) node.input = (node.input ?? []).map((input) => (input === name ? renamed : input));
      producer.output = producer.output!.map((output) => (output === name ? renamed : output));
      for (const value of graph.valueInfo ?? []) if (value.name === name) value.name = renamed;
      casts.set(producer, [...(casts.get(producer) ?? []), makeNode('Cast', [renamed], [name], names.fresh(`${name}_as_float32`), [intAttribute('to', onnx.TensorProto.DataType.FLOAT)])]);
    }
    (graph.output ??= []).push(onnx.ValueInfoProto.create(floatValueInfo(name)));
  }
  graph.node = graph.node!.flatMap((node) => [node, ...(casts.get(node) ?? [])]);
  return encodeModel(model);
}
