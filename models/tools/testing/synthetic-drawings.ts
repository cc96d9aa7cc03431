/**
 * Shapes drawn the way a mouse draws on the game's canvas (dense points in canvas pixels), one per class a bundled
 * sketch model must recognise without any dataset drawing. Shared by the bundled models' tests.
 */
import type { Stroke } from '../../../src/sketch/rasterise';

const polyline = (points: [number, number][]): Stroke => [points.map((p) => p[0]), points.map((p) => p[1])];

const arc = (cx: number, cy: number, r: number, from: number, to: number, steps = 48): Stroke =>
  polyline(Array.from({ length: steps + 1 }, (_, i) => {
    const angle = from + ((to - from) * i) / steps;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  }));

/** Label → strokes in canvas pixels. */
export function syntheticDrawings(): Record<string, Stroke[]> {
  return {
    circle: [arc(300, 200, 120, 0, 2 * Math.PI)],
    square: [polyline([[100, 100], [400, 100], [400, 400], [100, 400], [100, 100]])],
    star: [polyline(Array.from({ length: 6 }, (_, i) => {
      const angle = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
      return [250 + 150 * Math.cos(angle), 250 + 150 * Math.sin(angle)];
    }))],
    'smiley face': [arc(300, 200, 120, 0, 2 * Math.PI), arc(255, 170, 4, 0, 2 * Math.PI, 8), arc(345, 170, 4, 0, 2 * Math.PI, 8), arc(300, 220, 50, 0.2, Math.PI - 0.2)],
    rainbow: [0, 1, 2].map((k) => arc(300, 300, 150 - 30 * k, Math.PI, 2 * Math.PI)),
  };
}
