import { onnx, toNumber } from './proto';
import { defaultOpset, setDefaultOpset } from './graph';

/**
 * Operators whose behaviour is unchanged from opset 10 up to 13 for float models (later versions only added
 * types or negative axes), so raising a model's opset import cannot change what they compute.
 */
const UPGRADE_SAFE_OPS = new Set([
  'Add', 'Sub', 'Mul', 'Div', 'Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Elu', 'Exp', 'Log', 'Sqrt', 'Neg', 'Abs',
  'Conv', 'ConvTranspose', 'MatMul', 'Gemm', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'GlobalMaxPool',
  'BatchNormalization', 'Flatten', 'Reshape', 'Transpose', 'Concat', 'Identity', 'Cast', 'Shape', 'Gather',
  'Constant', 'Pow', 'Erf', 'Max', 'Min', 'Sum', 'Where', 'Equal', 'Less', 'Greater', 'Not', 'ArgMax',
]);

export interface OpsetDecision {
  ok: boolean;
  raisedFrom?: number;
  blockers: string[];
}

/** Makes the default opset at least `required`, raising it only when every operator is unaffected. */
export function ensureOpset(model: onnx.IModelProto, required: number): OpsetDecision {
  const current = defaultOpset(model);
  if (current >= required) return { ok: true, blockers: [] };
  const blockers = [
    ...new Set(
      (model.graph?.node ?? [])
        .filter((node) => (!node.domain || node.domain === 'ai.onnx') && !UPGRADE_SAFE_OPS.has(node.opType ?? ''))
        .map((node) => node.opType ?? ''),
    ),
  ];
  if (current < 10 || blockers.length > 0) return { ok: false, blockers };
  setDefaultOpset(model, required);
  // Opset 11 needs IR version 6 and opset 13 needs 7; runtimes check the pair.
  const minimumIr = required >= 13 ? 7 : 6;
  if (toNumber(model.irVersion) < minimumIr) model.irVersion = minimumIr;
  return { ok: true, raisedFrom: current, blockers };
}
