// How strokes look: smooth, pressure-free outlines from perfect-freehand as SVG path data, used both by
// the drawing canvas (Path2D) and the gallery thumbnails (SVG), so a drawing looks the same in both.
import { getStroke } from 'perfect-freehand';
import type { Stroke } from '../sketch/sketchpad';

// size in sketch units (SKETCH_SIDE = 1000 across the canvas): 10 CSS px on a 560 px canvas, scaling with it.
const INK_OPTIONS = { size: 18, thinning: 0, smoothing: 0.6, streamline: 0.4, simulatePressure: false };

export function strokeOutlinePath(stroke: Stroke, size = INK_OPTIONS.size, complete = true): string {
  const outline = getStroke(stroke as { x: number; y: number }[], { ...INK_OPTIONS, size, last: complete });
  if (outline.length === 0) return '';
  const [first, ...rest] = outline;
  const fmt = (n: number) => Math.round(n * 100) / 100;
  // Quadratic segments through midpoints keep the outline round at any zoom.
  let d = `M${fmt(first![0])},${fmt(first![1])}`;
  for (let i = 0; i < rest.length; i++) {
    const [x0, y0] = rest[i]!;
    const [x1, y1] = rest[(i + 1) % rest.length]!;
    d += ` Q${fmt(x0)},${fmt(y0)} ${fmt((x0 + x1) / 2)},${fmt((y0 + y1) / 2)}`;
  }
  return `${d} Z`;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A square box around the ink with a margin, for SVG viewBox; null for an empty drawing. */
export function inkViewBox(strokes: readonly Stroke[], margin: number): Box | null {
  const points = strokes.flat();
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const side = Math.max(maxX - minX, maxY - minY) + 2 * margin;
  return {
    x: (minX + maxX) / 2 - side / 2,
    y: (minY + maxY) / 2 - side / 2,
    width: side,
    height: side,
  };
}
