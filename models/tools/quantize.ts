/**
 * Quantizes any float ONNX model to int8 with the project's quantizer (src/quantize).
 *
 *   npm run quantize -- --in model.onnx --out model_quantized.onnx --mode dynamic|weight-only|static
 *                       [--per-tensor] [--calibration <dir of uint8 .npy>] [--calibration-rows N] [--input-scale S]
 *
 * Static mode calibrates in onnxruntime-node on rows of every .npy file in --calibration (uint8 arrays whose rows
 * each hold one input, e.g. Quick, Draw! bitmaps), reshaped to the model's first input and multiplied by
 * --input-scale (default 1/255).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { modelInputs, ortCalibration, quantizeModel, type CalibrationFeeds, type QuantizeMode } from '../../src/quantize';
import { parseNpyUint8 } from '../../src/sketch/npy';

const MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static'];

async function readCalibrationFeeds(model: Uint8Array, dir: string, rowsPerFile: number, inputScale: number): Promise<CalibrationFeeds[]> {
  const [input, ...others] = modelInputs(model);
  if (!input || others.length > 0) throw new Error('--calibration needs a model with exactly one input.');
  const dims = input.dims.map((d) => d ?? 1);
  const size = dims.reduce((a, b) => a * b, 1);
  const files = (await readdir(dir)).filter((name) => name.endsWith('.npy')).sort();
  if (files.length === 0) throw new Error(`${dir} holds no .npy files to calibrate with.`);
  const feeds: CalibrationFeeds[] = [];
  for (const file of files) {
    const { data } = parseNpyUint8(new Uint8Array(await readFile(join(dir, file))), file);
    if (data.length % size !== 0) throw new Error(`${file}: ${data.length} values do not split into inputs of shape [${dims}].`);
    const rows = Math.min(rowsPerFile, data.length / size);
    for (let row = 0; row < rows; row++) {
      const values = Float32Array.from(data.subarray(row * size, (row + 1) * size), (v) => v * inputScale);
      feeds.push({ [input.name]: new ort.Tensor('float32', values, dims) });
    }
  }
  return feeds;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string', default: 'dynamic' },
      'per-tensor': { type: 'boolean', default: false },
      calibration: { type: 'string' },
      'calibration-rows': { type: 'string', default: '16' },
      'input-scale': { type: 'string', default: String(1 / 255) },
    },
  });
  const mode = values.mode as QuantizeMode;
  if (!values.in || !values.out) throw new Error('give --in <model.onnx> and --out <model_quantized.onnx>.');
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}; got "${values.mode}".`);
  if (mode === 'static' && !values.calibration) throw new Error('--mode static needs --calibration <dir of .npy samples>.');
  const model = new Uint8Array(await readFile(values.in).catch((error: Error) => {
    throw new Error(`cannot read ${values.in}: ${error.message}`);
  }));
  const calibration = mode === 'static' && values.calibration
    ? { run: ortCalibration(ort, await readCalibrationFeeds(model, values.calibration, Number(values['calibration-rows']), Number(values['input-scale']))) }
    : undefined;
  const { bytes, report } = await quantizeModel(model, { mode, perChannel: !values['per-tensor'], calibration }, (progress) => {
    if (progress.stage === 'calibrating' && progress.done % 50 === 0) console.log(`calibrated on ${progress.done} samples…`);
  });
  await writeFile(values.out, bytes);
  console.log(
    `${mode} int8: ${report.bytesBefore.toLocaleString('en')} → ${report.bytesAfter.toLocaleString('en')} bytes ` +
      `(${(report.bytesBefore / report.bytesAfter).toFixed(2)}× smaller); ${report.weights.length} weights, ` +
      `${report.activations.length} activations; per-channel: ${report.perChannel}; opset ${report.opsetAfter}` +
      (report.calibrationSamples ? `; ${report.calibrationSamples} calibration samples` : ''),
  );
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const skipped of report.skipped) console.log(`left in float: ${skipped.name} (${skipped.reason})`);
  console.log(`wrote ${values.out}`);
}

main().catch((error: Error) => {
  console.error(`quantize: ${error.message}`);
  process.exitCode = 1;
});
