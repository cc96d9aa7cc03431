import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runTool, type ToolResult } from './testing/run-tool';
import { uint8Npy } from '../../src/sketch/testing/npy-fixture';

const MODEL_DIR = join(REPO, 'models/doodle-cnn');

const evalSketch = (...args: string[]): Promise<ToolResult> => runTool('models/tools/eval-sketch.ts', ...args);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-sketch-'));
  await mkdir(join(dir, 'data'));
  const ring = new Uint8Array(3 * 784);
  for (let r = 0; r < 3; r++) for (let x = 6; x < 22; x++) ring[r * 784 + 6 * 28 + x] = ring[r * 784 + 21 * 28 + x] = ring[r * 784 + x * 28 + 6] = ring[r * 784 + x * 28 + 21] = 255;
  await writeFile(join(dir, 'data', 'square.npy'), uint8Npy([3, 784], ring));
  await writeFile(join(dir, 'data', 'zebra.npy'), uint8Npy([1, 784], new Uint8Array(784)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run eval:sketch', () => {
  it('scores the classes the model knows, skips the rest and ends with one JSON line', async () => {
    const { code, stdout } = await evalSketch('--data', join(dir, 'data'), '--json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Skipped \(unknown to the model\): zebra/);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ n: 3, classes: 1 });
    expect(summary.fp32.bytes).toBeGreaterThan(summary.int8.bytes * 3.5);
    expect(summary.agreement).toBeGreaterThanOrEqual(0);
  });

  it('explains a missing --data and only rows past --from-row', async () => {
    const missing = await evalSketch();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Missing --data <dir>/);
    const late = await evalSketch('--data', join(dir, 'data'), '--from-row', '3');
    expect(late.stderr).toMatch(/No drawings at rows ≥ 3/);
  });

  it('names a model file that does not parse', async () => {
    const broken = join(dir, 'broken-model');
    await mkdir(join(broken, 'onnx'), { recursive: true });
    await copyFile(join(MODEL_DIR, 'config.json'), join(broken, 'config.json'));
    await writeFile(join(broken, 'onnx', 'model.onnx'), 'this is not a protobuf');
    const { code, stderr } = await evalSketch('--data', join(dir, 'data'), '--model', broken);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken-model\/onnx\/model\.onnx is not a usable ONNX sketch model/);
  });
});
