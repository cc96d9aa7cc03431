/**
 * The lab's quantize and open-model flows without the page: read the float model, check the calibration data,
 * quantize in the worker (self-checked there), and say what came out. Thrown errors carry messages for people.
 */
import { msg, str } from '@lit/localize';
import { QuantizeError, type QuantizeErrorCode } from '../../quantize/errors';
import { modelInputs } from '../../quantize/model-info';
import { DEFAULT_SELF_CHECK_SAMPLES } from '../../quantize/self-check';
import type { QuantizeProgress, QuantizeReport } from '../../quantize/types';
import { probeCapabilities } from '../../runtime/capabilities';
import { readCachedFile } from '../../runtime/cache';
import { quantizeInWorker, type QuantizeInWorkerOptions } from '../../runtime/quantize-client';
import { InferenceClient } from '../../runtime/worker-client';
import { paragraph } from '../../i18n/paragraph';
import { formatNumber } from '../../ui/format';
import { loadCauseText } from '../../ui/load-error-text';
import { formatBytes } from '../../util/format-bytes';
import { calibrationInputs, describeSamples, originName, type EvalDrawing, type SampleOrigin } from './eval-samples';
import { npyCalibration } from './lab-calibration';
import { formatName } from '../../ui/variant-name';
import { checkSketchInput, fp32OnnxPath, type LabModel } from './lab-variants';
import { MIN_CALIBRATION, type QuantizeRequest } from './quantize-methods';
import { selfCheckText } from './self-check-text';
import { newVariant, type StoredVariant, type VariantOptions } from '../../runtime/variant-store';

export const MAX_FILE_BYTES = 500e6;

/** The float model's bytes: the opened file, or the fp32 file from the cache (loading it once if not cached yet). */
export async function referenceBytes(model: LabModel, onStatus: (text: string) => void): Promise<Uint8Array> {
  if (model.opened) return model.opened.bytes.slice();
  const path = model.catalogModel && fp32OnnxPath(model.catalogModel);
  if (!path) throw new Error(msg(str`${model.title} has no fp32 ONNX file in the catalog.`, { id: 'quantize.error.noFp32' }));
  const cached = await readCachedFile(model.id, path);
  if (cached) return cached;
  onStatus(msg('Fetching the fp32 model into the cache…', { id: 'quantize.status.fetching' }));
  const client = new InferenceClient('quantize lab · fetch fp32');
  try {
    await client.load({ modelId: model.id, dtype: 'fp32', device: 'wasm' });
  } finally {
    client.terminate();
  }
  const bytes = await readCachedFile(model.id, path);
  if (!bytes) {
    throw new Error(
      msg(str`${path} of ${model.title} could not be kept in this browser's storage, so it cannot be quantized here. Free some space on the Models page and try again.`, {
        id: 'quantize.error.notCached',
      }),
    );
  }
  return bytes;
}

export interface LabQuantizeResult {
  variant: StoredVariant;
  report: QuantizeReport;
  /** Warnings from reading .npy calibration files. */
  notes: string[];
}

/**
 * Quantizes `model` as `request` asks. `drawingsOf` gives a sample set's drawings; the self-check runs on the first
 * ones of `checkOn` (the comparison set). Throws when calibration data is missing or too small, or QuantizeError.
 */
export async function quantizeForLab(
  model: LabModel,
  request: QuantizeRequest,
  drawingsOf: (origin: SampleOrigin) => EvalDrawing[],
  checkOn: readonly EvalDrawing[],
  onStatus: (text: string) => void,
  onProgress: (progress: QuantizeProgress) => void,
): Promise<LabQuantizeResult> {
  const source = request.calibration;
  const drawings = source && source.origin !== 'npy' ? drawingsOf(source.origin) : undefined;
  if (source && source.origin !== 'npy' && drawings!.length < MIN_CALIBRATION) {
    const name = originName(source.origin);
    const count = drawings!.length;
    throw new Error(
      msg(str`Static quantization needs at least ${MIN_CALIBRATION} calibration drawings; ${name} has ${count}. Draw or import more, or calibrate on another set.`, {
        id: 'quantize.error.fewDrawings',
      }),
    );
  }
  if (source?.origin === 'npy' && source.files.length === 0) throw new Error(msg('Choose the .npy files to calibrate on first.', { id: 'quantize.error.noNpy' }));
  const bytes = await referenceBytes(model, onStatus);
  const inputName = modelInputs(bytes)[0]?.name ?? 'input';
  const fromFiles = source?.origin === 'npy' ? npyCalibration(source.files, bytes, MIN_CALIBRATION) : undefined;
  // The self-check runs on drawings like the ones compared (the worker generates inputs when there are none).
  const check = checkOn.slice(0, DEFAULT_SELF_CHECK_SAMPLES);
  const facts = await probeCapabilities();
  onStatus(msg('Quantizing…', { id: 'quantize.status.quantizing' }));
  const { bytes: quantized, report } = await quantizeInWorker(
    bytes,
    {
      mode: request.method.mode,
      ...workerOptions(request.options),
      calibrationInputs: fromFiles?.inputs ?? (drawings && calibrationInputs(drawings, inputName)),
      selfCheckInputs: check.length > 0 ? calibrationInputs(check, inputName) : undefined,
      minCalibrationSamples: MIN_CALIBRATION,
      threads: facts.wasmThreads,
      transfer: true,
    },
    onProgress,
  ).catch((error: unknown) => {
    throw error instanceof QuantizeError ? new QuantizeError(error.code, quantizeErrorText(error)) : error;
  });
  const variant = newVariant({
    modelId: model.id,
    name: model.opened?.name ?? model.id,
    mode: request.method.mode,
    bytes: quantized,
    calibratedOn: fromFiles?.description ?? (drawings && source && source.origin !== 'npy' ? describeSamples(source.origin, drawings) : undefined),
    selfCheck: report.selfCheck,
    options: request.options,
    createdAt: Date.now(),
  });
  return { variant, report, notes: fromFiles?.notes ?? [] };
}

/** "3.91× smaller", "2.58× larger" (a tiny model grows: each weight gains a scale and zero point), "the same size". */
export function sizeChange(bytesBefore: number, bytesAfter: number): string {
  if (!(bytesBefore > 0) || !(bytesAfter > 0)) return msg('size unknown', { id: 'quantize.size.unknown' });
  if (bytesBefore === bytesAfter) return msg('the same size', { id: 'quantize.size.same' });
  if (bytesAfter < bytesBefore) return msg(str`${formatNumber(bytesBefore / bytesAfter, 2)}× smaller`, { id: 'quantize.size.smaller' });
  return msg(str`${formatNumber(bytesAfter / bytesBefore, 2)}× larger`, { id: 'quantize.size.larger' });
}

/** What the lab says after quantizing: sizes, tensors, self-check and notes, or first that it was not stored. */
export function madeMessage({ variant, report, notes }: LabQuantizeResult, notSaved: string | undefined): { kind: 'ok' | 'error'; text: string } {
  const mode = formatName(variant);
  if (notSaved) {
    return {
      kind: 'error',
      text: msg(str`Made ${mode}, but it could not be kept in this browser. ${notSaved} It is ticked for the comparison below; use its Download button to keep it.`, {
        id: 'quantize.made.notSaved',
      }),
    };
  }
  const sizes = `${formatBytes(report.bytesBefore)} → ${formatBytes(report.bytesAfter)}`;
  const change = sizeChange(report.bytesBefore, report.bytesAfter);
  const what = weightsSummary(variant, report);
  const made = msg(str`Made ${mode}: ${sizes} (${change}, ${what}).`, { id: 'quantize.made' });
  const checked = report.selfCheck && selfCheckText(report.selfCheck);
  const noteText = paragraph(notes);
  const noted = notes.length > 0 && msg(str`Note: ${noteText}`, { id: 'quantize.made.notes' });
  return { kind: 'ok', text: paragraph([made, checked, noted, msg('It is ticked for the comparison below.', { id: 'quantize.made.ticked' })]) };
}

/** Prefix of `QuantizedWeight.format` for the weights a weight format converted (the others stayed int8 or float). */
const FORMAT_PREFIX = { fp16: 'float16', int4: 'int4', palette: 'palette' } as const;

/**
 * What became of the weights, in words: "6 weight tensors quantized[, 1 left float]" for int8; for the weight formats
 * how many are in the format ("4 weight tensors in int4 blocks of 32") and how many stayed int8 or float (a weight
 * kept int8 where the opset could not be raised, `report.skipped`).
 */
export function weightsSummary(variant: Pick<StoredVariant, 'mode' | 'options'>, report: Pick<QuantizeReport, 'weights' | 'skipped'>): string {
  const mode = variant.mode;
  if (mode !== 'fp16' && mode !== 'int4' && mode !== 'palette') {
    const weights = formatNumber(report.weights.length);
    const skipped = formatNumber(report.skipped.length);
    return report.skipped.length
      ? msg(str`${weights} weight tensors quantized, ${skipped} left float`, { id: 'quantize.made.int8Skipped' })
      : msg(str`${weights} weight tensors quantized`, { id: 'quantize.made.int8' });
  }
  const converted = report.weights.filter((w) => w.format?.startsWith(FORMAT_PREFIX[mode])).length;
  const count = formatNumber(converted);
  // The quantizer's defaults when a variant carries no settings: blocks of 32, 4-bit tables.
  const block = formatNumber(variant.options?.blockSize ?? 32);
  const entries = formatNumber(2 ** (variant.options?.bits ?? 4));
  const done =
    mode === 'fp16'
      ? msg(str`${count} tensors stored as float16`, { id: 'quantize.made.fp16' })
      : mode === 'int4'
        ? msg(str`${count} weight tensors in int4 blocks of ${block}`, { id: 'quantize.made.int4' })
        : msg(str`${count} weight tensors as tables of ${entries} values`, { id: 'quantize.made.palette' });
  const keptCount = report.weights.length - converted + report.skipped.length;
  if (keptCount === 0) return done;
  const kept = formatNumber(keptCount);
  return msg(str`${done}, ${kept} kept int8 or float`, { id: 'quantize.made.kept' });
}

/** The worker's options for a request's settings (SmoothQuant runs when α is set). */
export function workerOptions({ smoothQuantAlpha, ...rest }: VariantOptions): Partial<QuantizeInWorkerOptions> {
  return { ...rest, smoothQuant: smoothQuantAlpha === undefined ? undefined : { alpha: smoothQuantAlpha } };
}

/** Why the quantizer refused, by code, in the interface language; the quantizer's own detail (English) follows. */
const REFUSALS: Record<QuantizeErrorCode, (detail: string) => string> = {
  'not-onnx': (detail) => msg(str`The quantizer could not read the model as ONNX: ${detail}`, { id: 'quantize.refused.notOnnx' }),
  'external-data': (detail) => msg(str`The model keeps its weights in a separate file, which the lab cannot read: ${detail}`, { id: 'quantize.refused.externalData' }),
  'no-float-weights': (detail) => msg(str`There are no float weights to quantize: ${detail}`, { id: 'quantize.refused.noFloatWeights' }),
  'unsupported-opset': (detail) =>
    msg(str`This method needs a newer ONNX opset than the model has, and the model cannot be raised to it: ${detail} Weight-only int8 works on older opsets.`, {
      id: 'quantize.refused.opset',
    }),
  'too-few-calibration-samples': (detail) => msg(str`Too few calibration samples: ${detail}`, { id: 'quantize.refused.fewSamples' }),
  'calibration-mismatch': (detail) => msg(str`The calibration samples do not fit the model's inputs: ${detail}`, { id: 'quantize.refused.calibrationMismatch' }),
  'calibration-data': (detail) => msg(str`The calibration data cannot be used: ${detail}`, { id: 'quantize.refused.calibrationData' }),
  'self-check-failed': (detail) =>
    msg(str`The quantized model failed its check against the fp32 model, so it was not kept: ${detail}`, { id: 'quantize.refused.selfCheck' }),
  'invalid-options': (detail) => msg(str`These settings do not fit this model: ${detail}`, { id: 'quantize.refused.invalidOptions' }),
  'smoothquant-not-applicable': (detail) =>
    msg(str`SmoothQuant cannot be used on this model: ${detail} Turn SmoothQuant off to quantize it without.`, { id: 'quantize.refused.smoothQuant' }),
};

/** A QuantizeError's message for the lab: what went wrong in the interface language, then the quantizer's detail. */
export function quantizeErrorText(error: QuantizeError): string {
  return REFUSALS[error.code](error.message);
}

/**
 * Checks that `file` is a model the lab can use: under MAX_FILE_BYTES, loads in onnxruntime-web (a trial load, nothing
 * cached) and takes one 28×28 sketch. Returns its bytes; throws an Error saying what is wrong and that nothing changed.
 */
export async function readModelFile(file: File, onStatus: (text: string) => void): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) {
    const size = formatBytes(file.size);
    const limit = formatBytes(MAX_FILE_BYTES);
    throw new Error(msg(str`${file.name} is ${size}; the lab opens models up to ${limit}.`, { id: 'quantize.error.modelTooLarge' }));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  onStatus(msg(str`Checking ${file.name}…`, { id: 'quantize.status.checking' }));
  const client = new InferenceClient('quantize lab · check file');
  try {
    const info = await client.load({ modelId: file.name, dtype: 'fp32', device: 'wasm', bytes, trial: true }).catch((error: unknown) => {
      const why = loadCauseText(error);
      throw new Error(
        msg(str`${file.name} is not an ONNX model this browser can run (${why}). Nothing was added; your other models are unchanged.`, { id: 'quantize.error.notOnnx' }),
      );
    });
    checkSketchInput(info, file.name);
  } finally {
    client.terminate();
  }
  return bytes;
}
