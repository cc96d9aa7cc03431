/**
 * Quantizes any float ONNX model with the project's quantizer (src/quantize): int8, fp16, int4 blocks or palettes.
 *
 *   npm run quantize -- --in model.onnx --out model_quantized.onnx
 *                       --mode dynamic|weight-only|static|fp16|int4|palette
 *                       [--per-tensor] [--calibration <dir of .npy>] [--calibration-rows N] [--input-scale S]
 *                       [--block-size 32|64|128] [--asymmetric] [--bits 4|6] [--palette-group-size N]
 *                       [--calibration-method minmax|percentile|entropy|mse] [--percentile P] [--smoothquant-alpha A]
 *                       [--exclude node,node…]
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
  CALIBRATION_METHODS,
  calibrationSamplesFromNpy,
  describeSelfCheck,
  modelInputs,
  ortCalibration,
  ortModelRunner,
  quantizeModel,
  type CalibrationMethod,
  type QuantizeMode,
  type QuantizeOptions,
} from '../../src/quantize';
import type { TensorMap } from '../../src/runtime/protocol';
import { parseNpy } from '../../src/sketch/npy';
import { describeSizeChange } from '../../src/util/size-change';

const MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static', 'fp16', 'int4', 'palette'];
const INT8_MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static'];

const USAGE = `usage: npm run quantize -- --in model.onnx --out model_quantized.onnx [options]
  --mode M                            dynamic, weight-only or static (int8); fp16 (float16 weights and compute);
                                      int4 (weight-only 4-bit blocks); palette (k-means lookup tables) (default dynamic)
  --per-tensor                        int8: one scale per weight tensor instead of per output channel
  --block-size 32|64|128              int4: weights per block along the reduction axis (default 32)
  --asymmetric                        int4: a 4-bit zero point per block too (default symmetric)
  --bits 4|6                          palette: 16- or 64-entry lookup tables (default 4)
  --palette-group-size N              palette: one table per N output channels (default one per weight)
  --calibration-method M              static: how each activation range is chosen: minmax (default), percentile,
                                      entropy (TensorRT's KL search) or mse
  --percentile P                      static, --calibration-method percentile: tail percentile kept (default 99.99)
  --smoothquant-alpha A               static: SmoothQuant (Xiao et al. 2022) with migration strength A in [0, 1]
                                      (0.5 is the paper's default) before quantizing MatMul/Gemm inputs
  --exclude node,node…                nodes (by name) kept in float in any mode
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

type FormatOptions = Pick<QuantizeOptions, 'blockSize' | 'symmetric' | 'bits' | 'paletteGroupSize'>;

/** --block-size/--asymmetric (int4) and --bits/--palette-group-size (palette), refused with any other mode. */
function weightFormatOptions(mode: QuantizeMode, values: { 'block-size'?: string; asymmetric?: boolean; bits?: string; 'palette-group-size'?: string }): FormatOptions {
  const only = (flag: string, wanted: QuantizeMode) => {
    if (mode !== wanted) throw new Error(`${flag} applies to --mode ${wanted} only; got --mode ${mode}.`);
  };
  const options: FormatOptions = {};
  if (values['block-size'] !== undefined) {
    only('--block-size', 'int4');
    const size = Number(values['block-size']);
    if (size !== 32 && size !== 64 && size !== 128) throw new Error(`--block-size must be 32, 64 or 128; got "${values['block-size']}".`);
    options.blockSize = size;
  }
  if (values.asymmetric) {
    only('--asymmetric', 'int4');
    options.symmetric = false;
  }
  if (values.bits !== undefined) {
    only('--bits', 'palette');
    const bits = Number(values.bits);
    if (bits !== 4 && bits !== 6) throw new Error(`--bits must be 4 or 6; got "${values.bits}".`);
    options.bits = bits;
  }
  if (values['palette-group-size'] !== undefined) {
    only('--palette-group-size', 'palette');
    const group = Number(values['palette-group-size']);
    if (!Number.isInteger(group) || group < 1) throw new Error(`--palette-group-size must be a whole number ≥ 1; got "${values['palette-group-size']}".`);
    options.paletteGroupSize = group;
  }
  return options;
}

type StaticOptions = { method?: CalibrationMethod; percentile?: number; smoothQuant?: QuantizeOptions['smoothQuant'] };

/** --calibration-method/--percentile/--smoothquant-alpha, refused outside --mode static (values checked here). */
function staticOptions(mode: QuantizeMode, values: { 'calibration-method'?: string; percentile?: string; 'smoothquant-alpha'?: string }): StaticOptions {
  const given = (['calibration-method', 'percentile', 'smoothquant-alpha'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length > 0 && mode !== 'static') throw new Error(`--${given[0]} applies to --mode static only; got --mode ${mode}.`);
  const options: StaticOptions = {};
  if (values['calibration-method'] !== undefined) {
    const method = values['calibration-method'] as CalibrationMethod;
    if (!CALIBRATION_METHODS.includes(method)) throw new Error(`--calibration-method must be one of ${CALIBRATION_METHODS.join(', ')}; got "${method}".`);
    options.method = method;
  }
  if (values.percentile !== undefined) {
    if (options.method !== 'percentile') throw new Error('--percentile needs --calibration-method percentile.');
    const percentile = Number(values.percentile);
    if (!(percentile > 0 && percentile <= 100)) throw new Error(`--percentile must be in (0, 100], e.g. 99.99; got "${values.percentile}".`);
    options.percentile = percentile;
  }
  if (values['smoothquant-alpha'] !== undefined) {
    const alpha = Number(values['smoothquant-alpha']);
    if (!(alpha >= 0 && alpha <= 1)) throw new Error(`--smoothquant-alpha must be in [0, 1], e.g. 0.5; got "${values['smoothquant-alpha']}".`);
    options.smoothQuant = { alpha };
  }
  return options;
}

/** "dynamic int8", "fp16", "int4 block 32 symmetric", "palette 4-bit". */
function modeLabel(mode: QuantizeMode, options: FormatOptions): string {
  if (mode === 'int4') return `int4 block ${options.blockSize ?? 32} ${options.symmetric === false ? 'asymmetric' : 'symmetric'}`;
  if (mode === 'palette') return `palette ${options.bits ?? 4}-bit${options.paletteGroupSize ? `, ${options.paletteGroupSize} output channels per table` : ''}`;
  return mode === 'fp16' ? 'fp16' : `${mode} int8`;
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
      'block-size': { type: 'string' },
      asymmetric: { type: 'boolean', default: false },
      bits: { type: 'string' },
      'palette-group-size': { type: 'string' },
      'calibration-method': { type: 'string' },
      percentile: { type: 'string' },
      'smoothquant-alpha': { type: 'string' },
      exclude: { type: 'string' },
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
  const formatOptions = weightFormatOptions(mode, values);
  const { method, percentile, smoothQuant } = staticOptions(mode, values);
  const exclude = values.exclude?.split(',').map((name) => name.trim()).filter(Boolean);
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
      ...formatOptions,
      calibration: mode === 'static' && samples ? { run: ortCalibration(ort, samples.map(toFeeds)), method, percentile } : undefined,
      smoothQuant,
      nodes: exclude ? { exclude } : undefined,
      // Check on the calibration rows when there are some (inside the calibrated ranges), else on generated inputs.
      selfCheck: { run: ortModelRunner(ort), samples, runtime: 'onnxruntime-node' },
    },
    (progress) => {
      if (progress.stage === 'calibrating' && progress.done % 50 === 0) console.log(`calibrated on ${progress.done} samples…`);
    },
  );
  await writeFile(values.out, bytes);
  console.log(
    `${modeLabel(mode, formatOptions)}: ${report.bytesBefore.toLocaleString('en')} → ${report.bytesAfter.toLocaleString('en')} bytes ` +
      `(${describeSizeChange(report.bytesBefore, report.bytesAfter)}); ${report.weights.length} weights, ` +
      (INT8_MODES.includes(mode) ? `${report.activations.length} activations; per-channel: ${report.perChannel}; ` : '') +
      `opset ${report.opsetAfter}` +
      (report.calibrationSamples ? `; ${report.calibrationSamples} calibration samples` : '') +
      (report.calibrationMethod ? ` (${report.calibrationMethod}${percentile !== undefined ? ` ${percentile}` : ''})` : ''),
  );
  if (report.smoothQuant) {
    const { alpha, smoothed, skipped } = report.smoothQuant;
    console.log(`SmoothQuant α ${alpha}: ${smoothed.length} input(s) smoothed, ${skipped.length} left as they were`);
    for (const a of smoothed) console.log(`  ${a.tensor} → ${a.consumers.join(', ')}: factors folded into ${a.foldedInto}`);
    for (const a of skipped) console.log(`  not smoothed: ${a.tensor} (${a.reason})`);
  }
  if (!INT8_MODES.includes(mode)) {
    for (const w of report.weights) {
      console.log(`  ${w.name} [${w.dims.join('×')}] ${w.format}: max error ${w.maxError.toPrecision(3)}, SQNR ${w.sqnrDb === Infinity ? 'exact' : `${w.sqnrDb!.toFixed(1)} dB`}`);
    }
  }
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const skipped of report.skipped) console.log(`left in float: ${skipped.name} (${skipped.reason})`);
  console.log(`self-check in onnxruntime-node, ${describeSelfCheck(report.selfCheck!)}`);
  console.log(`wrote ${values.out}`);
}

main().catch((error: Error) => {
  console.error(`quantize: ${error.message}`);
  process.exitCode = 1;
});
