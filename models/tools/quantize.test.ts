import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool, type ToolResult } from './testing/run-tool';
import { OnnxModelBuilder } from '../../src/quantize/testing/model-builder';
import { outlierModel, outlierSamples } from '../../src/quantize/testing/outlier-model';
import { typedNpy, uint8Npy } from '../../src/sketch/testing/npy-fixture';
import { seededNormal, randomFloats } from '../../src/util/prng';


const quantize = (...args: string[]): Promise<ToolResult> => runTool('models/tools/quantize.ts', ...args);

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('npm run quantize', () => {
  let dir: string;
  const twoInputs = new OnnxModelBuilder(13, 3)
    .input('a', ['batch', 4])
    .input('b', ['batch', 4])
    .output('y', ['batch', 3])
    .randomWeight('wa', [4, 3], 4)
    .randomWeight('wb', [4, 3], 4)
    .node('MatMul', ['a', 'wa'], ['ya'])
    .node('MatMul', ['b', 'wb'], ['yb'])
    .node('Add', ['ya', 'yb'], ['y'])
    .build();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quantize-cli-'));
    await writeFile(join(dir, 'two-inputs.onnx'), twoInputs);
    await writeFile(join(dir, 'no-weights.onnx'), new OnnxModelBuilder(13).input('x', [1, 4]).output('y', [1, 4]).node('Relu', ['x'], ['y']).build());
    await writeFile(join(dir, 'one-input.onnx'), new OnnxModelBuilder(13, 4).input('x', ['batch', 4]).output('y', ['batch', 2]).randomWeight('w', [4, 2], 4).node('MatMul', ['x', 'w'], ['y']).build());
    const normal = seededNormal(9);
    await mkdir(join(dir, 'float'));
    await writeFile(join(dir, 'float', 'a.npy'), typedNpy('<f4', [20, 4], randomFloats(80, normal)));
    await writeFile(join(dir, 'float', 'b.npy'), typedNpy('<f4', [20, 4], randomFloats(80, normal)));
    await mkdir(join(dir, 'only-a'));
    await writeFile(join(dir, 'only-a', 'a.npy'), typedNpy('<f4', [20, 4], randomFloats(80, normal)));
    await mkdir(join(dir, 'pixels'));
    await writeFile(join(dir, 'pixels', 'cat.npy'), uint8Npy([10, 4], Array.from({ length: 40 }, (_, i) => (i * 37) % 256)));
    await writeFile(join(dir, 'pixels', 'dog.npy'), uint8Npy([10, 4], Array.from({ length: 40 }, (_, i) => (i * 91) % 256)));
    await writeFile(join(dir, 'outliers.onnx'), outlierModel('layernorm'));
    await mkdir(join(dir, 'outlier-rows'));
    const rows = outlierSamples(8, 5).flatMap((sample) => Array.from(sample.x!.data as Float32Array));
    await writeFile(join(dir, 'outlier-rows', 'x.npy'), typedNpy('<f4', [rows.length / 16, 16], Float32Array.from(rows)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('calibrates a two-input model from one float32 .npy per input, self-checks it and writes it', async () => {
    const out = join(dir, 'two-inputs.int8.onnx');
    const result = await quantize('--in', join(dir, 'two-inputs.onnx'), '--out', out, '--mode', 'static', '--calibration', join(dir, 'float'), '--calibration-rows', '20');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/20 calibration samples/);
    expect(result.stdout).toMatch(/self-check in onnxruntime-node, 8 inputs: largest error [\d.e-]+ on "y" \(int8 bound [\d.e+-]+ (layer by layer|end to end)\)/);
    expect(await exists(out)).toBe(true);
  });

  it('keeps a directory of uint8 files working for a single-input model, and warns they give non-negative values only', async () => {
    const out = join(dir, 'one-input.int8.onnx');
    const result = await quantize('--in', join(dir, 'one-input.onnx'), '--out', out, '--mode', 'static', '--calibration', join(dir, 'pixels'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/20 calibration samples/);
    expect(result.stderr).toMatch(/warning: "x" calibrated from uint8 data: values in \[0, 1\] only/);
  });

  it('says how many rows --calibration-rows left out, and how to use them all', async () => {
    const out = join(dir, 'two-inputs.capped.onnx');
    const result = await quantize('--in', join(dir, 'two-inputs.onnx'), '--out', out, '--mode', 'static', '--calibration', join(dir, 'float'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/16 calibration samples/);
    expect(result.stdout).toMatch(/note: used 16 of 20 rows in a\.npy, 16 of 20 rows in b\.npy \(--calibration-rows 16\); give --calibration-rows 20 to use them all/);
  });

  it('says --calibration serves only the self-check outside static mode', async () => {
    const out = join(dir, 'two-inputs.dynamic.onnx');
    const result = await quantize('--in', join(dir, 'two-inputs.onnx'), '--out', out, '--mode', 'dynamic', '--calibration', join(dir, 'float'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/note: --mode dynamic .*--calibration serves only the self-check; use --mode static/);
  });

  it('says "larger" when the quantized model outgrows the float one', async () => {
    const out = join(dir, 'one-input.dynamic.onnx');
    const result = await quantize('--in', join(dir, 'one-input.onnx'), '--out', out);
    expect(result.code).toBe(0);
    const [, before, after, factor, direction] = /([\d,]+) → ([\d,]+) bytes \(([\d.]+)× (smaller|larger)\)/.exec(result.stdout)!;
    const [b, a] = [before, after].map((text) => Number(text!.replaceAll(',', '')));
    expect(a).toBeGreaterThan(b!);
    expect(direction).toBe('larger');
    expect(Number(factor)).toBeCloseTo(a! / b!, 2);
  });

  it('prints its usage for --help and exits 0', async () => {
    const result = await quantize('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run quantize -- --in .* --out /);
    expect(result.stdout).toMatch(/--calibration-rows N/);
    expect(result.stdout).toMatch(/--block-size 32\|64\|128 .*\n.*--asymmetric .*\n.*--bits 4\|6 .*\n.*--palette-group-size N /);
  });

  it('refuses an --out in a missing folder before quantizing, and writes nothing', async () => {
    const out = join(dir, 'no-such-folder', 'm.onnx');
    const result = await quantize('--in', join(dir, 'one-input.onnx'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot write --out .*m\.onnx: the folder .*no-such-folder does not exist; create it first/);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['a missing input file', ['two-inputs.onnx', 'only-a'], /Missing calibration data for input "b": give b\.npy/],
    ['a model with nothing to quantize', ['no-weights.onnx', 'float'], /no Conv, Gemm or MatMul operators/],
  ])('exits non-zero and writes nothing for %s', async (_, [model, data], message) => {
    const out = join(dir, `${model}.refused.onnx`);
    const result = await quantize('--in', join(dir, model), '--out', out, '--mode', 'static', '--calibration', join(dir, data));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await exists(out)).toBe(false);
  });
  it.each([
    ['fp16', [], /fp16: [\d,]+ → [\d,]+ bytes .*float16: max error/],
    ['int4', ['--block-size', '64', '--asymmetric'], /int4 block 64 asymmetric: .*int4 MatMulNBits \(block 64, asymmetric\): max error [\d.e-]+, SQNR [\d.]+ dB/],
    ['palette', ['--bits', '6', '--palette-group-size', '2'], /palette 6-bit, 2 output channels per table: .*palette 6-bit \(1 table of 64\)/],
  ])('--mode %s with its options writes a self-checked model and lists each weight with its error', async (mode, extra, line) => {
    const out = join(dir, `one-input.${mode}.onnx`);
    const result = await quantize('--in', join(dir, 'one-input.onnx'), '--out', out, '--mode', mode, ...extra);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\n/g, ' ')).toMatch(line);
    expect(result.stdout).toMatch(new RegExp(`self-check in onnxruntime-node, 8 inputs: largest error [\\d.e-]+ on "y" \\(${mode} bound`));
    expect(await exists(out)).toBe(true);
  });

  it.each([
    [['--mode', 'dynamic', '--block-size', '32'], '--block-size applies to --mode int4 only; got --mode dynamic.'],
    [['--mode', 'int4', '--block-size', '48'], '--block-size must be 32, 64 or 128; got "48".'],
    [['--mode', 'palette', '--bits', '8'], '--bits must be 4 or 6; got "8".'],
    [['--mode', 'int4', '--palette-group-size', '4'], '--palette-group-size applies to --mode palette only; got --mode int4.'],
  ])('refuses %j with a message and writes nothing', async (args, message) => {
    const out = join(dir, 'refused.onnx');
    const result = await quantize('--in', join(dir, 'one-input.onnx'), '--out', out, ...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(await exists(out)).toBe(false);
  });

  it('calibrates by percentile, smooths with SmoothQuant and keeps excluded nodes in float when asked', async () => {
    const out = join(dir, 'outliers.int8.onnx');
    const result = await quantize(
      '--in', join(dir, 'outliers.onnx'), '--out', out, '--mode', 'static', '--calibration', join(dir, 'outlier-rows'), '--calibration-rows', '32',
      '--calibration-method', 'percentile', '--percentile', '99.9', '--smoothquant-alpha', '0.5',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/32 calibration samples \(percentile 99\.9\)/);
    expect(result.stdout).toMatch(/SmoothQuant α 0\.5: 1 input\(s\) smoothed/);
    expect(result.stdout).toMatch(/factors folded into LayerNormalization/);
    expect(await exists(out)).toBe(true);

    const kept = await quantize('--in', join(dir, 'two-inputs.onnx'), '--out', join(dir, 'two-inputs.kept.onnx'), '--mode', 'dynamic', '--exclude', 'MatMul_0');
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/left in float: MatMul_0 \(kept in float \(excluded\)\)/);
  });

  it.each([
    [['--mode', 'dynamic', '--calibration-method', 'mse'], '--calibration-method applies to --mode static only; got --mode dynamic.'],
    [['--mode', 'static', '--calibration-method', 'kl'], '--calibration-method must be one of minmax, percentile, entropy, mse; got "kl".'],
    [['--mode', 'static', '--percentile', '99'], '--percentile needs --calibration-method percentile.'],
    [['--mode', 'static', '--smoothquant-alpha', '2'], '--smoothquant-alpha must be in [0, 1], e.g. 0.5; got "2".'],
    [['--mode', 'dynamic', '--exclude', 'no-such-node'], 'no-such-node'],
  ])('refuses the calibration options %j with a message and writes nothing', async (args, message) => {
    const out = join(dir, 'refused-static.onnx');
    const result = await quantize('--in', join(dir, 'outliers.onnx'), '--out', out, '--calibration', join(dir, 'outlier-rows'), ...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(await exists(out)).toBe(false);
  });
});
