/**
 * Static calibration from .npy files the user imports into the lab, by the CLI's rule (calibrationSamplesFromNpy):
 * one `<input name>.npy` per model input (float32 used as is, uint8 × 1/255), or, for a one-input model, any .npy
 * files of uint8 rows.
 */
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
    throw new QuantizeError('too-few-calibration-samples', `${names} hold${files.length === 1 ? 's' : ''} ${inputs.length} sample${inputs.length === 1 ? '' : 's'}; static calibration needs at least ${minSamples}.`);
  }
  return { inputs, description: `${inputs.length} rows of ${names}`, notes };
}
