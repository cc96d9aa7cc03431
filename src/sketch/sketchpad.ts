// The strokes on the canvas, independent of the DOM: pointer input appends points, undo drops the last
// stroke, clear empties it. `version` changes on every edit so stale predictions can be recognised.
// Points are in sketch units: a SKETCH_SIDE × SKETCH_SIDE square spanning the canvas, whatever its CSS size or
// devicePixelRatio, so a resize redraws the same drawing and the model input does not change.
import type { Stroke as QuickDrawStroke } from './rasterise';

/** Side of the logical square the canvas spans, in sketch units (x right, y down, origin top left). */
export const SKETCH_SIDE = 1000;

export interface Point {
  x: number;
  y: number;
}
export type Stroke = readonly Point[];

export class Sketchpad {
  private readonly strokeList: Point[][] = [];
  private drawingStroke = false;
  private revision = 0;
  /** No new stroke may begin before this time (ms, the caller's clock): see `startFresh`. */
  private inkPausedUntil = -Infinity;

  get strokes(): readonly Stroke[] {
    return this.strokeList;
  }

  get version(): number {
    return this.revision;
  }

  get isEmpty(): boolean {
    return this.strokeList.length === 0;
  }

  get isDrawing(): boolean {
    return this.drawingStroke;
  }

  /** Starts a stroke at `now` (ms; omitted: never refused); refused (false) while ink is paused after `startFresh`. */
  begin(point: Point, now = Infinity): boolean {
    if (now < this.inkPausedUntil) return false;
    this.strokeList.push([point]);
    this.drawingStroke = true;
    this.revision++;
    return true;
  }

  extend(point: Point): void {
    const current = this.strokeList.at(-1);
    if (!this.drawingStroke || !current) return;
    const last = current.at(-1)!;
    if (last.x === point.x && last.y === point.y) return;
    current.push(point);
    this.revision++;
  }

  end(): void {
    this.drawingStroke = false;
  }

  undo(): void {
    if (this.strokeList.length === 0) return;
    this.strokeList.pop();
    this.drawingStroke = false;
    this.revision++;
  }

  clear(): void {
    if (this.strokeList.length === 0) return;
    this.strokeList.length = 0;
    this.drawingStroke = false;
    this.revision++;
  }

  /**
   * Empties the pad for a new target: the stroke in progress ends (its pointer must go up and down again) and no
   * stroke begins before `now + pauseMs`, so the rest of a drawing that scored does not land on the next target.
   */
  startFresh(now: number, pauseMs: number): void {
    this.clear();
    this.drawingStroke = false;
    this.inkPausedUntil = now + pauseMs;
  }

  /** A copy that later edits do not change (for the round's gallery and the drawing store). */
  snapshot(): Stroke[] {
    return this.strokeList.map((stroke) => stroke.map((p) => ({ x: p.x, y: p.y })));
  }
}

/** Canvas points → the Quick, Draw! stroke format (`[xs, ys]`) that the model-input code and datasets use. */
export function toQuickDrawStrokes(strokes: readonly Stroke[]): QuickDrawStroke[] {
  return strokes.map((stroke) => [stroke.map((p) => p.x), stroke.map((p) => p.y)] as const);
}
