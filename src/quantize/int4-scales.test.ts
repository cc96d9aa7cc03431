import { describe, expect, it } from 'vitest';
import { randomFloats, seededNormal, seededRandom } from '../util/prng';
import { float16Bits, float16Value } from './float16';
import { quantizeInt4BlocksCompact } from './int4-scales';
import { quantizeInt4Blocks } from './int4-blocks';

const asFloat16 = (value: number) => float16Value(float16Bits(value));

describe('int4 block scales stored as float16 (quantizeInt4BlocksCompact)', () => {
  it('gives float16-exact scales and keeps every value within half a step (symmetric) or one step (asymmetric, zero point rounded) on generated matrices', () => {
    let float16 = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const draw = seededRandom(seed);
      // At least 72 scales, enough to pay for the Cast.
      const columns = 24 + Math.floor(draw() * 60);
      const length = 65 + Math.floor(draw() * 200);
      const spread = 10 ** (-3 + 5 * draw());
      const values = randomFloats(columns * length, seededNormal(seed), spread);
      for (const symmetric of [true, false]) {
        const { blocks, float16Scales } = quantizeInt4BlocksCompact('layer.weight', columns, length, (c, k) => values[c * length + k], 32, symmetric);
        // A partial last block of one small value can need a scale below float16's normal range: float32 then.
        const float32 = quantizeInt4Blocks(columns, length, (c, k) => values[c * length + k], 32, symmetric);
        expect(float16Scales).toBe(float32.scales.every((scale) => scale >= 2 ** -14));
        if (!float16Scales) {
          expect(blocks).toEqual(float32);
          continue;
        }
        float16++;
        blocks.scales.forEach((scale) => expect(asFloat16(scale)).toBe(scale));
        for (let c = 0; c < columns; c++) {
          for (let k = 0; k < length; k++) {
            const scale = blocks.scales[c * blocks.blocksPerColumn + Math.floor(k / 32)];
            expect(blocks.codes[c * length + k]).toBeLessThanOrEqual(15);
            expect(Math.abs(blocks.dequantized[c * length + k] - values[c * length + k])).toBeLessThanOrEqual(scale * (symmetric ? 0.5 : 1) * (1 + 1e-6));
          }
        }
      }
    }
    expect(float16).toBeGreaterThan(40);
  });

  it('keeps float32 scales when a scale would fall below float16’s normal range', () => {
    const values = randomFloats(64 * 64, seededNormal(3), 1e-6);
    const { blocks, float16Scales } = quantizeInt4BlocksCompact('tiny.weight', 64, 64, (c, k) => values[c * 64 + k], 32, true);
    expect(float16Scales).toBe(false);
    expect(blocks.scales.some((scale) => asFloat16(scale) !== scale)).toBe(true);
  });

  it('keeps float32 scales when too few to pay for the Cast that float16 needs', () => {
    const values = randomFloats(4 * 32, seededNormal(4), 0.1);
    expect(quantizeInt4BlocksCompact('small.weight', 4, 32, (c, k) => values[c * 32 + k], 32, true).float16Scales).toBe(false);
    const many = randomFloats(64 * 64, seededNormal(5), 0.1);
    expect(quantizeInt4BlocksCompact('small.weight', 64, 64, (c, k) => many[c * 64 + k], 32, true).float16Scales).toBe(true);
  });
});
