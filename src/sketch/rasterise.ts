import { clamp } from '../util/clamp';
import { SKETCH_INPUT_SPEC, type SketchInputSpec } from './input-spec';

/** One pen stroke as Quick, Draw! stores it: x coordinates and y coordinates (y grows downwards), any unit. */
export type Stroke = readonly [xs: readonly number[], ys: readonly number[]];

/** Whether parsed JSON has a stroke's shape: x and y arrays of numbers (extra arrays, e.g. times, are allowed). */
export function isStroke(value: unknown): value is Stroke {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.slice(0, 2).every((axis) => Array.isArray(axis) && axis.every((n) => typeof n === 'number'))
  );
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Draws strokes the way Quick, Draw!'s numpy_bitmap files were made, so a drawing from the page's canvas looks to
 * the model like the bitmaps it trained on: crop to the ink's bounding box, scale the longest side into the canvas
 * minus padding (aspect kept), centre, draw round-capped anti-aliased lines, downsample to `size`×`size`.
 * Returns ink-high uint8 pixels (row-major), or null when the strokes hold no point (nothing drawn yet).
 */
export function rasteriseStrokes(strokes: readonly Stroke[], spec: SketchInputSpec = SKETCH_INPUT_SPEC): Uint8Array | null {
  const polylines = strokes.map(toPoints).filter((line) => line.length > 0);
  if (polylines.length === 0) return null;

  const { canvas, padding, lineWidth, supersample } = spec.raster;
  const resolution = spec.size * supersample;
  const unitsPerSubpixel = canvas / resolution;
  const box = boundingBox(polylines);
  const extent = Math.max(box.width, box.height);
  const inner = canvas - 2 * padding;
  // A single dot has no extent: it is drawn at the centre at stroke width, like a tap on the dataset's canvas.
  const fit = extent > 0 ? inner / extent : 0;
  const offsetX = padding + (inner - box.width * fit) / 2;
  const offsetY = padding + (inner - box.height * fit) / 2;
  const toSubpixels = (p: Point): Point => ({
    x: (offsetX + (p.x - box.minX) * fit) / unitsPerSubpixel,
    y: (offsetY + (p.y - box.minY) * fit) / unitsPerSubpixel,
  });

  const coverage = new Float32Array(resolution * resolution);
  const radius = lineWidth / 2 / unitsPerSubpixel;
  for (const line of polylines) {
    const points = thin(line.map(toSubpixels));
    if (points.length === 1) drawSegment(coverage, resolution, points[0], points[0], radius);
    for (let i = 1; i < points.length; i++) drawSegment(coverage, resolution, points[i - 1], points[i], radius);
  }
  return downsample(coverage, resolution, supersample);
}

function toPoints([xs, ys]: Stroke): Point[] {
  const points: Point[] = [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) points.push({ x: xs[i], y: ys[i] });
  }
  return points;
}

/**
 * Drops points closer than one sub-pixel to the previous kept point (the last point always stays): mouse and touch
 * input arrive far denser than the bitmap resolves, and each segment costs a pass over its bounding box.
 */
function thin(points: Point[]): Point[] {
  const kept = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const last = kept[kept.length - 1];
    const isFinal = i === points.length - 1;
    if (isFinal || (points[i].x - last.x) ** 2 + (points[i].y - last.y) ** 2 >= 1) kept.push(points[i]);
  }
  return kept;
}

function boundingBox(polylines: readonly Point[][]): { minX: number; minY: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const line of polylines) {
    for (const { x, y } of line) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}

/** Coverage of each sub-pixel centre by a round-capped segment, with a one-sub-pixel soft edge. */
function drawSegment(coverage: Float32Array, resolution: number, a: Point, b: Point, radius: number): void {
  const reach = radius + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const x1 = Math.min(resolution - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const y1 = Math.min(resolution - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const outer = radius + 0.5;
  const outerSquared = outer * outer;
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const cx = x + 0.5;
      const t = lengthSquared > 0 ? clamp(((cx - a.x) * dx + (cy - a.y) * dy) / lengthSquared, 0, 1) : 0;
      const ex = cx - (a.x + t * dx);
      const ey = cy - (a.y + t * dy);
      const distanceSquared = ex * ex + ey * ey;
      if (distanceSquared >= outerSquared) continue;
      const value = Math.min(1, outer - Math.sqrt(distanceSquared));
      const index = y * resolution + x;
      if (value > coverage[index]) coverage[index] = value;
    }
  }
}

function downsample(coverage: Float32Array, resolution: number, factor: number): Uint8Array {
  const size = resolution / factor;
  const out = new Uint8Array(size * size);
  const cell = factor * factor;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let sy = 0; sy < factor; sy++) {
        const row = (y * factor + sy) * resolution + x * factor;
        for (let sx = 0; sx < factor; sx++) sum += coverage[row + sx];
      }
      out[y * size + x] = Math.round((255 * sum) / cell);
    }
  }
  return out;
}

