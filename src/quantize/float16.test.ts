import { describe, expect, it } from 'vitest';
import { float16Bits, float16Value, toFloat16, FLOAT16_MAX } from './float16';
import { seededNormal, seededRandom } from '../util/prng';

/** Exact float16 rounding by brute force: the nearest of all finite patterns, ties to the even pattern. */
const FINITE = Array.from({ length: 0x7c00 }, (_, bits) => ({ bits, value: float16Value(bits) }));
function nearestBits(value: number): number {
  const magnitude = Math.abs(Math.fround(value));
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  // Past the midpoint between 65504 and the next step (65536) IEEE rounds to Infinity.
  if (magnitude >= 65520) return sign | 0x7c00;
  let low = 0;
  let high = FINITE.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (FINITE[mid].value <= magnitude) low = mid;
    else high = mid;
  }
  const below = magnitude - FINITE[low].value;
  const above = FINITE[high].value - magnitude;
  const pick = below < above ? low : above < below ? high : low % 2 === 0 ? low : high;
  return sign | FINITE[pick].bits;
}

describe('float16Bits', () => {
  it('writes known bit patterns', () => {
    const known: [number, number][] = [
      [0, 0x0000], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800], [65504, 0x7bff], [-65504, 0xfbff],
      [2 ** -14, 0x0400], [2 ** -24, 0x0001], [2 ** -24 * 1023, 0x03ff], [1 / 3, 0x3555], [Math.PI, 0x4248],
      [Infinity, 0x7c00], [-Infinity, 0xfc00], [0.1, 0x2e66],
    ];
    for (const [value, bits] of known) expect(float16Bits(value).toString(16), String(value)).toBe(bits.toString(16));
  });

  it('rounds ties to the even pattern, in normals and subnormals', () => {
    // 1 + 2^-11 lies halfway between 1 (0x3c00, even) and 1 + 2^-10 (0x3c01): goes down; 1 + 3·2^-11 goes up to 0x3c02.
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    // Halfway between subnormals 1 and 2 (×2^-24) → 2; between 0 and 1 → 0.
    expect(float16Bits(1.5 * 2 ** -24)).toBe(0x0002);
    expect(float16Bits(0.5 * 2 ** -24)).toBe(0x0000);
    expect(float16Bits(0.5000001 * 2 ** -24)).toBe(0x0001);
    // The largest subnormal rounds up into the smallest normal.
    expect(float16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400);
  });

  it('overflows to Infinity from the midpoint past 65504, and keeps NaN', () => {
    expect(float16Bits(65519)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00);
    expect(float16Bits(-1e6)).toBe(0xfc00);
    expect(Number.isNaN(float16Value(float16Bits(NaN)))).toBe(true);
  });

  it('agrees with brute-force nearest-even rounding on every pattern, every midpoint and 200k random values', () => {
    const values: number[] = [];
    for (let bits = 0; bits < 0x7c00; bits++) {
      const value = float16Value(bits);
      values.push(value, -value);
      if (bits + 1 < 0x7c00) values.push((value + float16Value(bits + 1)) / 2);
    }
    const normal = seededNormal(3);
    const uniform = seededRandom(4);
    for (let i = 0; i < 200_000; i++) values.push(normal() * 2 ** Math.floor(uniform() * 44 - 28));
    const wrong = values.filter((value) => float16Bits(value) !== nearestBits(value));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('toFloat16', () => {
  it('clamps finite values beyond ±65504 and counts them, and reports the largest rounding error', () => {
    const result = toFloat16(Float32Array.of(1e5, -7e4, 1 + 2 ** -11 + 2 ** -20, 3));
    const view = new DataView(result.bytes.buffer);
    expect([0, 1, 2, 3].map((i) => float16Value(view.getUint16(i * 2, true)))).toEqual([FLOAT16_MAX, -FLOAT16_MAX, 1 + 2 ** -10, 3]);
    expect(result.clamped).toBe(2);
    expect(result.maxError).toBe(1e5 - FLOAT16_MAX);
  });
});
