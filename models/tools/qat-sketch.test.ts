import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasTorch, PYTHON, TOOLS } from './testing/python-torch';
import { asymmetricUint8Params, quantizeSymmetricPerChannel } from '../../src/quantize/math';
import { quantizeInt4Blocks } from '../../src/quantize/int4-blocks';
import { columnLayout } from '../../src/quantize/blocked-layout';
import { seededRandom } from '../../src/util/prng';

const torchFound = hasTorch();
if (!torchFound) console.warn('Skipping the QAT fake-quantization check: /usr/bin/python3 with torch and numpy not found.');

interface Weight {
  dims: number[];
  values: Float32Array;
}

/**
 * Conv and Linear weights: reduction lengths below, at and past a block of 32 (1, 32, 40, 70), an all-zero output
 * channel, and values on rounding ties (k + 0.5 steps), where half-to-even and half-away-from-zero differ.
 */
function generatedWeights(seed: number): Weight[] {
  const random = seededRandom(seed);
  const shapes = [[8, 1, 3, 3], [6, 32, 3, 3], [5, 40, 1, 1], [4, 70], [3, 64]];
  const weights = shapes.map((dims) => {
    const values = Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => (random() - 0.5) * 2 * 10 ** (random() * 2 - 1));
    return { dims, values };
  });
  // Channel 0 of the [4, 70] weight all zero; channel 1 with max |w| 7 and 127 (unit int4 / int8 steps) and ties.
  const linear = weights[3].values;
  linear.fill(0, 0, 70);
  linear.set([127, 7, 2.5, -3.5, 0.5, -1.5, 126.5, -6.5], 70);
  linear.set([7, 2.5, -3.5, 0.5, -1.5, -6.5], 70 + 32);
  return weights;
}

/** What qat_sketch.py's int8_weight and int4_weight give for `weights`, and uint8_params for `ranges`. */
function simulated(weights: Weight[], ranges: [number, number][]): { int8: number[][]; int4: number[][]; params: [number, number][] } {
  const script = [
    'import json, sys, torch',
    `sys.path.insert(0, ${JSON.stringify(TOOLS)})`,
    'import qat_sketch as q',
    'data = json.load(sys.stdin)',
    'ws = [torch.tensor(w["values"], dtype=torch.float32).reshape(w["dims"]) for w in data["weights"]]',
    'print(json.dumps({"int8": [q.int8_weight(w).flatten().tolist() for w in ws], "int4": [q.int4_weight(w).flatten().tolist() for w in ws],',
    '                  "params": [list(q.uint8_params(lo, hi)) for lo, hi in data["ranges"]]}))',
  ].join('\n');
  const input = JSON.stringify({ weights: weights.map((w) => ({ dims: w.dims, values: Array.from(w.values) })), ranges });
  return JSON.parse(execFileSync(PYTHON, ['-c', script], { input, encoding: 'utf8' }));
}

describe.skipIf(!torchFound)('QAT fake quantization rounds exactly as the quantizer (needs python3-torch)', () => {
  it('gives the int8, int4 and activation values src/quantize stores (generated weights and ranges, 3 seeds)', () => {
    // One Python run for every case: importing torch takes most of the time.
    const weights = [1, 2, 3].flatMap(generatedWeights);
    const random = seededRandom(100);
    const ranges: [number, number][] = [[0, 1], [-9.5, 10.75], [0.25, 3], [-4, -0.5], [2, 2], [0, 0]];
    for (let i = 0; i < 60; i++) ranges.push([Math.fround(-random() * 20), Math.fround(random() * 20)]);
    const fromPython = simulated(weights, ranges);
    weights.forEach(({ dims, values }, w) => {
      const int8 = quantizeSymmetricPerChannel(values, dims, 0);
      const inner = values.length / dims[0];
      const expected8 = Array.from(int8.values, (q, i) => Math.fround(q * int8.scales[Math.floor(i / inner)]));
      expect(fromPython.int8[w], `int8 [${dims}]`).toEqual(expected8);
      // int4: blocks of 32 along axis 1 (input features / channels), one run per output channel and kernel position.
      const layout = columnLayout(dims, 1);
      const blocks = quantizeInt4Blocks(layout.columns, layout.length, (c, k) => values[layout.index(c, k)], 32, true);
      const expected4 = new Array<number>(values.length);
      for (let c = 0; c < layout.columns; c++) for (let k = 0; k < layout.length; k++) expected4[layout.index(c, k)] = blocks.dequantized[c * layout.length + k];
      expect(fromPython.int4[w], `int4 [${dims}]`).toEqual(expected4);
    });
    fromPython.params.forEach(([scale, zeroPoint], i) => {
      expect({ scale, zeroPoint }, `range ${ranges[i]}`).toEqual(asymmetricUint8Params(...ranges[i]));
    });
  }, 180_000); // importing torch alone took 30–50 s on the loaded 2-core machine
});
