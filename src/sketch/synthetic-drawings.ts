/**
 * Procedural drawings of classes the sketch model knows (circle, square, star, …), generated at run time with
 * hand-like wobble so the lab always has labelled inputs to compare on, even before the user has drawn anything.
 */
import type { Stroke } from './rasterise';

export interface SyntheticDrawing {
  label: string;
  strokes: Stroke[];
}

type Point = [number, number];
type Random = () => number;

/** Shapes drawn here; each name is a class of the bundled model. */
export const SYNTHETIC_LABELS = ['circle', 'square', 'star', 'diamond', 'rainbow', 'smiley face', 'lollipop', 'bowtie'] as const;
export type SyntheticLabel = (typeof SYNTHETIC_LABELS)[number];

const between = (random: Random, low: number, high: number) => low + (high - low) * random();

function toStroke(points: readonly Point[]): Stroke {
  return [points.map((p) => Math.round(p[0])), points.map((p) => Math.round(p[1]))];
}

/** A pen's imprecision: every point drifts a little, smoothly (neighbouring points drift alike). */
function wobble(points: readonly Point[], random: Random, amount: number): Point[] {
  let dx = 0;
  let dy = 0;
  return points.map(([x, y]) => {
    dx = 0.6 * dx + 0.4 * between(random, -amount, amount);
    dy = 0.6 * dy + 0.4 * between(random, -amount, amount);
    return [x + dx, y + dy];
  });
}

function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = from + ((to - from) * i) / steps;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
  });
}

function rotate(points: readonly Point[], angle: number, cx: number, cy: number): Point[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return points.map(([x, y]) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos]);
}

/** A polygon through `corners`, closed, with points along each side so wobble bends the edges. */
function polygon(corners: readonly Point[], perSide = 6): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < corners.length; i++) {
    const [ax, ay] = corners[i]!;
    const [bx, by] = corners[(i + 1) % corners.length]!;
    for (let s = 0; s < perSide; s++) points.push([ax + ((bx - ax) * s) / perSide, ay + ((by - ay) * s) / perSide]);
  }
  points.push(corners[0]!);
  return points;
}

/** A closed, slightly overshooting loop, as people draw circles. */
function loop(random: Random, cx: number, cy: number, rx: number, ry: number): Point[] {
  const start = between(random, 0, 2 * Math.PI);
  return arc(cx, cy, rx, ry, start, start + 2 * Math.PI + between(random, 0.05, 0.35), 40);
}

const drawers: Record<SyntheticLabel, (random: Random) => Point[][]> = {
  circle: (random) => [loop(random, 128, 128, between(random, 80, 100), between(random, 75, 100))],
  square: (random) => {
    const half = between(random, 70, 95);
    const corners: Point[] = [[128 - half, 128 - half], [128 + half, 128 - half], [128 + half, 128 + half], [128 - half, 128 + half]];
    return [rotate(polygon(corners), between(random, -0.12, 0.12), 128, 128)];
  },
  star: (random) => {
    const outer = between(random, 85, 100);
    const inner = outer * between(random, 0.35, 0.48);
    const turn = between(random, -0.2, 0.2);
    const corners = Array.from({ length: 10 }, (_, i): Point => {
      const radius = i % 2 === 0 ? outer : inner;
      const angle = -Math.PI / 2 + turn + (i * Math.PI) / 5;
      return [128 + radius * Math.cos(angle), 128 + radius * Math.sin(angle)];
    });
    return [polygon(corners, 3)];
  },
  diamond: (random) => {
    const height = between(random, 90, 105);
    const width = height * between(random, 0.55, 0.8);
    return [polygon([[128, 128 - height], [128 + width, 128], [128, 128 + height], [128 - width, 128]])];
  },
  rainbow: (random) => {
    const bands = 3 + Math.floor(random() * 2);
    const outer = between(random, 95, 110);
    const gap = between(random, 14, 20);
    return Array.from({ length: bands }, (_, i) => arc(128, 170, outer - i * gap, (outer - i * gap) * between(random, 0.85, 1), Math.PI, 2 * Math.PI, 24));
  },
  'smiley face': (random) => {
    const r = between(random, 85, 100);
    const eyeY = 128 - r * 0.3;
    const eye = (x: number): Point[] => loop(random, x, eyeY, r * 0.08, r * 0.1);
    const smile = arc(128, 128 + r * 0.05, r * 0.5, r * between(random, 0.35, 0.5), 0.2 * Math.PI, 0.8 * Math.PI, 16);
    return [loop(random, 128, 128, r, r * between(random, 0.92, 1.05)), eye(128 - r * 0.35), eye(128 + r * 0.35), smile];
  },
  lollipop: (random) => {
    const r = between(random, 45, 60);
    const cy = 128 - between(random, 45, 60);
    const candy = loop(random, 128, cy, r, r);
    const spiral = Array.from({ length: 30 }, (_, i): Point => {
      const t = i / 29;
      const angle = t * 4 * Math.PI;
      return [128 + r * 0.8 * t * Math.cos(angle), cy + r * 0.8 * t * Math.sin(angle)];
    });
    const stick: Point[] = [[128, cy + r], [128 + between(random, -6, 6), 128 + between(random, 95, 115)]];
    return [candy, spiral, stick];
  },
  bowtie: (random) => {
    const width = between(random, 90, 105);
    const height = between(random, 50, 70);
    const knot = between(random, 10, 16);
    const left: Point[] = [[128 - knot, 128], [128 - width, 128 - height], [128 - width, 128 + height]];
    const right: Point[] = [[128 + knot, 128], [128 + width, 128 - height], [128 + width, 128 + height]];
    return [polygon(left), polygon(right), loop(random, 128, 128, knot, knot * 1.4)];
  },
};

/** `perLabel` drawings of each synthetic class (class by class), reproducible for a given random source. */
export function syntheticDrawings(perLabel: number, random: Random): SyntheticDrawing[] {
  return SYNTHETIC_LABELS.flatMap((label) =>
    Array.from({ length: perLabel }, () => {
      const scale = between(random, 0.75, 1.1);
      const shiftX = between(random, -20, 20);
      const shiftY = between(random, -20, 20);
      const strokes = drawers[label](random).map((points) =>
        toStroke(wobble(points, random, 5).map(([x, y]): Point => [shiftX + 128 + (x - 128) * scale, shiftY + 128 + (y - 128) * scale])),
      );
      return { label, strokes };
    }),
  );
}
