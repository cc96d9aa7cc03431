/**
 * The lab's per-layer sensitivity and mixed-precision flows without the page: check the drawings, read the float
 * model, measure in the quantize worker (src/quantize/sensitivity.ts run there in onnxruntime-web), make the
 * mixed-precision variant, and say what came out. Thrown errors carry messages for people.
 */
import { msg, str } from '@lit/localize';
import { QuantizeError } from '../../quantize/errors';
import { modelInputs } from '../../quantize/model-info';
import { DEFAULT_SELF_CHECK_SAMPLES } from '../../quantize/self-check';
import type { LayerSensitivity, MixedPrecisionResult, SensitivityProgress } from '../../quantize/sensitivity';
import type { SensitivityWorkerOptions } from '../../quantize/worker-api';
import { probeCapabilities } from '../../runtime/capabilities';
import { layerSensitivityInWorker, mixedPrecisionInWorker } from '../../runtime/quantize-client';
import { newVariant } from '../../runtime/variant-store';
import { formatNumber } from '../../ui/format';
import { formatBytes } from '../../util/format-bytes';
import { calibrationInputs, describeSamples, originName, type EvalDrawing, type SampleOrigin } from './eval-samples';
import { quantizeErrorText, referenceBytes, sizeChange, workerOptions as methodWorkerOptions, type LabQuantizeResult } from './lab-quantize';
import type { LabModel } from './lab-variants';
import { MIN_CALIBRATION, requestOptions, type QuantizeMethod } from './quantize-methods';

/** Fewest drawings to compare on: with fewer, one drawing moves the agreement by more than 6 %. */
export const MIN_SENSITIVITY_DRAWINGS = 16;
/** The target agreement control's range (the share of drawings whose top class must stay fp32's). */
export const TARGET_RANGE = { min: 0.9, max: 1, step: 0.005 } as const;

export interface SensitivityRequest {
  /** The format measured, with its default options (an entry of QUANTIZE_METHODS). */
  method: QuantizeMethod;
  /** For a method with a `calibration-data` option: the drawing set that calibrates the activation ranges. */
  calibrationOrigin?: SampleOrigin;
}

/** Where the run happens: the model, the comparison drawings, and every set by origin (for calibration). */
export interface SensitivityContext {
  model: LabModel;
  origin: SampleOrigin;
  drawings: readonly EvalDrawing[];
  drawingsOf: (origin: SampleOrigin) => readonly EvalDrawing[];
  onStatus: (text: string) => void;
  onProgress: (progress: SensitivityProgress) => void;
  /** Stops the worker; the flow then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** A set of drawings a run compared on. */
export interface ComparedSet {
  origin: SampleOrigin;
  drawings: readonly EvalDrawing[];
}

/** "16 imported drawings · 8 classes", in the interface language of the moment. */
export function comparedOn({ origin, drawings }: ComparedSet): string {
  return describeSamples(origin, drawings);
}

export interface MeasuredSensitivity {
  /** Model, format, calibration and drawings it was measured for: mixed precision reuses it only for the same. */
  key: string;
  method: QuantizeMethod;
  /** The comparison drawings (worded at render time, `comparedOn`, so a language switch rewords them). */
  compared: ComparedSet;
  /** Most sensitive first. */
  layers: LayerSensitivity[];
}

export interface MixedForLab {
  result: MixedPrecisionResult;
  /** The float model's size, for "n× smaller". */
  floatBytes: number;
  /** How many layers were measured (quantizable). */
  layerCount: number;
  compared: ComparedSet;
  /** The variant to store; absent when the target was not reached. */
  made?: LabQuantizeResult;
}

function calibrationSet(request: SensitivityRequest, context: Pick<SensitivityContext, 'origin' | 'drawingsOf'>): { origin: SampleOrigin; drawings: readonly EvalDrawing[] } | undefined {
  if (!request.method.options.some((o) => o.kind === 'calibration-data')) return undefined;
  const origin = request.calibrationOrigin ?? context.origin;
  return { origin, drawings: context.drawingsOf(origin) };
}

/** What a run depends on, as one string: equal keys mean a measured sensitivity can be reused. */
export function sensitivityKey(request: SensitivityRequest, context: Pick<SensitivityContext, 'model' | 'origin' | 'drawings' | 'drawingsOf'>): string {
  const calibration = calibrationSet(request, context);
  const calibratedOn = calibration ? `${calibration.origin}:${calibration.drawings.length}` : '';
  return [context.model.id, request.method.mode, calibratedOn, context.origin, context.drawings.length].join('|');
}

/**
 * Throws an Error saying what to do when the comparison set (or, for static int8, the calibration set) has fewer
 * drawings than the run needs. Nothing is read or started before this passes.
 */
export function checkDrawings(request: SensitivityRequest, context: Pick<SensitivityContext, 'origin' | 'drawings' | 'drawingsOf'>): void {
  if (context.drawings.length < MIN_SENSITIVITY_DRAWINGS) {
    const name = originName(context.origin);
    const count = formatNumber(context.drawings.length);
    throw new Error(
      msg(str`Per-layer sensitivity compares on at least ${MIN_SENSITIVITY_DRAWINGS} drawings; ${name} has ${count}. Draw or import more, or choose another set under Drawings.`, {
        id: 'quantize.sensitivity.error.fewDrawings',
      }),
    );
  }
  const calibration = calibrationSet(request, context);
  if (calibration && calibration.drawings.length < MIN_CALIBRATION) {
    const name = originName(calibration.origin);
    const count = formatNumber(calibration.drawings.length);
    throw new Error(
      msg(str`${request.method.title()} calibrates on at least ${MIN_CALIBRATION} drawings; ${name} has ${count}. Choose another set to calibrate on.`, {
        id: 'quantize.sensitivity.error.fewCalibration',
      }),
    );
  }
}

/** Checks `target` is a share the control allows (0.90 to 1); throws an Error for people otherwise. */
export function checkTarget(target: number): void {
  if (!(target >= TARGET_RANGE.min && target <= TARGET_RANGE.max)) {
    const min = formatNumber(TARGET_RANGE.min, 2);
    const max = formatNumber(TARGET_RANGE.max, 2);
    throw new Error(msg(str`The target agreement must be a number from ${min} to ${max}.`, { id: 'quantize.sensitivity.error.target' }));
  }
}

/** The worker's options: the method's mode with its default settings, the comparison drawings, calibration and self-check inputs. */
async function workerOptions(request: SensitivityRequest, context: SensitivityContext, bytes: Uint8Array): Promise<SensitivityWorkerOptions> {
  const inputName = modelInputs(bytes)[0]?.name ?? 'input';
  const calibration = calibrationSet(request, context);
  const check = context.drawings.slice(0, DEFAULT_SELF_CHECK_SAMPLES);
  return {
    ...methodWorkerOptions(requestOptions(request.method, {})),
    mode: request.method.mode,
    samples: calibrationInputs(context.drawings, inputName),
    calibrationInputs: calibration && calibrationInputs(calibration.drawings, inputName),
    minCalibrationSamples: MIN_CALIBRATION,
    selfCheckInputs: calibrationInputs(check, inputName),
    threads: (await probeCapabilities()).wasmThreads,
  };
}

/**
 * A worker failure as an Error for people: by its QuantizeError code as the quantize panel words it
 * (`quantizeErrorText`), or the worker's own text; the signal's AbortError passes through unchanged.
 */
export function sensitivityFailure(error: unknown): Error {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  const detail = error instanceof Error ? error.message : String(error);
  const why = error instanceof QuantizeError ? quantizeErrorText(error) : msg(str`The quantize worker failed: ${detail}`, { id: 'quantize.sensitivity.error.worker' });
  return new Error(msg(str`${why} Nothing was stored; your models are unchanged.`, { id: 'quantize.sensitivity.error' }));
}

/**
 * Measures each quantizable layer of `context.model` quantized alone with `request.method` (defaults), compared with
 * fp32 on the comparison drawings. Throws an Error for people (too few drawings, no layers, worker failure).
 */
export async function measureSensitivity(request: SensitivityRequest, context: SensitivityContext): Promise<MeasuredSensitivity> {
  checkDrawings(request, context);
  const bytes = await referenceBytes(context.model, context.onStatus);
  context.onStatus(msg('Measuring each layer…', { id: 'quantize.sensitivity.status.measuring' }));
  try {
    const layers = await layerSensitivityInWorker(bytes, await workerOptions(request, context, bytes), context.onProgress, context.signal);
    return { key: sensitivityKey(request, context), method: request.method, compared: { origin: context.origin, drawings: context.drawings }, layers };
  } catch (error) {
    throw sensitivityFailure(error);
  }
}

/**
 * Keeps the most sensitive layers in fp32 until the agreement with fp32 on the comparison drawings reaches `target`
 * (reusing `measured` when it was measured for the same model, format and drawings). When reached, `made` holds the
 * variant to store (`keptInFloat` set, self-checked in the worker); otherwise nothing is made.
 */
export async function mixedForLab(request: SensitivityRequest, context: SensitivityContext, target: number, measured?: MeasuredSensitivity): Promise<MixedForLab> {
  checkTarget(target);
  checkDrawings(request, context);
  const bytes = await referenceBytes(context.model, context.onStatus);
  const floatBytes = bytes.byteLength;
  const reuse = measured?.key === sensitivityKey(request, context) ? measured.layers : undefined;
  context.onStatus(msg('Choosing the layers to keep in fp32…', { id: 'quantize.sensitivity.status.mixed' }));
  let result: MixedPrecisionResult;
  try {
    result = await mixedPrecisionInWorker(bytes, { ...(await workerOptions(request, context, bytes)), targetAgreement: target, sensitivity: reuse }, context.onProgress, context.signal);
  } catch (error) {
    throw sensitivityFailure(error);
  }
  const base = { result, floatBytes, layerCount: result.sensitivity.length, compared: { origin: context.origin, drawings: context.drawings } };
  // A mix with no layer in fp32 is the format itself, which the quantize panel makes: no second copy is stored.
  if (!result.reached || !result.report || result.keptInFloat.length === 0) return base;
  const calibration = calibrationSet(request, context);
  const variant = newVariant({
    modelId: context.model.id,
    name: context.model.opened?.name ?? context.model.id,
    mode: request.method.mode,
    bytes: result.model,
    calibratedOn: calibration && describeSamples(calibration.origin, calibration.drawings),
    selfCheck: result.report.selfCheck,
    options: requestOptions(request.method, {}),
    keptInFloat: result.keptInFloat,
    createdAt: Date.now(),
  });
  return { ...base, made: { variant, report: result.report, notes: [] } };
}

/** What the lab says about a mixed-precision run: the layers kept, the agreement reached and the size, or why not. */
export function mixedSummary({ result, floatBytes, layerCount, compared }: MixedForLab): string {
  const samples = comparedOn(compared);
  const target = formatNumber(result.targetAgreement, 3);
  if (!result.reached) {
    const best = formatNumber(Math.max(0, ...result.steps.map((s) => s.agreement)), 3);
    return msg(str`No mix smaller than fp32 reaches agreement ${target} on ${samples}: the best was ${best}. Nothing was stored; lower the target or choose another format.`, {
      id: 'quantize.sensitivity.mixed.notReached',
    });
  }
  const agreement = formatNumber(result.agreement, 3);
  const size = formatBytes(result.bytes);
  const change = sizeChange(floatBytes, result.bytes);
  const kept = formatNumber(result.keptInFloat.length);
  const total = formatNumber(layerCount);
  return result.keptInFloat.length === 0
    ? msg(str`No layer needs fp32: with every layer quantized the agreement with fp32 is ${agreement} (target ${target}) on ${samples}; ${size}, ${change}. Nothing was stored: make it with "Quantize here". Drawings like the real ones (your game drawings, an imported file) show differences the synthetic shapes may not.`, {
        id: 'quantize.sensitivity.mixed.noneKept',
      })
    : msg(str`Kept ${kept} of ${total} layers in fp32: agreement with fp32 ${agreement} (target ${target}) on ${samples}; ${size}, ${change}.`, {
        id: 'quantize.sensitivity.mixed.reached',
      });
}
