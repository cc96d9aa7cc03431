// A pen that draws by itself at a steady rate, for measuring live predictions without a person: it adds points
// along a few strokes (circle, lines, a wave), then clears and starts the drawing again.
import { Sketchpad, type Point } from '../sketch/sketchpad';

export interface PenOptions {
  pointsPerSecond: number;
  pointsPerStroke: number;
  strokesPerDrawing: number;
  /** Canvas side in pixels. */
  size: number;
}

export const DEFAULT_PEN: PenOptions = { pointsPerSecond: 2000, pointsPerStroke: 48, strokesPerDrawing: 4, size: 400 };

/** Point `i` of stroke `stroke`, in canvas pixels; consecutive points always differ. */
export function penPoint(stroke: number, i: number, options: PenOptions = DEFAULT_PEN): Point {
  const t = i / (options.pointsPerStroke - 1);
  const s = options.size;
  switch (stroke % 4) {
    case 0:
      return { x: s / 2 + 0.35 * s * Math.cos(2 * Math.PI * t), y: s / 2 + 0.35 * s * Math.sin(2 * Math.PI * t) };
    case 1:
      return { x: 0.15 * s + 0.7 * s * t, y: 0.5 * s };
    case 2:
      return { x: 0.5 * s, y: 0.15 * s + 0.7 * s * t };
    default:
      return { x: 0.15 * s + 0.7 * s * t, y: 0.3 * s + 0.08 * s * Math.sin(6 * Math.PI * t) };
  }
}

export class SyntheticPen {
  private drawn = 0;

  constructor(
    private readonly pad: Sketchpad,
    private readonly startedAt: number,
    private readonly options: PenOptions = DEFAULT_PEN,
  ) {}

  /** Points drawn so far (over every drawing). */
  get points(): number {
    return this.drawn;
  }

  /** Draws every point due by `now`; true when the drawing changed. */
  advance(now: number): boolean {
    const due = Math.floor(((now - this.startedAt) * this.options.pointsPerSecond) / 1000);
    const before = this.drawn;
    while (this.drawn < due) this.step();
    return this.drawn > before;
  }

  private step(): void {
    const { pointsPerStroke, strokesPerDrawing } = this.options;
    const inDrawing = this.drawn % (pointsPerStroke * strokesPerDrawing);
    const stroke = Math.floor(inDrawing / pointsPerStroke);
    const i = inDrawing % pointsPerStroke;
    if (inDrawing === 0) this.pad.clear();
    const point = penPoint(stroke, i, this.options);
    if (i === 0) {
      this.pad.end();
      this.pad.begin(point);
    } else {
      this.pad.extend(point);
    }
    this.drawn++;
  }
}

/** One whole drawing of the pen (every stroke), e.g. the fixed input of latency measurements. */
export function fullPenDrawing(options: PenOptions = DEFAULT_PEN): Sketchpad {
  const pad = new Sketchpad();
  const points = options.pointsPerStroke * options.strokesPerDrawing;
  new SyntheticPen(pad, 0, options).advance(((points + 0.5) * 1000) / options.pointsPerSecond);
  return pad;
}
