import { describe, expect, it } from 'vitest';
import { renderSketchImage } from './sketch-image';

function inkBox(image: { data: Uint8ClampedArray; width: number }) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  image.data.forEach((v, i) => {
    if (v > 128) return;
    const x = i % image.width;
    const y = Math.floor(i / image.width);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  });
  return { minX, minY, maxX, maxY };
}

describe('renderSketchImage', () => {
  it('gives nothing for an empty drawing', () => {
    expect(renderSketchImage([])).toBeNull();
    expect(renderSketchImage([[[], []]])).toBeNull();
  });

  it('draws black ink on white paper, square, in one grey channel', () => {
    const image = renderSketchImage([[[0, 100], [0, 100]]])!;
    expect(image).toMatchObject({ width: 256, height: 256, channels: 1 });
    expect(image.data).toHaveLength(256 * 256);
    expect(image.data[0]).toBe(255);
    expect(Math.min(...image.data)).toBe(0);
  });

  it('crops to the drawing with a margin, wherever and however large it was drawn', () => {
    const small = inkBox(renderSketchImage([[[500, 520], [900, 920]]], 128)!);
    const large = inkBox(renderSketchImage([[[0, 2000], [0, 2000]]], 128)!);
    expect(small).toEqual(large);
    expect(small.minX).toBeGreaterThan(4);
    expect(small.maxX).toBeLessThan(123);
  });
});
