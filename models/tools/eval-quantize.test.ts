import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runTool, type ToolResult } from './testing/run-tool';
import { uint8Npy } from '../../src/sketch/testing/npy-fixture';

const evalQuantize = (...args: string[]): Promise<ToolResult> => runTool('models/tools/eval-quantize.ts', ...args);
const WEIGHT_FORMAT_KEYS = ['fp16', 'int4-block32', 'palette-4bit'];
const INT8_KEYS = ['int8-weight-only', 'int8-dynamic', 'int8-static', 'int8-static-percentile', 'int8-static-entropy', 'int8-static-mse', 'int8-static-smoothquant', 'mixed-auto'];

/** `rows` outlines (square rings or diamond-ish rings) of growing size, as uint8 [rows, 784] with ink 255. */
function outlines(rows: number, shape: 'square' | 'circle'): Uint8Array {
  const data = new Uint8Array(rows * 784);
  for (let r = 0; r < rows; r++) {
    const radius = 6 + (r % 7);
    for (let t = 0; t < 360; t++) {
      const angle = (t * Math.PI) / 180;
      const [c, s] = [Math.cos(angle), Math.sin(angle)];
      const k = shape === 'circle' ? radius : radius / Math.max(Math.abs(c), Math.abs(s));
      const x = Math.round(14 + k * c);
      const y = Math.round(14 + k * s);
      if (x >= 0 && x < 28 && y >= 0 && y < 28) data[r * 784 + y * 28 + x] = 255;
    }
  }
  return data;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-quantize-'));
  await mkdir(join(dir, 'data'));
  await writeFile(join(dir, 'data', 'square.npy'), uint8Npy([12, 784], outlines(12, 'square')));
  await writeFile(join(dir, 'data', 'circle.npy'), uint8Npy([12, 784], outlines(12, 'circle')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run eval:quantize', () => {
  it('scores every variant on the rows from --from-row and ends with one JSON line of sane numbers', async () => {
    // 8 rows per class below --from-row cannot show 0.99 with 95% confidence: mixed-auto uses the plain rule here.
    const { code, stdout, stderr } = await evalQuantize('--data', join(dir, 'data'), '--from-row', '8', '--timing', '5', '--mixed-confidence', 'none', '--json');
    expect(stderr).not.toMatch(/eval:quantize:/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/calibration on 16 drawings \(rows < 8/);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const fp32Bytes = (await readFile(join(REPO, 'models/doodle-cnn/onnx/model.onnx'))).byteLength;
    expect(summary).toMatchObject({ model: 'doodle-cnn', n: 8, fp32: { bytes: fp32Bytes }, unavailable: {} });
    expect(summary.fp32.top1).toBeGreaterThanOrEqual(0);
    expect(summary.fp32.top1).toBeLessThanOrEqual(1);
    expect(Object.keys(summary.variants)).toEqual(expect.arrayContaining([...INT8_KEYS, ...WEIGHT_FORMAT_KEYS]));
    for (const key of [...INT8_KEYS, ...WEIGHT_FORMAT_KEYS]) {
      const variant = summary.variants[key];
      expect(Object.keys(variant).sort(), key).toEqual(['agreement', 'bytes', 'p50_ms_native', 'top1']);
      for (const share of [variant.top1, variant.agreement]) {
        expect(share, key).toBeGreaterThanOrEqual(0);
        expect(share, key).toBeLessThanOrEqual(1);
        // n = 8 drawings: every share is a whole number of eighths.
        expect(share * 8, key).toBeCloseTo(Math.round(share * 8), 6);
      }
      expect(variant.bytes, key).toBeLessThan(fp32Bytes / (key === 'fp16' ? 1.9 : 3));
      expect(variant.p50_ms_native, key).toBeGreaterThan(0);
    }
    // int8 weights barely move this CNN's logits: predictions that did not line up with the float model's would
    // agree on about 1 in 16.
    expect(summary.variants['int8-weight-only'].agreement).toBeGreaterThanOrEqual(0.75);
    expect(summary.variants.fp16.agreement).toBeGreaterThanOrEqual(0.75);
    expect(stdout).toMatch(/Per-layer sensitivity/);
  }, 240_000);

  it('takes a model folder outside models/ for --model (a QAT export) and scores that folder\'s model', async () => {
    const folder = join(dir, 'exported');
    await mkdir(join(folder, 'onnx'), { recursive: true });
    // Another model than the default doodle-cnn, so its byte count shows which model was scored.
    const source = join(REPO, 'models/doodle-vit');
    await writeFile(join(folder, 'config.json'), await readFile(join(source, 'config.json')));
    const bytes = await readFile(join(source, 'onnx/model.onnx'));
    await writeFile(join(folder, 'onnx/model.onnx'), bytes);
    const { code, stdout, stderr } = await evalQuantize('--data', join(dir, 'data'), '--from-row', '8', '--model', folder, '--variants', 'int8-weight-only', '--timing', '1', '--json');
    expect(stderr).not.toMatch(/eval:quantize:/);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ model: folder, n: 8, fp32: { bytes: bytes.byteLength } });
    expect(Object.keys(summary.variants)).toEqual(['int8-weight-only']);
  }, 120_000);

  it('explains a missing --data, an unknown model or variant and too few calibration rows', async () => {
    const missing = await evalQuantize();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Missing --data <dir>/);
    const unknown = await evalQuantize('--data', join(dir, 'data'), '--from-row', '8', '--model', 'no-such-model');
    expect(unknown.stderr).toMatch(/"no-such-model" is not a bundled model .*bundled: doodle-cnn/);
    const variant = await evalQuantize('--data', join(dir, 'data'), '--variants', 'int8-static,int9');
    expect(variant.stderr).toMatch(/Unknown variant "int9" in --variants; choose from int8-weight-only, /);
    const few = await evalQuantize('--data', join(dir, 'data'), '--from-row', '4');
    expect(few.code).toBe(1);
    expect(few.stderr).toMatch(/needs at least 16 calibration drawings; .* gave 8/);
    const confidence = await evalQuantize('--data', join(dir, 'data'), '--from-row', '8', '--mixed-confidence', '0.5');
    expect(confidence.stderr).toMatch(/--mixed-confidence must be one of 0.9, 0.95, 0.99, none, got "0.5"/);
    // 8 drawings per class: even full agreement cannot be shown at 95%, and the message says what to change.
    const tooFew = await evalQuantize('--data', join(dir, 'data'), '--from-row', '8', '--variants', 'mixed-auto', '--timing', '1', '--json');
    expect(JSON.parse(tooFew.stdout.trim().split('\n').at(-1)!).unavailable['mixed-auto']).toMatch(/with 95% confidence \(too few rows for that\? --search-rows, or --mixed-confidence none\)/);
  }, 180_000);
});
