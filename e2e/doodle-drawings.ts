// Drawings for the doodle browser tests: real Quick, Draw! strokes from ../shared when present (replayed point
// by point with the mouse), otherwise simple shapes generated here for classes the bundled model knows.
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** One stroke as Quick, Draw! stores it, coordinates 0–255. */
export type Stroke = [xs: number[], ys: number[]];
export type Drawing = Stroke[];

const STROKES_DIR = new URL('../../shared/data/quickdraw/strokes/', import.meta.url);
export const HAVE_STROKE_DATA = existsSync(STROKES_DIR);

function polygon(points: [number, number][]): Stroke {
  const closed = [...points, points[0]!];
  return [closed.map((p) => p[0]), closed.map((p) => p[1])];
}

function arc(cx: number, cy: number, r: number, from: number, to: number, steps = 32): Stroke {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    xs.push(Math.round(cx + r * Math.cos(a)));
    ys.push(Math.round(cy + r * Math.sin(a)));
  }
  return [xs, ys];
}

function star(): Stroke {
  const points: [number, number][] = [];
  for (let i = 0; i < 5; i++) {
    const a = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
    points.push([Math.round(128 + 120 * Math.cos(a)), Math.round(128 + 120 * Math.sin(a))]);
  }
  return polygon(points);
}

/** Shapes a person would draw for these classes, used when the real stroke sample is absent. */
export const SHAPES: Record<string, Drawing[]> = {
  circle: [[arc(128, 128, 120, 0, 2 * Math.PI)]],
  square: [[polygon([[10, 10], [245, 10], [245, 245], [10, 245]])]],
  star: [[star()]],
  diamond: [[polygon([[128, 0], [230, 128], [128, 255], [26, 128]])]],
  rainbow: [[arc(128, 200, 120, Math.PI, 2 * Math.PI), arc(128, 200, 85, Math.PI, 2 * Math.PI), arc(128, 200, 50, Math.PI, 2 * Math.PI)]],
};

/** Real drawings of a class (up to 20) when the sample is present, else the generated shapes (maybe none). */
export function drawingsOf(className: string): Drawing[] {
  const file = new URL(`${className}.ndjson`, STROKES_DIR);
  if (HAVE_STROKE_DATA && existsSync(file)) {
    return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line).drawing as Drawing);
  }
  return SHAPES[className] ?? [];
}

/**
 * Draws with real mouse events: each stroke is press, moves through every point (with `stepsPerSegment`
 * intermediate moves), release. The drawing's 0–255 box is fitted into the canvas with a margin.
 */
export async function drawOnCanvas(page: Page, drawing: Drawing, stepsPerSegment = 2): Promise<void> {
  const box = await page.getByTestId('sketch-canvas').boundingBox();
  if (!box) throw new Error('The sketch canvas is not visible.');
  const side = Math.min(box.width, box.height) * 0.8;
  const left = box.x + (box.width - side) / 2;
  const top = box.y + (box.height - side) / 2;
  const at = (x: number, y: number): [number, number] => [left + (x / 255) * side, top + (y / 255) * side];
  for (const [xs, ys] of drawing) {
    await page.mouse.move(...at(xs[0]!, ys[0]!));
    await page.mouse.down();
    for (let i = 1; i < xs.length; i++) await page.mouse.move(...at(xs[i]!, ys[i]!), { steps: stepsPerSegment });
    if (xs.length === 1) await page.mouse.move(...at(xs[0]! + 1, ys[0]! + 1));
    await page.mouse.up();
  }
}

/** A drawing record as the game stores it (src/runtime/drawing-store.ts); `bitmap` is 784 values, ink high. */
export interface StoredGameDrawing {
  id: string;
  target: string;
  bitmap: number[];
}

/** Writes `drawings` into the game's IndexedDB store of the page's origin, as a finished round would. */
export async function storeGameDrawings(page: Page, drawings: StoredGameDrawing[]): Promise<void> {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('mlwb-doodle-drawings');
      request.onupgradeneeded = () => request.result.createObjectStore('labelled');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('labelled', 'readwrite');
    for (const d of records) {
      tx.objectStore('labelled').put({ ...d, outcome: 'recognised', guess: null, strokes: [], strokeSpace: 'sketch', bitmap: Uint8Array.from(d.bitmap), model: 'doodle-cnn/fp32', createdAt: Date.now() }, d.id);
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, drawings);
}
