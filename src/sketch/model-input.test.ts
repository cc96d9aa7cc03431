import { describe, expect, it } from 'vitest';
import { SKETCH_INPUT_SPEC } from './input-spec';
import { bitmapToInput, sketchInputShape, strokesToInput } from './model-input';

describe('bitmapToInput', () => {
  it('maps dataset pixels to the values training used (ink 255 → 1, background 0 → 0)', () => {
    const bitmap = new Uint8Array(784);
    bitmap[0] = 255;
    bitmap[1] = 51;
    const input = bitmapToInput(bitmap);
    expect(input[0]).toBeCloseTo(1, 6);
    expect(input[1]).toBeCloseTo(0.2, 6);
    expect(input[2]).toBe(0);
  });

  it('follows the spec for inverted polarity and mean/std normalisation', () => {
    const spec = { ...SKETCH_INPUT_SPEC, inkHigh: false, mean: 0.5, std: 0.25 };
    const input = bitmapToInput(new Uint8Array(784).fill(255), spec);
    expect(input[0]).toBeCloseTo(-2, 6);
  });

  it('fills a batch in place at an offset', () => {
    const batch = new Float32Array(2 * 784);
    bitmapToInput(new Uint8Array(784).fill(255), SKETCH_INPUT_SPEC, batch, 784);
    expect(batch[783]).toBe(0);
    expect(batch[784]).toBeCloseTo(1, 6);
  });

  it('rejects a bitmap of the wrong size with a clear message', () => {
    expect(() => bitmapToInput(new Uint8Array(100))).toThrow(/784 pixels \(28×28\); got 100/);
  });
});

describe('strokesToInput', () => {
  it('returns null for an empty drawing and a 784-value tensor otherwise', () => {
    expect(strokesToInput([])).toBeNull();
    expect(strokesToInput([[[0, 10], [0, 10]]])).toHaveLength(784);
    expect(sketchInputShape(3)).toEqual([3, 1, 28, 28]);
  });
});
