import { describe, expect, it } from 'vitest';
import { buildMlp, buildSmallCnn } from '../quantize/testing/model-builder';
import { randomGraph } from '../quantize/testing/random-graphs';
import { seededRandom } from '../util/prng';
import { bytesReader, checkOnnx } from './onnx-check';

const check = (bytes: Uint8Array) => checkOnnx(bytesReader(bytes), bytes.length);
const models = [buildSmallCnn(), buildMlp(), ...Array.from({ length: 12 }, (_, seed) => randomGraph(seed).bytes)];

describe('checkOnnx', () => {
  it('accepts every generated ONNX model', async () => {
    for (const bytes of models) expect(await check(bytes)).toBeUndefined();
  });

  it('rejects every shortened copy of a model (a copy cut off at any byte)', async () => {
    for (const bytes of models.slice(0, 4)) {
      const step = Math.max(1, Math.floor(bytes.length / 300));
      for (let end = 0; end < bytes.length; end += step) expect(await check(bytes.subarray(0, end)), `cut at ${end} of ${bytes.length}`).toBeDefined();
      expect(await check(bytes.subarray(0, bytes.length - 1))).toBeDefined();
    }
  });

  it('rejects text, JSON, random bytes and an empty file', async () => {
    const text = new TextEncoder();
    expect(await check(text.encode('this is not a model\n'))).toBe('not protobuf');
    expect(await check(text.encode('{"model_type": "bart"}'))).toBeDefined();
    expect(await check(new Uint8Array())).toBe('not protobuf');
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const bytes = Uint8Array.from({ length: 64 + Math.floor(random() * 4000) }, () => Math.floor(random() * 256));
      expect(await check(bytes), `seed ${seed}`).toBeDefined();
    }
  });

  it('reads only a few bytes per top-level field, not the graph', async () => {
    const bytes = models[0]!;
    let read = 0;
    await checkOnnx(async (start, end) => {
      read += end - start;
      return bytes.subarray(start, end);
    }, bytes.length);
    expect(read).toBeLessThan(200);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
