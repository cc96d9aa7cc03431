import { onnx, toNumber } from './proto';
import { defaultOpset, setDefaultOpset } from './graph';

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

/** Changes after opset 13 (ONNX Changelog), for raises to opset 21 (int4 blocks). */
const CHANGED_AFTER_13: Record<string, { opset: number; change: string }> = {
  ReduceMean: { opset: 18, change: 'its axes became an input' },
  ReduceMax: { opset: 18, change: 'its axes became an input' },
  ReduceMin: { opset: 18, change: 'its axes became an input' },
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
  // Opset 11 needs IR version 6, 13 needs 7 and 21 (with its 4-bit types) needs 10; runtimes check the pair.
  const minimumIr = required >= 21 ? 10 : required >= 13 ? 7 : 6;
  if (toNumber(model.irVersion) < minimumIr) model.irVersion = minimumIr;
  return { ok: true, raisedFrom: current, blockers };
}
