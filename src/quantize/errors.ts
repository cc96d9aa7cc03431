/** Why a quantization request was refused; the UI can branch on `code`, and `message` is for people. */
export type QuantizeErrorCode =
  | 'not-onnx'
  | 'external-data'
  | 'no-float-weights'
  | 'unsupported-opset'
  | 'too-few-calibration-samples'
  | 'calibration-mismatch'
  | 'calibration-data'
  | 'self-check-failed'
  /** An option out of range or naming something the model lacks (e.g. an excluded node that does not exist). */
  | 'invalid-options'
  /** SmoothQuant found no MatMul/Gemm input it could smooth (the message names why for each). */
  | 'smoothquant-not-applicable';

export class QuantizeError extends Error {
  readonly code: QuantizeErrorCode;

  constructor(code: QuantizeErrorCode, message: string) {
    super(message);
    this.name = 'QuantizeError';
    this.code = code;
  }
}
