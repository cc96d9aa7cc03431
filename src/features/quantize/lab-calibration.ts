/**
 * Static calibration from .npy files the user imports into the lab, by the CLI's rule (calibrationSamplesFromNpy):
 * one `<input name>.npy` per model input (float32 used as is, uint8 × 1/255), or, for a one-input model, any .npy
 * files of uint8 rows.
 */
import { msg, str } from '@lit/localize';
import { calibrationSamplesFromNpy, type CalibrationFile } from '../../quantize/calibration-files';
import { QuantizeError } from '../../quantize/errors';
import { modelInputs } from '../../quantize/model-info';
import type { TensorMap } from '../../runtime/protocol';

export interface LabCalibration {
  inputs: TensorMap[];
  /** "32 rows of input.npy", for the variant's "calibrated on …" line. */
  description: string;
  /** Warnings worth showing, e.g. that uint8 data gives non-negative values only. */
  notes: string[];
}

/**
 * Calibration samples for the model `modelBytes` from `files`. Throws QuantizeError 'calibration-data' (a bad file,
 * a missing input…) or 'too-few-calibration-samples' when the files hold fewer than `minSamples` rows.
 */
export function npyCalibration(files: readonly CalibrationFile[], modelBytes: Uint8Array, minSamples: number): LabCalibration {
  const notes: string[] = [];
  const inputs = calibrationSamplesFromNpy(files, modelInputs(modelBytes), { onNote: (note) => notes.push(note) });
  const names = files.map((f) => f.name).join(', ');
  if (inputs.length < minSamples) {
    const message = msg(str`${names}: ${inputs.length} samples; static calibration needs at least ${minSamples}.`, { id: 'quantize.npy.tooFew' });
    throw new QuantizeError('too-few-calibration-samples', message);
  }
  return { inputs, description: msg(str`${inputs.length} rows of ${names}`, { id: 'quantize.npy.rows' }), notes };
}
