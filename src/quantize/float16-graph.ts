/**
 * fp16 mode: float weights stored as float16 (`float16.ts`) and the operators that take float16 run on float16
 * tensors; graph inputs and outputs stay float32 (a Cast at each boundary), so the model is a drop-in replacement.
 *
 * Which operators run in float16 (`FLOAT16_OPS`): those that loaded and ran with float16 tensors in onnxruntime-node
 * 1.30 and onnxruntime-web 1.31 WASM, at default and disabled optimizations (onnxruntime's CPU kernels without a
 * float16 version get Casts to float32 inserted by the runtime) and whose error the self-check can bound.
 * Kept in float32, with Casts around them: anything else, in particular reductions and normalisations that
 * overflow or lose precision in float16 (ReduceMean/ReduceSum, LayerNormalization, Exp, Pow, Log),
 * BatchNormalization (onnxruntime folds it into the preceding Conv in float32 anyway, and its float16 parameters
 * would need their own error terms), operators with subgraphs, operators of other domains, excluded nodes, and
 * nodes whose input types cannot be told from the graph.
 */
import { onnx, type onnx as OnnxTypes } from './proto';
import { attributeInt, graphOutputNames, intAttribute, makeNode } from './graph';
import { float16Value, toFloat16 } from './float16';
import { readFloatTensor, tensorDims } from './tensor';
import { reportStoredWeight } from './format-report';
import { nodeId } from './exclusion';
import type { QuantizeContext } from './context';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const FLOAT16 = onnx.TensorProto.DataType.FLOAT16;
const INT64 = onnx.TensorProto.DataType.INT64;
const BOOL = onnx.TensorProto.DataType.BOOL;

/** Operators run in float16 (checked by running them in onnxruntime-node and onnxruntime-web WASM). */
export const FLOAT16_OPS = new Set([
  'Conv', 'MatMul', 'Gemm', 'Relu', 'LeakyRelu', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'Flatten', 'Reshape',
  'Transpose', 'Squeeze', 'Unsqueeze', 'Concat', 'Identity', 'Add', 'Sub', 'Mul', 'Div', 'Sigmoid', 'Tanh', 'Erf',
  'Sqrt', 'Softmax', 'Clip', 'Gelu',
]);

/** Operators whose output has the type of their first input (for telling which tensors are float). */
const SAME_TYPE_AS_FIRST = new Set([
  ...FLOAT16_OPS, 'Exp', 'Log', 'Pow', 'Neg', 'Abs', 'ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'LayerNormalization',
  'BatchNormalization', 'Max', 'Min', 'Pad', 'Resize', 'Expand', 'Tile', 'Slice', 'Gather', 'Split', 'Dropout', 'GlobalMaxPool',
  'Floor', 'Ceil', 'Reciprocal', 'HardSigmoid', 'Softplus', 'Elu', 'Selu', 'PRelu', 'LogSoftmax', 'InstanceNormalization',
]);
const INT64_OUTPUT = new Set(['Shape', 'Size', 'NonZero', 'ArgMax', 'ArgMin']);
const BOOL_OUTPUT = new Set(['Equal', 'Less', 'Greater', 'LessOrEqual', 'GreaterOrEqual', 'Not', 'And', 'Or', 'Xor', 'IsNaN', 'IsInf']);

/** Element type of each tensor whose type the graph declares or implies (float, int64, …). */
export function tensorTypes(graph: OnnxTypes.IGraphProto): Map<string, number> {
  const types = new Map<string, number>();
  for (const value of [...(graph.input ?? []), ...(graph.valueInfo ?? []), ...(graph.output ?? [])]) {
    const elemType = value.type?.tensorType?.elemType;
    if (elemType) types.set(value.name ?? '', elemType);
  }
  for (const tensor of graph.initializer ?? []) types.set(tensor.name ?? '', tensor.dataType ?? 0);
  for (const node of graph.node ?? []) {
    const op = node.opType ?? '';
    let type: number | undefined;
    if (node.domain && node.domain !== 'ai.onnx') type = undefined;
    else if (op === 'Cast') type = attributeInt(node, 'to', 0);
    else if (op === 'Constant') type = node.attribute?.find((a) => a.name === 'value')?.t?.dataType ?? undefined;
    else if (INT64_OUTPUT.has(op)) type = INT64;
    else if (BOOL_OUTPUT.has(op)) type = BOOL;
    else if (op === 'Where') type = types.get(node.input?.[1] ?? '');
    else if (SAME_TYPE_AS_FIRST.has(op)) type = types.get(node.input?.[0] ?? '');
    // Only the first output of multi-output operators (MaxPool's indices, Dropout's mask) has the input's type.
    const first = node.output?.[0];
    if (first && type !== undefined && !types.has(first)) types.set(first, type);
  }
  return types;
}

/** Names read inside If/Loop/Scan bodies: they stay float32, as the bodies were written for. */
function namesReadBySubgraphs(graph: OnnxTypes.IGraphProto): Set<string> {
  const names = new Set<string>();
  const visit = (body: OnnxTypes.IGraphProto) => {
    for (const node of body.node ?? []) {
      for (const name of node.input ?? []) names.add(name);
      for (const attribute of node.attribute ?? []) [attribute.g, ...(attribute.graphs ?? [])].forEach((g) => g && visit(g));
    }
  };
  for (const node of graph.node ?? []) for (const attribute of node.attribute ?? []) [attribute.g, ...(attribute.graphs ?? [])].forEach((g) => g && visit(g));
  return names;
}

function castNode(context: QuantizeContext, input: string, output: string, to: number): OnnxTypes.INodeProto {
  return makeNode('Cast', [input], [output], context.names.fresh(`${output}_Cast`), [intAttribute('to', to)]);
}

/** Converts the graph in `context` to float16 compute; `excluded` node ids stay float32. */
export function convertToFloat16(context: QuantizeContext, excluded: ReadonlySet<string>, onNodeDone: () => void): void {
  const { graph, report, names } = context;
  const types = tensorTypes(graph);
  const isFloat = (name: string) => types.get(name) === FLOAT;
  const subgraphReads = namesReadBySubgraphs(graph);
  const outputs = graphOutputNames(graph);
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t]));

  const runsInHalf = (node: OnnxTypes.INodeProto): boolean => {
    if ((node.domain && node.domain !== 'ai.onnx') || !FLOAT16_OPS.has(node.opType ?? '') || excluded.has(nodeId(node))) return false;
    if (node.attribute?.some((a) => a.g || (a.graphs?.length ?? 0) > 0)) return false;
    const inputs = (node.input ?? []).filter((name) => name);
    const first = node.output?.[0] ?? '';
    return inputs.every((name) => types.has(name)) && isFloat(node.input![0]) && !subgraphReads.has(first);
  };
  const half = new Set((graph.node ?? []).filter(runsInHalf));

  // Float initializers read only by float16 nodes are stored as float16 under their own name; others keep
  // float32 and float16 readers get a converted copy.
  const readers = new Map<string, OnnxTypes.INodeProto[]>();
  for (const node of graph.node ?? []) for (const name of node.input ?? []) if (initializers.has(name)) readers.set(name, [...(readers.get(name) ?? []), node]);
  const halfName = new Map<string, string>();
  const floatName = new Map<string, string>();
  const clampedWeights: string[] = [];
  const storeHalf = (name: string, as: string) => {
    const tensor = initializers.get(name)!;
    const values = readFloatTensor(tensor);
    const converted = toFloat16(values);
    if (converted.clamped > 0) clampedWeights.push(`"${name}" (${converted.clamped})`);
    const stored = new Float32Array(values.length);
    const view = new DataView(converted.bytes.buffer);
    for (let i = 0; i < values.length; i++) stored[i] = float16Value(view.getUint16(i * 2, true));
    const dims = tensorDims(tensor);
    reportStoredWeight(report, { name, dims, consumers: readers.get(name) ?? [] }, stored, 'float16', null, values);
    const halfTensor = onnx.TensorProto.create({ name: as, dims, dataType: FLOAT16, rawData: converted.bytes });
    if (as === name) graph.initializer = graph.initializer!.map((t) => (t.name === name ? halfTensor : t));
    else graph.initializer!.push(halfTensor);
  };
  const graphInputs = new Set((graph.input ?? []).map((i) => i.name ?? ''));
  for (const name of graphInputs) floatName.set(name, name);
  for (const [name, tensor] of initializers) {
    const reading = readers.get(name) ?? [];
    if (tensor.dataType === FLOAT) floatName.set(name, name);
    if (tensor.dataType !== FLOAT || reading.length === 0 || !reading.some((node) => half.has(node))) continue;
    const onlyHalf = reading.every((node) => half.has(node)) && !outputs.has(name) && !subgraphReads.has(name) && !graphInputs.has(name);
    const as = onlyHalf ? name : names.fresh(`${name}_float16`);
    storeHalf(name, as);
    halfName.set(name, as);
    if (onlyHalf) floatName.delete(name);
  }

  const original = [...(graph.node ?? [])];
  const kept = [...new Set(original.filter((node) => !half.has(node) && (node.input ?? []).some(isFloat)).map((node) => node.opType))];
  const rewritten: OnnxTypes.INodeProto[] = [];
  const halfTensors = new Set<string>();
  for (const node of graph.node ?? []) {
    const inHalf = half.has(node);
    node.input = (node.input ?? []).map((name) => {
      if (!name || !isFloat(name)) return name;
      if (inHalf) {
        if (!halfName.has(name)) {
          const cast = names.fresh(`${name}_float16`);
          rewritten.push(castNode(context, floatName.get(name) ?? name, cast, FLOAT16));
          halfName.set(name, cast);
        }
        return halfName.get(name)!;
      }
      if (!floatName.has(name)) {
        const cast = names.fresh(`${name}_float32`);
        rewritten.push(castNode(context, halfName.get(name)!, cast, FLOAT));
        floatName.set(name, cast);
      }
      return floatName.get(name)!;
    });
    rewritten.push(node);
    for (const name of node.output ?? []) {
      if (!name || !isFloat(name)) continue;
      if (!inHalf) {
        floatName.set(name, name);
        continue;
      }
      halfTensors.add(name);
      if (outputs.has(name)) {
        // Graph outputs stay float32 under their own names: the node writes a float16 copy, a Cast the output.
        const halfOutput = names.fresh(`${name}_float16`);
        node.output = node.output!.map((o) => (o === name ? halfOutput : o));
        rewritten.push(castNode(context, halfOutput, name, FLOAT));
        halfName.set(name, halfOutput);
        floatName.set(name, name);
      } else halfName.set(name, name);
    }
    onNodeDone();
  }
  graph.node = rewritten;
  // Declared float16 so every reader (and the self-check's instrumentation) knows the type.
  graph.valueInfo = [
    ...(graph.valueInfo ?? []).filter((value) => !halfTensors.has(value.name ?? '') || outputs.has(value.name ?? '')),
    ...[...halfTensors].filter((name) => !outputs.has(name)).map((name) => ({ name, type: { tensorType: { elemType: FLOAT16 } } })),
  ];
  report.notes.push(`${half.size} of ${original.length} nodes run in float16; graph inputs and outputs stay float32 (Cast at the boundaries).`);
  if (kept.length > 0) report.notes.push(`Kept in float32 between Casts: ${kept.join(', ')} (no float16 version checked in onnxruntime, or too easily overflowed in float16).`);
  if (clampedWeights.length > 0) report.notes.push(`Weights beyond the float16 range (±65504) were clamped to ±65504 instead of becoming infinite: ${clampedWeights.join(', ')}.`);
}
