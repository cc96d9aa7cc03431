import { describe, expect, it } from 'vitest';
import { Sketchpad } from '../sketch/sketchpad';
import { SyntheticPen, fullPenDrawing, type PenOptions } from './synthetic-pen';

const options: PenOptions = { pointsPerSecond: 1000, pointsPerStroke: 10, strokesPerDrawing: 2, size: 100 };

describe('SyntheticPen', () => {
  it('adds the points due by the clock, one stroke after another', () => {
    const pad = new Sketchpad();
    const pen = new SyntheticPen(pad, 0, options);
    expect(pen.advance(0)).toBe(false);
    expect(pen.advance(15)).toBe(true);
    expect(pad.strokes.map((s) => s.length)).toEqual([10, 5]);
    expect(pen.advance(15.5)).toBe(false);
  });

  it('clears the canvas and starts a new drawing after the last stroke', () => {
    const pad = new Sketchpad();
    const pen = new SyntheticPen(pad, 0, options);
    pen.advance(20);
    const version = pad.version;
    pen.advance(23);
    expect(pad.strokes.map((s) => s.length)).toEqual([3]);
    expect(pad.version).toBeGreaterThan(version);
    expect(pen.points).toBe(23);
  });

  it('gives a whole drawing with every stroke complete', () => {
    expect(fullPenDrawing(options).strokes.map((s) => s.length)).toEqual([10, 10]);
  });
});
