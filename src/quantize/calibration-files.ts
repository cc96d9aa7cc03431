/**
 * Calibration samples from NumPy .npy files, for the CLI and the lab: one file per model input named
 * `<input name>.npy` whose rows are samples, or, for a single-input model, any number of files whose rows
 * are all samples of that input (e.g. Quick, Draw! bitmaps, one file per class).
 */
import { parseNpy, type NpyArray } from '../sketch/npy';
import type { TensorMap } from '../types/tensor';
import { QuantizeError } from './errors';
import type { ModelInput } from './model-info';
import { DataType } from './tensor';

export interface CalibrationFile {
  name: string;
  bytes: Uint8Array;
}

export interface CalibrationFileOptions {
  /** Multiplies uint8 data (default 1/255, pixels → [0, 1]); other types are used as stored. */
  inputScale?: number;
  /** Most rows to take: per file for the single-input set of files, in total for one-file-per-input. */
  rows?: number;
  /** Things worth telling the user, e.g. that uint8 data gives only non-negative values. */
  onNote?: (note: string) => void;
}

const DEFAULT_INPUT_SCALE = 1 / 255;

/** The file's base name without `.npy` (any folder part dropped). */
function inputNameOf(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.npy$/i, '');
}

function read(file: CalibrationFile): NpyArray {
  if (!/\.npy$/i.test(file.name)) throw new QuantizeError('calibration-data', `${file.name} is not a .npy file; calibration reads NumPy .npy arrays.`);
  try {
    return parseNpy(file.bytes, file.name);
  } catch (error) {
    throw new QuantizeError('calibration-data', (error as Error).message);
  }
}

/**
 * The shape one sample of `input` takes when a file row holds `rowSize` values: the leading symbolic
 * dimension (batch) is 1, one remaining symbolic dimension is solved from the row size; an input with no
 * declared shape takes the row's own shape with a batch of 1.
 */
function sampleDims(input: ModelInput, rowShape: readonly number[], fileName: string): number[] {
  const rowSize = rowShape.reduce((a, b) => a * b, 1);
  if (input.dims.length === 0) return [1, ...rowShape];
  const dims = input.dims.map((dim, i) => (dim === null && i === 0 ? 1 : dim));
  const known = dims.reduce<number>((product, dim) => product * (dim ?? 1), 1);
  const open = dims.flatMap((dim, i) => (dim === null ? [i] : []));
  const shapeText = `[${input.dims.map((dim) => dim ?? '?').join(', ')}]`;
  if (open.length > 1) {
    throw new QuantizeError('calibration-data', `${fileName}: input "${input.name}" has shape ${shapeText} with ${open.length} unknown dimensions besides the batch; a row cannot say which is which.`);
  }
  if (open.length === 1) {
    if (rowSize % known !== 0 || rowSize === 0) {
      throw new QuantizeError('calibration-data', `${fileName}: a row holds ${rowSize} values, which do not fill input "${input.name}" of shape ${shapeText}.`);
    }
    dims[open[0]] = rowSize / known;
  } else if (known !== rowSize) {
    throw new QuantizeError('calibration-data', `${fileName}: a row holds ${rowSize} values but input "${input.name}" of shape ${shapeText} needs ${known}.`);
  }
  return dims as number[];
}

/** Rows of `array` as float32 samples shaped for `input`. */
function rowsOf(array: NpyArray, input: ModelInput, fileName: string, limit: number, inputScale: number): TensorMap[] {
  if (array.shape.length === 0) throw new QuantizeError('calibration-data', `${fileName} holds a single number; it needs one row per sample.`);
  const rowShape = array.shape.slice(1);
  const dims = sampleDims(input, rowShape, fileName);
  const rowSize = rowShape.reduce((a, b) => a * b, 1);
  const scale = array.dtype === 'uint8' ? inputScale : 1;
  const rows = Math.min(limit, array.shape[0]);
  return Array.from({ length: rows }, (_, row) => {
    const data = Float32Array.from(array.data.subarray(row * rowSize, (row + 1) * rowSize), (v) => v * scale);
    return { [input.name]: { type: 'float32', data, dims: [...dims] } };
  });
}

/**
 * Calibration samples (one `TensorMap` per sample, float32, batch 1) from .npy files for a model whose graph
 * inputs are `inputs` (`modelInputs(bytes)`).
 * - When any file is named after an input, every input needs its `<input name>.npy`, each holding the same number
 *   of rows (row i of every file is sample i); at most `rows` samples are taken.
 * - Otherwise a single-input model reads every file's rows (at most `rows` per file) as samples of its input.
 * Element types: uint8 is multiplied by `inputScale` (default 1/255); int8/int16/int32/float32/float64 are used as
 * stored (converted to float32). A row is reshaped to the input's shape (see `sampleDims`).
 * Throws QuantizeError 'calibration-data' naming the file or input at fault (not a .npy, unsupported type,
 * missing input file, file naming no input, row count or row size mismatch, non-float input).
 */
export function calibrationSamplesFromNpy(
  files: readonly CalibrationFile[],
  inputs: readonly ModelInput[],
  options: CalibrationFileOptions = {},
): TensorMap[] {
  const { inputScale = DEFAULT_INPUT_SCALE, rows = Infinity, onNote = () => {} } = options;
  if (files.length === 0) throw new QuantizeError('calibration-data', 'No .npy files were given to calibrate with.');
  if (inputs.length === 0) throw new QuantizeError('calibration-data', 'The model has no inputs to calibrate.');
  for (const input of inputs) {
    if (input.elemType !== DataType.FLOAT) {
      throw new QuantizeError('calibration-data', `Input "${input.name}" is not float32; calibration from .npy files feeds float32 inputs only.`);
    }
  }
  const inputNames = new Set(inputs.map((input) => input.name));
  const named = files.some((file) => inputNames.has(inputNameOf(file.name)));
  const expected = inputs.map((input) => `${input.name}.npy`).join(', ');

  if (!named) {
    if (inputs.length > 1) {
      throw new QuantizeError('calibration-data', `The model has ${inputs.length} inputs; give one .npy per input, named ${expected} (found ${files.map((f) => f.name).join(', ')}).`);
    }
    const samples: TensorMap[] = [];
    const dtypes = new Set<string>();
    for (const file of files) {
      const array = read(file);
      dtypes.add(array.dtype);
      samples.push(...rowsOf(array, inputs[0], file.name, rows, inputScale));
    }
    if (dtypes.has('uint8')) noteUnsigned(onNote, [inputs[0].name], inputScale);
    return samples;
  }

  const byInput = new Map<string, CalibrationFile>();
  for (const file of files) {
    const name = inputNameOf(file.name);
    if (!inputNames.has(name)) {
      throw new QuantizeError('calibration-data', `${file.name} names no model input; the model's inputs need ${expected}.`);
    }
    byInput.set(name, file);
  }
  const missing = inputs.filter((input) => !byInput.has(input.name));
  if (missing.length > 0) {
    throw new QuantizeError('calibration-data', `Missing calibration data for input${missing.length > 1 ? 's' : ''} ${missing.map((i) => `"${i.name}"`).join(', ')}: give ${missing.map((i) => `${i.name}.npy`).join(', ')} beside the others.`);
  }
  const perInput = inputs.map((input) => {
    const file = byInput.get(input.name)!;
    const array = read(file);
    return { input, file, array, samples: rowsOf(array, input, file.name, rows, inputScale) };
  });
  const counts = perInput.map(({ file, array }) => `${file.name} ${array.shape[0]}`);
  if (new Set(perInput.map(({ array }) => array.shape[0])).size > 1) {
    throw new QuantizeError('calibration-data', `The inputs' files hold different numbers of rows (${counts.join(', ')}); row i of every file is sample i, so they must match.`);
  }
  const unsigned = perInput.filter(({ array }) => array.dtype === 'uint8').map(({ input }) => input.name);
  if (unsigned.length > 0) noteUnsigned(onNote, unsigned, inputScale);
  return perInput[0].samples.map((_, i) => Object.assign({}, ...perInput.map(({ samples }) => samples[i])) as TensorMap);
}

function noteUnsigned(onNote: (note: string) => void, inputs: readonly string[], inputScale: number): void {
  const range = `[0, ${+(255 * inputScale).toPrecision(4)}]`;
  onNote(
    `${inputs.map((name) => `"${name}"`).join(', ')} calibrated from uint8 data: values in ${range} only. ` +
      'If the model expects signed or normalised inputs, give float32 .npy files with the values it really sees.',
  );
}
