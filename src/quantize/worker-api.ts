/** The message protocol of `workers/quantize.worker.ts` (used through comlink). */
import type { TensorMap } from '../types/tensor';
import type { QuantizeErrorCode } from './errors';
import type { QuantizeMode, QuantizeProgress, QuantizeReport } from './types';

export interface QuantizeWorkerOptions {
  mode: QuantizeMode;
  perChannel?: boolean;
  /** Static mode: one input map per calibration sample; the worker runs them in onnxruntime-web (WASM). */
  calibrationInputs?: TensorMap[];
  minCalibrationSamples?: number;
  /**
   * Inputs for the self-check (the result beside the float model); default: the first calibration inputs, or
   * generated ones (`generatedSamples`) when there are none. The report's `selfCheck` holds what it measured.
   */
  selfCheckInputs?: TensorMap[];
  /** WASM threads for calibration (1 when the page is not cross-origin isolated). */
  threads?: number;
}

/** Errors come back as data so their `code` survives the worker boundary (comlink keeps only the message). */
export type QuantizeOutcome =
  | { ok: true; bytes: Uint8Array; report: QuantizeReport }
  | { ok: false; code: QuantizeErrorCode | 'internal'; message: string };

export interface QuantizeWorkerApi {
  quantize(bytes: Uint8Array, options: QuantizeWorkerOptions, onProgress: (progress: QuantizeProgress) => void): Promise<QuantizeOutcome>;
}
