import { describe, expect, it } from 'vitest';
import { packNibbles, quantizeInt4Blocks, unpackNibbles } from './int4-blocks';
import { seededNormal } from '../util/prng';

const column = (values: number[]) => (_: number, k: number) => values[k];

describe('packNibbles', () => {
  it('puts the first of each pair in the low nibble, as ONNX INT4/UINT4 and MatMulNBits store them', () => {
    expect(Array.from(packNibbles([1, 2, 3, 4, 15]))).toEqual([0x21, 0x43, 0x0f]);
    // int4 −1 and −8 are written in two's complement: 0xF and 0x8.
    expect(Array.from(packNibbles([-1, -8]))).toEqual([0x8f]);
    expect(Array.from(unpackNibbles(Uint8Array.of(0x21, 0x43, 0x0f), 5))).toEqual([1, 2, 3, 4, 15]);
  });
});

describe('quantizeInt4Blocks', () => {
  it('symmetric: scale max|w| / 7 per block, code q + 8, the largest magnitude exact', () => {
    const values = [1.75, -0.875, 0.25, 0, 14, -7, 3.5, 1];
    const result = quantizeInt4Blocks(1, 8, column(values), 4, true);
    expect(Array.from(result.scales)).toEqual([0.25, 2]);
    expect(Array.from(result.zeroPoints)).toEqual([8, 8]);
    // 1.75/0.25 = 7, −0.875/0.25 = −3.5 → −4 (half to even), 0.25 → 1, 0 → 0; 14/2 = 7, −3.5 → −4, 1.75 → 2, 0.5 → 0 (even).
    expect(Array.from(result.codes)).toEqual([15, 4, 9, 8, 15, 4, 10, 8]);
    expect(result.dequantized[0]).toBe(1.75);
    expect(result.dequantized[4]).toBe(14);
  });

  it('asymmetric: scale (max − min) / 15 over the block widened to 0, zero point round(−min / scale)', () => {
    const result = quantizeInt4Blocks(1, 4, column([1, 2, 7.5, 1.25]), 4, false);
    // Range [0, 7.5] (0 included): scale 0.5, zero point 0; 1.25 → 2.5 → 2 (half to even).
    expect(result.scales[0]).toBe(0.5);
    expect(result.zeroPoints[0]).toBe(0);
    expect(Array.from(result.codes)).toEqual([2, 4, 15, 2]);
    const negative = quantizeInt4Blocks(1, 2, column([-3, 1.5]), 2, false);
    expect(negative.scales[0]).toBe(Math.fround(0.3));
    expect(negative.zeroPoints[0]).toBe(10);
    expect(Array.from(negative.codes)).toEqual([0, 15]);
  });

  it('orders blocks column by column, with a short last block when the length is not a multiple', () => {
    const values = [[1, 2, 3, 4, 5], [-10, 0, 0, 0, 0.5]];
    const result = quantizeInt4Blocks(2, 5, (c, k) => values[c][k], 4, true);
    expect(result.blocksPerColumn).toBe(2);
    expect(Array.from(result.scales)).toEqual([4 / 7, 5 / 7, 10 / 7, 0.5 / 7].map(Math.fround));
  });

  it('keeps every value within half a step of its block, for every block size and mode', () => {
    const normal = seededNormal(5);
    const values = Array.from({ length: 3 * 200 }, () => normal() * (normal() > 1.5 ? 10 : 1));
    for (const blockSize of [32, 64, 128]) {
      for (const symmetric of [true, false]) {
        const result = quantizeInt4Blocks(3, 200, (c, k) => values[c * 200 + k], blockSize, symmetric);
        for (let i = 0; i < values.length; i++) {
          const scale = result.scales[Math.floor(i / 200) * result.blocksPerColumn + Math.floor((i % 200) / blockSize)];
          expect(Math.abs(result.dequantized[i] - values[i])).toBeLessThanOrEqual(scale / 2 + 1e-6);
        }
      }
    }
  });

  it('stores an all-zero block exactly (scale 1)', () => {
    const result = quantizeInt4Blocks(1, 4, () => 0, 4, false);
    expect(Array.from(result.dequantized)).toEqual([0, 0, 0, 0]);
  });
});
