import { onnx, toNumber } from './proto';
import { defaultOpset, NameAllocator, setDefaultOpset } from './graph';

/**
 * Operators whose float behaviour is the same at every opset from 10 to 21 (later versions only added types,
 * negative axes or optional inputs/attributes with the old default), except the changes listed in CHANGED_AT and
 * CHANGED_AFTER_13, so raising a model's opset import cannot change them.
 */
const UNCHANGED_OPS = new Set([
  'Add', 'Sub', 'Mul', 'Div', 'Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Elu', 'Exp', 'Log', 'Sqrt', 'Neg', 'Abs',
  'Conv', 'ConvTranspose', 'MatMul', 'Gemm', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'GlobalMaxPool',
  'BatchNormalization', 'Flatten', 'Reshape', 'Transpose', 'Concat', 'Identity', 'Cast', 'Shape', 'Gather',
  'Constant', 'Pow', 'Erf', 'Max', 'Min', 'Sum', 'Where', 'Equal', 'Less', 'Greater', 'Not', 'ArgMax', 'ArgMin',
  'Slice', 'TopK', 'ReduceMean', 'ReduceMax', 'ReduceMin', 'Floor', 'Ceil', 'Reciprocal', 'Softplus', 'HardSigmoid',
  'PRelu', 'Selu', 'ConstantOfShape', 'Expand', 'Tile', 'Range', 'DepthToSpace', 'SpaceToDepth',
  // Introduced after opset 10 and unchanged up to 21 (LayerNormalization-17, Gelu-20 are their only versions).
  'LayerNormalization', 'Gelu',
]);

/**
 * Operators known to change meaning at an opset (ONNX Changelog: an attribute turned into an input or a default
 * changed), with what changed: such a node keeps the model below that opset.
 */
const CHANGED_AT: Record<string, { opset: number; change: string }> = {
  Clip: { opset: 11, change: 'its min and max became inputs' },
  Pad: { opset: 11, change: 'its pads became an input' },
  Resize: { opset: 11, change: 'its coordinate transformation changed' },
  Upsample: { opset: 11, change: 'it was replaced by Resize' },
  Scatter: { opset: 11, change: 'it was replaced by ScatterElements' },
  Dropout: { opset: 12, change: 'its ratio became an input' },
  Softmax: { opset: 13, change: 'its axis now names one axis instead of flattening from it' },
  LogSoftmax: { opset: 13, change: 'its axis now names one axis instead of flattening from it' },
  Hardmax: { opset: 13, change: 'its axis now names one axis instead of flattening from it' },
  Squeeze: { opset: 13, change: 'its axes became an input' },
  Unsqueeze: { opset: 13, change: 'its axes became an input' },
  Split: { opset: 13, change: 'its split sizes became an input' },
  ReduceSum: { opset: 13, change: 'its axes became an input' },
};

/**
 * Reductions whose `axes` attribute became an input in opset 18 (ONNX Changelog; `noop_with_empty_axes` keeps the
 * old meaning of no axes, "all of them"): a raise across 18 moves the attribute into an int64 initializer input,
 * as ONNX's version converter does.
 */
const AXES_INPUT_AT_18 = new Set(['ReduceMean', 'ReduceMax', 'ReduceMin']);

/** Changes after opset 13 (ONNX Changelog), for raises to opset 21 (int4 blocks). */
const CHANGED_AFTER_13: Record<string, { opset: number; change: string }> = {
  Split: { opset: 18, change: 'it needs num_outputs when no split sizes are given' },
  Resize: { opset: 18, change: 'it gained antialias, axes and aspect-ratio options' },
};

export interface OpsetDecision {
  ok: boolean;
  raisedFrom?: number;
  /** Why the opset could not be raised: one line per operator type, naming a node and the rule. */
  blockers: string[];
}

/** Why `node` must stay below opset `target` (raising from `current`), or null when it means the same there. */
function blocker(node: onnx.INodeProto, current: number, target: number): string | null {
  if (node.domain && node.domain !== 'ai.onnx') return null;
  const op = node.opType ?? '';
  if (AXES_INPUT_AT_18.has(op)) return null;
  const name = node.name ? ` "${node.name}"` : '';
  const crossed = [CHANGED_AT[op], CHANGED_AFTER_13[op]].find((changed) => changed && changed.opset > current && changed.opset <= target);
  if (crossed) return `${op}${name} (${crossed.change} in opset ${crossed.opset})`;
  return UNCHANGED_OPS.has(op) || CHANGED_AT[op] ? null : `${op}${name} (not on the list of operators known to mean the same up to opset ${target})`;
}

/** Makes the default opset at least `required`, raising it only when every operator means the same there. */
export function ensureOpset(model: onnx.IModelProto, required: number): OpsetDecision {
  const current = defaultOpset(model);
  if (current >= required) return { ok: true, blockers: [] };
  const byOp = new Map<string, string>();
  for (const node of model.graph?.node ?? []) {
    const reason = blocker(node, current, required);
    if (reason && !byOp.has(node.opType ?? '')) byOp.set(node.opType ?? '', reason);
  }
  const blockers = [...byOp.values()];
  if (current < 10 || blockers.length > 0) return { ok: false, blockers };
  setDefaultOpset(model, required);
  if (current < 18 && required >= 18) moveReduceAxesToInputs(model.graph ?? {});
  // Opset 11 needs IR version 6, 13 needs 7 and 21 (with its 4-bit types) needs 10; runtimes check the pair.
  const minimumIr = required >= 21 ? 10 : required >= 13 ? 7 : 6;
  if (toNumber(model.irVersion) < minimumIr) model.irVersion = minimumIr;
  return { ok: true, raisedFrom: current, blockers };
}

/** Opset 18's form of ReduceMean/Max/Min: each `axes` attribute becomes a new int64 initializer read as input 2. */
function moveReduceAxesToInputs(graph: onnx.IGraphProto): void {
  const names = new NameAllocator(graph);
  for (const node of graph.node ?? []) {
    if ((node.domain && node.domain !== 'ai.onnx') || !AXES_INPUT_AT_18.has(node.opType ?? '')) continue;
    const axes = node.attribute?.find((a) => a.name === 'axes');
    if (!axes) continue;
    const values = BigInt64Array.from((axes.ints ?? []).map((v) => BigInt(toNumber(v))));
    const name = names.fresh(`${node.name || node.output?.[0] || 'reduce'}_axes`);
    (graph.initializer ??= []).push(onnx.TensorProto.create({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(values.buffer) }));
    node.input = [node.input?.[0] ?? '', name];
    node.attribute = node.attribute!.filter((a) => a !== axes);
  }
}
