/**
 * Quantizes the bundled sketch classifier with the project's quantizer (src/quantize):
 * models/doodle-cnn/onnx/model.onnx → onnx/model_quantized.onnx (transformers.js "q8" file).
 *
 *   npm run quantize:sketch [-- --mode weight-only|dynamic|static] [--calibration-data <dir>] [--calibration-rows N]
 *
 * Static mode calibrates on the first N training rows of each class (never on the held-out rows).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { describeSelfCheck, ortCalibration, ortModelRunner, quantizeModel, type QuantizeMode } from '../../src/quantize';
import type { TensorMap } from '../../src/runtime/protocol';
import { labelsFromConfig } from '../../src/sketch/predictions';
import { bitmapSamples, loadBitmapFolder } from './sketch-data';

const MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'models/doodle-cnn' },
      mode: { type: 'string', default: 'static' },
      'calibration-data': { type: 'string', default: '../shared/data/quickdraw/train' },
      'calibration-rows': { type: 'string', default: '16' },
    },
  });
  const mode = values.mode as QuantizeMode;
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}; got "${values.mode}".`);
  const modelDir = resolve(values.model);
  const source = join(modelDir, 'onnx', 'model.onnx');
  const target = join(modelDir, 'onnx', 'model_quantized.onnx');
  const bytes = new Uint8Array(await readFile(source).catch(() => {
    throw new Error(`Cannot read ${source}: train the model first (npm run train:sketch).`);
  }));

  const samples = mode === 'static' ? await calibrationSamples(modelDir, resolve(values['calibration-data']), Number(values['calibration-rows'])) : undefined;
  const calibration = samples ? { run: ortCalibration(ort, samples.map((sample) => ({ input: new ort.Tensor('float32', sample.input.data as Float32Array, sample.input.dims) }))) } : undefined;
  const { bytes: quantized, report } = await quantizeModel(bytes, {
    mode,
    perChannel: true,
    calibration,
    selfCheck: { run: ortModelRunner(ort), samples, runtime: 'onnxruntime-node' },
  });
  await writeFile(target, quantized);
  console.log(`${mode} int8: ${report.bytesBefore.toLocaleString('en')} → ${report.bytesAfter.toLocaleString('en')} bytes ` +
    `(${(report.bytesBefore / report.bytesAfter).toFixed(2)}× smaller), ${report.weights.length} weights quantized, ` +
    `${report.activations.length} activations, per-channel ${report.perChannel}`);
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const skip of report.skipped) console.log(`left in float: ${skip.name} (${skip.reason})`);
  console.log(`self-check in onnxruntime-node, ${describeSelfCheck(report.selfCheck!)}`);
  console.log(`Wrote ${target}`);
}

/** The first `rows` training drawings of each class as model inputs. */
async function calibrationSamples(modelDir: string, dataDir: string, rows: number): Promise<TensorMap[]> {
  const labels = labelsFromConfig(JSON.parse(await readFile(join(modelDir, 'config.json'), 'utf8')));
  return bitmapSamples(await loadBitmapFolder(dataDir, labels, 0, rows));
}

main().catch((error: Error) => {
  console.error(`quantize:sketch: ${error.message}`);
  process.exitCode = 1;
});
