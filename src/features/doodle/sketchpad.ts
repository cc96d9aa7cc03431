// The strokes on the canvas, independent of the DOM: pointer input appends points, undo drops the last
// stroke, clear empties it. `version` changes on every edit so stale predictions can be recognised.
import type { Stroke as QuickDrawStroke } from '../../sketch/rasterise';

export interface Point {
  x: number;
  y: number;
}
export type Stroke = readonly Point[];

export class Sketchpad {
  private readonly strokeList: Point[][] = [];
  private drawingStroke = false;
  private revision = 0;

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

  begin(point: Point): void {
    this.strokeList.push([point]);
    this.drawingStroke = true;
    this.revision++;
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

  /** A copy that later edits do not change (for the round's gallery and the drawing store). */
  snapshot(): Stroke[] {
    return this.strokeList.map((stroke) => stroke.map((p) => ({ x: p.x, y: p.y })));
  }
}

/** Canvas points → the Quick, Draw! stroke format (`[xs, ys]`) that the model-input code and datasets use. */
export function toQuickDrawStrokes(strokes: readonly Stroke[]): QuickDrawStroke[] {
  return strokes.map((stroke) => [stroke.map((p) => p.x), stroke.map((p) => p.y)] as const);
}
