import { describe, expect, it } from 'vitest';
import { rasteriseStrokes, type Stroke } from './rasterise';

const SIZE = 28;

/** Rows and columns that hold any ink. */
function inkBox(bitmap: Uint8Array) {
  let top = SIZE, bottom = -1, left = SIZE, right = -1;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (bitmap[y * SIZE + x] > 0) {
        top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x);
      }
    }
  }
  return { top, bottom, left, right, width: right - left + 1, height: bottom - top + 1 };
}

describe('rasteriseStrokes', () => {
  it('draws a horizontal line as a band across the middle of the bitmap', () => {
    const bitmap = rasteriseStrokes([[[10, 400], [50, 50]]])!;
    const box = inkBox(bitmap);
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeLessThanOrEqual(3);
    expect((box.top + box.bottom) / 2).toBeCloseTo(13.5, 0);
    expect((box.left + box.right) / 2).toBeCloseTo(13.5, 0);
    expect(bitmap[13 * SIZE + 14] + bitmap[14 * SIZE + 14]).toBeGreaterThan(255);
  });

  it('keeps the aspect ratio of the drawing', () => {
    const rectangle: Stroke = [[0, 200, 200, 0, 0], [0, 0, 100, 100, 0]];
    const box = inkBox(rasteriseStrokes([rectangle])!);
    expect(box.width / box.height).toBeGreaterThan(1.6);
    expect(box.width / box.height).toBeLessThan(2.2);
  });

  it('gives the same bitmap whatever the coordinate space (canvas pixels, dataset units)', () => {
    const triangle: Stroke = [[0, 100, 50, 0], [100, 100, 0, 100]];
    const onCanvas: Stroke = [triangle[0].map((x) => 3 * x + 40), triangle[1].map((y) => 3 * y + 17)];
    expect(rasteriseStrokes([onCanvas])).toEqual(rasteriseStrokes([triangle]));
  });

  it('returns null when nothing is drawn', () => {
    expect(rasteriseStrokes([])).toBeNull();
    expect(rasteriseStrokes([[[], []]])).toBeNull();
    expect(rasteriseStrokes([[[Number.NaN], [3]]])).toBeNull();
  });

  it('draws a single tap as a dot in the centre', () => {
    const box = inkBox(rasteriseStrokes([[[120], [80]]])!);
    expect(box.width).toBeLessThanOrEqual(3);
    expect((box.left + box.right) / 2).toBeCloseTo(13.5, 0);
  });

  it('uses the dataset polarity: ink high on a zero background', () => {
    const bitmap = rasteriseStrokes([[[0, 100], [0, 100]]])!;
    expect(bitmap[0]).toBe(0);
    expect(Math.max(...bitmap)).toBe(255);
  });
});
