/** Opset 21 for the 4-bit types (INT4/UINT4, DequantizeLinear block_size) the weight formats store. */
import type { onnx } from './proto';
import { defaultOpset } from './graph';
import { ensureOpset } from './opset';
import type { QuantizeReport } from './types';

/**
 * Raises `model` to opset 21 when every operator means the same there, noting it in `report` (`purpose` says what
 * for). Returns null when done, or why it cannot be ("opset 13 cannot be raised to 21: it uses ReduceMean …").
 */
export function raiseToOpset21(model: onnx.IModelProto, report: QuantizeReport, purpose: string): string | null {
  const before = defaultOpset(model);
  const raised = ensureOpset(model, 21);
  if (!raised.ok) return before < 10 ? `opset ${before} predates ONNX quantization operators` : `opset ${before} cannot be raised to 21: it uses ${raised.blockers.join(', ')}`;
  if (raised.raisedFrom !== undefined) {
    report.notes.push(`Opset raised from ${raised.raisedFrom} to 21 for ${purpose}; every operator in the model means the same there.`);
    report.opsetAfter = 21;
  }
  return null;
}
