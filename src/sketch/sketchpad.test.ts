import { describe, expect, it } from 'vitest';
import { Sketchpad } from './sketchpad';

describe('sketchpad', () => {
  it('records strokes point by point and bumps the version on every change', () => {
    const pad = new Sketchpad();
    expect(pad.isEmpty).toBe(true);
    pad.begin({ x: 1, y: 1 });
    pad.extend({ x: 2, y: 2 });
    pad.extend({ x: 2, y: 2 });
    pad.end();
    pad.extend({ x: 9, y: 9 });
    expect(pad.strokes).toEqual([[{ x: 1, y: 1 }, { x: 2, y: 2 }]]);
    expect(pad.version).toBe(2);
  });

  it('undo removes only the last stroke; clear removes all', () => {
    const pad = new Sketchpad();
    pad.begin({ x: 0, y: 0 });
    pad.end();
    pad.begin({ x: 5, y: 5 });
    pad.end();
    pad.undo();
    expect(pad.strokes).toEqual([[{ x: 0, y: 0 }]]);
    const before = pad.version;
    pad.clear();
    expect(pad.isEmpty).toBe(true);
    expect(pad.version).toBe(before + 1);
    pad.clear();
    pad.undo();
    expect(pad.version).toBe(before + 1);
  });

  it('snapshots do not follow later edits', () => {
    const pad = new Sketchpad();
    pad.begin({ x: 0, y: 0 });
    const snap = pad.snapshot();
    pad.extend({ x: 1, y: 1 });
    expect(snap).toEqual([[{ x: 0, y: 0 }]]);
  });

  it('startFresh after a score: the stroke in progress ends, and no stroke begins until the pause is over', () => {
    const pad = new Sketchpad();
    pad.begin({ x: 0, y: 0 }, 100);
    pad.extend({ x: 10, y: 10 });
    pad.startFresh(1000, 500);
    // The pen is still down from the scored drawing: its moves draw nothing on the next target.
    pad.extend({ x: 20, y: 20 });
    expect(pad.isEmpty).toBe(true);
    expect(pad.isDrawing).toBe(false);
    // The rest of the scored drawing, begun right after the score, is refused as well.
    expect(pad.begin({ x: 30, y: 30 }, 1200)).toBe(false);
    pad.extend({ x: 40, y: 40 });
    expect(pad.strokes).toEqual([]);
    // A fresh press after the pause starts the next target's drawing.
    expect(pad.begin({ x: 50, y: 50 }, 1500)).toBe(true);
    pad.extend({ x: 60, y: 60 });
    expect(pad.strokes).toEqual([[{ x: 50, y: 50 }, { x: 60, y: 60 }]]);
  });
});
