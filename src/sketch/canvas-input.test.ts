// The game feeds the model what it was trained on: a drawing made on the page's canvas (any size, any place)
// becomes the same 28×28 input as the same drawing in Quick, Draw! coordinates.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rasteriseStrokes, type Stroke as QuickDrawStroke } from './rasterise';
import { toQuickDrawStrokes, type Stroke } from './sketchpad';

const STROKES_DIR = new URL('../../../shared/data/quickdraw/strokes/', import.meta.url);
const haveData = existsSync(STROKES_DIR);

function firstDrawings(className: string, n: number): QuickDrawStroke[][] {
  const lines = readFileSync(new URL(`${className}.ndjson`, STROKES_DIR), 'utf8').trim().split('\n');
  return lines.slice(0, n).map((line) => JSON.parse(line).drawing);
}

/** The drawing as the canvas would record it: scaled and moved into a 600 px canvas. */
function asCanvasPoints(drawing: QuickDrawStroke[], scale: number, dx: number, dy: number): Stroke[] {
  return drawing.map(([xs, ys]) => xs.map((x, i) => ({ x: x * scale + dx, y: ys[i]! * scale + dy })));
}

describe.skipIf(!haveData)(
  haveData ? 'canvas drawing → model input' : 'canvas drawing → model input (skipped: ../shared/data/quickdraw/strokes not found)',
  () => {
  it.each(['fish', 'star', 'smiley face', 'bicycle'])('%s: canvas points give the dataset drawing’s bitmap', (name) => {
    for (const drawing of firstDrawings(name, 3)) {
      const reference = rasteriseStrokes(drawing)!;
      const fromCanvas = rasteriseStrokes(toQuickDrawStrokes(asCanvasPoints(drawing, 2.1, 37, 12)))!;
      let maxDiff = 0;
      for (let i = 0; i < reference.length; i++) maxDiff = Math.max(maxDiff, Math.abs(reference[i]! - fromCanvas[i]!));
      // Equal up to float rounding at anti-aliased edges.
      expect(maxDiff).toBeLessThanOrEqual(1);
      expect(reference.some((v) => v > 200)).toBe(true);
    }
  });
});

