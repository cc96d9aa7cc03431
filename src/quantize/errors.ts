/** Why a quantization request was refused; the UI can branch on `code`, and `message` is for people. */
export type QuantizeErrorCode =
  | 'not-onnx'
  | 'external-data'
  | 'no-float-weights'
  | 'unsupported-opset'
  | 'too-few-calibration-samples'
  | 'calibration-mismatch'
  | 'calibration-data'
  | 'self-check-failed';

export class QuantizeError extends Error {
  readonly code: QuantizeErrorCode;

  constructor(code: QuantizeErrorCode, message: string) {
    super(message);
    this.name = 'QuantizeError';
    this.code = code;
  }
}
