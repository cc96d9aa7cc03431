/**
 * Quantizes any float ONNX model to int8 with the project's quantizer (src/quantize).
 *
 *   npm run quantize -- --in model.onnx --out model_quantized.onnx --mode dynamic|weight-only|static
 *                       [--per-tensor] [--calibration <dir of .npy>] [--calibration-rows N] [--input-scale S]
 *
 * Static mode calibrates in onnxruntime-node on the .npy files in --calibration (`calibrationSamplesFromNpy`):
 * one file per model input named `<input name>.npy`, one row per sample, uint8 (multiplied by --input-scale,
 * default 1/255) or float32 (used as is); or, for a single-input model, any uint8 files whose rows are all samples
 * of that input (e.g. Quick, Draw! bitmaps, at most --calibration-rows per file).
 * Every result is run beside the float model in onnxruntime-node before it is written (the self-check): a model
 * that does not run or strays beyond its int8 error bound is not written, and the command exits non-zero.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import {
  calibrationSamplesFromNpy,
  describeSelfCheck,
  modelInputs,
  ortCalibration,
  ortModelRunner,
  quantizeModel,
  type QuantizeMode,
} from '../../src/quantize';
import type { TensorMap } from '../../src/runtime/protocol';
import { parseNpy } from '../../src/sketch/npy';
import { describeSizeChange } from '../../src/util/size-change';

const MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static'];

const USAGE = `usage: npm run quantize -- --in model.onnx --out model_quantized.onnx [options]
  --mode dynamic|weight-only|static   int8 scheme (default dynamic)
  --per-tensor                        one scale per weight tensor instead of per output channel
  --calibration <dir>                 .npy samples: <input name>.npy per model input, or uint8 files of a
                                      single-input model; static mode calibrates on them, every mode self-checks on them
  --calibration-rows N                most rows taken from each file (default 16)
  --input-scale S                     multiplies uint8 .npy values (default 1/255)
  --help                              this text`;

async function readCalibrationSamples(model: Uint8Array, dir: string, rows: number, inputScale: number): Promise<TensorMap[]> {
  const names = (await readdir(dir).catch((error: Error) => {
    throw new Error(`cannot read --calibration ${dir}: ${error.message}`);
  })).filter((name) => name.toLowerCase().endsWith('.npy')).sort();
  if (names.length === 0) throw new Error(`${dir} holds no .npy files to calibrate with.`);
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
  const samples = calibrationSamplesFromNpy(files, modelInputs(model), { rows, inputScale, onNote: (note) => console.warn(`warning: ${note}`) });
  // Files are read whole; only --calibration-rows of each are used, which is easy to miss.
  const capped = files.map(({ name, bytes }) => ({ name, count: parseNpy(bytes, name).shape[0] ?? 1 })).filter(({ count }) => count > rows);
  if (capped.length > 0) {
    const most = Math.max(...capped.map(({ count }) => count));
    console.log(
      `note: used ${capped.map(({ name, count }) => `${rows} of ${count} rows in ${name}`).join(', ')} ` +
        `(--calibration-rows ${rows}); give --calibration-rows ${most} to use them all.`,
    );
  }
  return samples;
}

function toFeeds(sample: TensorMap): Record<string, ort.Tensor> {
  return Object.fromEntries(Object.entries(sample).map(([name, value]) => [name, new ort.Tensor(value.type, value.data as Float32Array, value.dims)]));
}

/** A number or a fraction such as 1/255. */
function parseScale(text: string): number {
  const [numerator, denominator = '1'] = text.split('/');
  const value = Number(numerator) / Number(denominator);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--input-scale must be a positive number such as 0.0039 or 1/255; got "${text}".`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', default: false },
      in: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string', default: 'dynamic' },
      'per-tensor': { type: 'boolean', default: false },
      calibration: { type: 'string' },
      'calibration-rows': { type: 'string', default: '16' },
      'input-scale': { type: 'string', default: '1/255' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const mode = values.mode as QuantizeMode;
  if (!values.in || !values.out) throw new Error('give --in <model.onnx> and --out <model_quantized.onnx>.');
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}; got "${values.mode}".`);
  if (mode === 'static' && !values.calibration) throw new Error('--mode static needs --calibration <dir of .npy samples>.');
  const rows = Number(values['calibration-rows']);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--calibration-rows must be a whole number ≥ 1; got "${values['calibration-rows']}".`);
  const outDir = dirname(values.out);
  if (!(await stat(outDir).then((s) => s.isDirectory(), () => false))) {
    throw new Error(`cannot write --out ${values.out}: the folder ${outDir} does not exist; create it first.`);
  }
  if (values.calibration && mode !== 'static') {
    console.log(`note: --mode ${mode} quantizes no activations ahead of time, so --calibration serves only the self-check; use --mode static to calibrate on it.`);
  }
  const model = new Uint8Array(await readFile(values.in).catch((error: Error) => {
    throw new Error(`cannot read ${values.in}: ${error.message}`);
  }));
  const samples = values.calibration ? await readCalibrationSamples(model, values.calibration, rows, parseScale(values['input-scale'])) : undefined;
  const { bytes, report } = await quantizeModel(
    model,
    {
      mode,
      perChannel: !values['per-tensor'],
      calibration: mode === 'static' && samples ? { run: ortCalibration(ort, samples.map(toFeeds)) } : undefined,
      // Check on the calibration rows when there are some (inside the calibrated ranges), else on generated inputs.
      selfCheck: { run: ortModelRunner(ort), samples, runtime: 'onnxruntime-node' },
    },
    (progress) => {
      if (progress.stage === 'calibrating' && progress.done % 50 === 0) console.log(`calibrated on ${progress.done} samples…`);
    },
  );
  await writeFile(values.out, bytes);
  console.log(
    `${mode} int8: ${report.bytesBefore.toLocaleString('en')} → ${report.bytesAfter.toLocaleString('en')} bytes ` +
      `(${describeSizeChange(report.bytesBefore, report.bytesAfter)}); ${report.weights.length} weights, ` +
      `${report.activations.length} activations; per-channel: ${report.perChannel}; opset ${report.opsetAfter}` +
      (report.calibrationSamples ? `; ${report.calibrationSamples} calibration samples` : ''),
  );
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const skipped of report.skipped) console.log(`left in float: ${skipped.name} (${skipped.reason})`);
  console.log(`self-check in onnxruntime-node, ${describeSelfCheck(report.selfCheck!)}`);
  console.log(`wrote ${values.out}`);
}

main().catch((error: Error) => {
  console.error(`quantize: ${error.message}`);
  process.exitCode = 1;
});
