/** The message protocol of `workers/quantize.worker.ts` (used through comlink). */
import type { TensorMap } from '../types/tensor';
import type { QuantizeErrorCode } from './errors';
import type { CalibrationMethod } from './calibration-methods';
import type { LayerSensitivity, MixedPrecisionResult, SensitivityProgress } from './sensitivity';
import type { QuantizeMode, QuantizeOptions, QuantizeProgress, QuantizeReport, SmoothQuantOptions } from './types';

/** Weight-format options (int4 `blockSize`/`symmetric`, palette `bits`/`paletteGroupSize`) pass through as given. */
export interface QuantizeWorkerOptions extends Pick<QuantizeOptions, 'blockSize' | 'symmetric' | 'bits' | 'paletteGroupSize'> {
  mode: QuantizeMode;
  perChannel?: boolean;
  /** Static mode: one input map per calibration sample; the worker runs them in onnxruntime-web (WASM). */
  calibrationInputs?: TensorMap[];
  minCalibrationSamples?: number;
  /** Static mode: how activation ranges are chosen from the calibration samples (default 'minmax'). */
  calibrationMethod?: CalibrationMethod;
  /** For calibrationMethod 'percentile': the percentile of each tail kept, in (0, 100] (default 99.99). */
  percentile?: number;
  /** Static mode: SmoothQuant before quantizing (α default 0.5). */
  smoothQuant?: SmoothQuantOptions;
  /** Nodes kept in float (by name, or first output when unnamed). */
  excludeNodes?: string[];
  /**
   * Inputs for the self-check (the result beside the float model); default: the first calibration inputs, or
   * generated ones (`generatedSamples`) when there are none. The report's `selfCheck` holds what it measured.
   */
  selfCheckInputs?: TensorMap[];
  /** WASM threads for calibration (1 when the page is not cross-origin isolated). */
  threads?: number;
}

/** Options for per-layer sensitivity and mixed precision: the quantization measured, and the inputs compared on. */
export interface SensitivityWorkerOptions extends QuantizeWorkerOptions {
  /** Inputs the float and quantized models are compared on; default `calibrationInputs`. */
  samples?: TensorMap[];
  /** Mixed precision: agreement to reach (default 0.99). */
  targetAgreement?: number;
  /** Mixed precision: a sensitivity measured earlier for the same model and options. */
  sensitivity?: LayerSensitivity[];
}

/** Why a request failed; `code` survives the worker boundary (comlink keeps only an Error's message). */
export type QuantizeFailure = { ok: false; code: QuantizeErrorCode | 'internal'; message: string };

/** Errors come back as data so their `code` survives the worker boundary (comlink keeps only the message). */
export type QuantizeOutcome = { ok: true; bytes: Uint8Array; report: QuantizeReport } | QuantizeFailure;
export type SensitivityOutcome = { ok: true; layers: LayerSensitivity[] } | QuantizeFailure;
export type MixedPrecisionOutcome = { ok: true; result: MixedPrecisionResult } | QuantizeFailure;

export interface QuantizeWorkerApi {
  quantize(bytes: Uint8Array, options: QuantizeWorkerOptions, onProgress: (progress: QuantizeProgress) => void): Promise<QuantizeOutcome>;
  sensitivity(bytes: Uint8Array, options: SensitivityWorkerOptions, onProgress: (progress: SensitivityProgress) => void): Promise<SensitivityOutcome>;
  mixedPrecision(bytes: Uint8Array, options: SensitivityWorkerOptions, onProgress: (progress: SensitivityProgress) => void): Promise<MixedPrecisionOutcome>;
}
