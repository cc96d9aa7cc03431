import type { SelfCheckOptions } from './self-check';
import type { CalibrationMethod } from './calibration-methods';
/** Public types of the quantizer API. */

/**
 * int8: 'weight-only' | 'dynamic' | 'static'. Weight formats: 'fp16' (float16 weights and compute),
 * 'int4' (weight-only, 4-bit blocks), 'palette' (k-means lookup tables, 4- or 6-bit indices).
 */
export type QuantizeMode = 'weight-only' | 'dynamic' | 'static' | 'fp16' | 'int4' | 'palette';

/** Values of named tensors from one calibration run (Float32Array from onnxruntime, or any number list). */
export type TensorValues = Record<string, ArrayLike<number>>;

/**
 * Runs the instrumented float model (the original plus the named intermediate tensors as extra outputs)
 * once per calibration sample, in whatever runtime the caller has, and returns those tensors per sample.
 */
export type CalibrationRunner = (
  instrumentedModel: Uint8Array,
  tensorNames: readonly string[],
) => AsyncIterable<TensorValues> | Iterable<TensorValues> | Promise<Iterable<TensorValues>>;

export interface ActivationRange {
  min: number;
  max: number;
}

export type ActivationRanges = Record<string, ActivationRange>;

export type CalibrationOptions =
  | {
      run: CalibrationRunner;
      minSamples?: number;
      /** How each activation's range is chosen from its values (calibration-methods.ts); default 'minmax'. */
      method?: CalibrationMethod;
      /** For method 'percentile': the percentile of each tail kept, in (0, 100]; default 99.99. */
      percentile?: number;
    }
  /** Ranges measured earlier (e.g. with `RangeCollector`) for the tensors `calibrationTensors()` names, used as given. */
  | { ranges: ActivationRanges; sampleCount: number; minSamples?: number };

/** SmoothQuant (smooth-quant.ts): migrate activation outliers into the weights before static int8. */
export interface SmoothQuantOptions {
  /** Migration strength in [0, 1]: s = max|X|^α / max|W|^(1−α); default 0.5. */
  alpha?: number;
}

export interface QuantizeOptions {
  mode: QuantizeMode;
  /** One scale per output channel (default true); false = one scale per weight tensor. */
  perChannel?: boolean;
  /** Required for mode "static". */
  calibration?: CalibrationOptions;
  /** Static mode only: smooth the inputs of MatMul/Gemm first (needs `calibration.run`, which runs twice). */
  smoothQuant?: SmoothQuantOptions;
  /**
   * Nodes (by name, or by first output for unnamed nodes) that stay fp32 in every mode: their weights, inputs and
   * outputs are not quantized. Listed in the report's `skipped` ("kept in float (excluded)").
   */
  nodes?: { exclude?: readonly string[] };
  /**
   * Run the result beside the float model before returning it (`selfCheck` in self-check.ts): a model that does
   * not run or strays beyond its int8 error bound is refused with QuantizeError 'self-check-failed'.
   */
  selfCheck?: SelfCheckOptions;
  /** int4: values per block along the reduction axis (default 32). */
  blockSize?: 32 | 64 | 128;
  /** int4: one scale per block and zero point 8 (default true), or a scale and a 4-bit zero point per block. */
  symmetric?: boolean;
  /** palette: index bits, 4 (16-entry tables, default) or 6 (64 entries). */
  bits?: 4 | 6;
  /** palette: output channels sharing one lookup table (default: one table per weight tensor). */
  paletteGroupSize?: number;
}

/** What the self-check measured, on the input and output whose error came closest to its bound. */
/** A graph output the self-check could derive no error bound for. */
export interface UnboundedOutput {
  output: string;
  /** The operator type past which no bound exists, e.g. "Sqrt" (absent when unknown). */
  op?: string;
}

export interface SelfCheckResult {
  /** Inputs the two models were run on. */
  samples: number;
  /** |quantized − float| of `output` (largest element), as the model runs. */
  maxAbsError: number;
  /**
   * Its end-to-end error bound (worst case through every layer; Infinity where none could be derived, e.g. past a
   * LayerNormalization whose input error may exceed its rows' spread). Deep models compound worst cases into large numbers: `layered` is the tighter figure.
   */
  bound: number;
  /**
   * The same output from a run that also fetched every Conv/Gemm/MatMul tensor, against the bound restarted from
   * each layer's measured error (every layer was also held to one step of its own bound; Infinity where none could be
   * derived). Absent when that run failed.
   */
  layered?: { maxAbsError: number; bound: number };
  output: string;
  /** Outputs held to no bound (neither end to end nor layer by layer): only checked to run. */
  unbounded: UnboundedOutput[];
  /** What the bound derives from: int8 steps, int4 steps, float16 rounding or palette errors (absent: int8). */
  format?: 'int8' | 'int4' | 'fp16' | 'palette';
}

export interface QuantizedWeight {
  name: string;
  ops: string[];
  dims: number[];
  /** Axis holding one scale per channel, or null for a single scale. */
  axis: number | null;
  /** Largest |dequantized − original| over the tensor; bounded by half the scale of its channel. */
  maxError: number;
  /** Weight formats: 10·log10(Σw² / Σ(ŵ − w)²) in dB (Infinity when exact). */
  sqnrDb?: number;
  /** Weight formats: how it is stored, e.g. "int4 MatMulNBits (block 32, symmetric)", "float16", "palette 4-bit …". */
  format?: string;
}

export interface QuantizedActivation {
  name: string;
  /** Static mode: the calibrated range and the uint8 parameters from it. Null when quantized at run time (dynamic). */
  calibrated: { min: number; max: number; scale: number; zeroPoint: number } | null;
  /** Static mode with a clipping calibration method: the extremes seen, of which [min, max] keeps a part. */
  observed?: { min: number; max: number };
}

/** One MatMul/Gemm input SmoothQuant divided by per-channel factors s (and whose weights it multiplied by s). */
export interface SmoothedActivation {
  /** The activation X (its channels are its last axis). */
  tensor: string;
  /** The nodes reading X, whose weight rows were multiplied by s. */
  consumers: string[];
  /** Where X / s was folded: `<op> "<node>"`, and the nodes passed through on the way (Relu…). */
  foldedInto: string;
  /** Smallest and largest factor. */
  factors: { min: number; max: number };
}

export interface QuantizeReport {
  mode: QuantizeMode;
  perChannel: boolean;
  bytesBefore: number;
  bytesAfter: number;
  opsetBefore: number;
  opsetAfter: number;
  weights: QuantizedWeight[];
  /** Activations stored as uint8: calibrated (static) or quantized at run time (dynamic). */
  activations: QuantizedActivation[];
  /** Weight-like tensors left in float, with the reason. */
  skipped: { name: string; reason: string }[];
  /** Things the user should know (opset raised, per-channel unavailable, nodes left in float…). */
  notes: string[];
  calibrationSamples: number;
  /** Static mode: how activation ranges were chosen ('ranges' when given precomputed). */
  calibrationMethod?: CalibrationMethod | 'ranges';
  /** Set when SmoothQuant ran: its α, the activations smoothed and those left alone with the reason. */
  smoothQuant?: { alpha: number; smoothed: SmoothedActivation[]; skipped: { tensor: string; reason: string }[] };
  /** Set when the quantization ran with `selfCheck`. */
  selfCheck?: SelfCheckResult;
}

export interface QuantizeResult {
  bytes: Uint8Array;
  report: QuantizeReport;
}

export interface QuantizeProgress {
  stage: 'reading' | 'calibrating' | 'quantizing' | 'writing';
  /** Steps done / total in this stage (total 0 when unknown). */
  done: number;
  total: number;
}

export type ProgressCallback = (progress: QuantizeProgress) => void;
