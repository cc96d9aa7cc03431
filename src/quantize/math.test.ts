import { describe, expect, it } from 'vitest';
import {
  asymmetricUint8Params,
  dequantize,
  quantizeSymmetricInt8,
  quantizeSymmetricPerChannel,
  quantizeUint8,
  roundHalfToEven,
  symmetricInt8Scale,
} from './math';
import { seededRandom } from '../util/prng';

describe('roundHalfToEven', () => {
  it('rounds ties to the even neighbour, like ONNX QuantizeLinear', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5].map(roundHalfToEven)).toEqual([0, 2, 2, 4, 0, -2, -2]);
  });

  it('rounds non-ties to the nearest integer', () => {
    expect([2.4, 2.6, -2.4, -2.6, 7].map(roundHalfToEven)).toEqual([2, 3, -2, -3, 7]);
  });
});

describe('symmetric int8', () => {
  it('uses scale = max|w| / 127 and zero point 0', () => {
    const { values, scales } = quantizeSymmetricPerChannel(Float32Array.of(-2.54, 1, 0.5), [3], null);
    expect(scales[0]).toBeCloseTo(2.54 / 127, 7);
    expect(Array.from(values)).toEqual([-127, 50, 25]);
  });

  it('clamps to [-127, 127] for values beyond the scale range', () => {
    const scale = symmetricInt8Scale(1);
    expect(quantizeSymmetricInt8(5, scale)).toBe(127);
    expect(quantizeSymmetricInt8(-5, scale)).toBe(-127);
  });

  it('gives an all-zero channel scale 1 instead of dividing by zero', () => {
    const { values, scales } = quantizeSymmetricPerChannel(new Float32Array(4), [2, 2], 0);
    expect(Array.from(scales)).toEqual([1, 1]);
    expect(Array.from(values)).toEqual([0, 0, 0, 0]);
  });

  it('computes one scale per row for axis 0 and per column for axis 1', () => {
    // [[1, -4], [0.5, 2]]
    const data = Float32Array.of(1, -4, 0.5, 2);
    const rows = quantizeSymmetricPerChannel(data, [2, 2], 0);
    expect(Array.from(rows.scales)).toEqual([Math.fround(4 / 127), Math.fround(2 / 127)]);
    const columns = quantizeSymmetricPerChannel(data, [2, 2], 1);
    expect(Array.from(columns.scales)).toEqual([Math.fround(1 / 127), Math.fround(4 / 127)]);
    expect(Array.from(columns.values)).toEqual([127, -127, 64, 64]);
  });

  it('groups a conv kernel [out, in, kh, kw] by output channel', () => {
    const data = new Float32Array(2 * 2 * 2 * 2);
    data.fill(0.1, 0, 8);
    data[3] = -0.8; // output channel 0
    data.fill(0.3, 8, 16); // output channel 1
    const { scales, values } = quantizeSymmetricPerChannel(data, [2, 2, 2, 2], 0);
    expect(Array.from(scales)).toEqual([Math.fround(0.8 / 127), Math.fround(0.3 / 127)]);
    expect(values[3]).toBe(-127);
    expect(Array.from(values.slice(8))).toEqual(new Array(8).fill(127));
  });

  it('restores every value within half a scale step', () => {
    const random = seededRandom(3);
    const dims = [16, 32];
    const data = Float32Array.from({ length: 16 * 32 }, () => (random() - 0.5) * 6);
    const { values, scales } = quantizeSymmetricPerChannel(data, dims, 0);
    for (let i = 0; i < data.length; i++) {
      const scale = scales[Math.floor(i / 32)];
      const restored = dequantize(values[i], { scale, zeroPoint: 0 });
      expect(Math.abs(restored - data[i])).toBeLessThanOrEqual(scale / 2 + 1e-7);
    }
  });
});

describe('asymmetric uint8 for activations', () => {
  it('maps [min, max] onto 0..255 with a zero point that makes 0 exact', () => {
    const params = asymmetricUint8Params(-1, 3);
    expect(params.scale).toBe(Math.fround(4 / 255));
    expect(params.zeroPoint).toBe(64); // round(63.75)
    expect(dequantize(quantizeUint8(0, params), params)).toBe(0);
    expect(quantizeUint8(-1, params)).toBe(0);
    expect(quantizeUint8(3, params)).toBe(255);
  });

  it('widens a range that excludes 0 so that it includes it', () => {
    expect(asymmetricUint8Params(2, 5.1)).toEqual({ scale: Math.fround(5.1 / 255), zeroPoint: 0 });
    expect(asymmetricUint8Params(-5.1, -2)).toEqual({ scale: Math.fround(5.1 / 255), zeroPoint: 255 });
  });

  it('clamps values outside the calibrated range', () => {
    const params = asymmetricUint8Params(0, 1);
    expect(quantizeUint8(7, params)).toBe(255);
    expect(quantizeUint8(-7, params)).toBe(0);
  });

  it('keeps a constant-zero tensor exact', () => {
    expect(asymmetricUint8Params(0, 0)).toEqual({ scale: 1, zeroPoint: 0 });
  });

  it('restores values inside the range within half a scale step', () => {
    const random = seededRandom(9);
    const params = asymmetricUint8Params(-0.7, 2.3);
    for (let i = 0; i < 1000; i++) {
      const value = -0.7 + random() * 3;
      expect(Math.abs(dequantize(quantizeUint8(value, params), params) - value)).toBeLessThanOrEqual(params.scale / 2 + 1e-7);
    }
  });
});
