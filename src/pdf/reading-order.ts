/**
 * Reading order of the lines of one page, from their positions only (the content stream's order is ignored).
 *
 * Method: T. M. Breuel, "High Performance Document Layout Analysis" (2003), section 5: line a comes before line b
 * when (1) their x-ranges overlap and a is above b, or (2) a lies entirely left of b and no line between them
 * vertically overlaps both in x. The order is a topological sort of that relation. Columns need no thresholds or
 * column count: a column's lines precede the next column's by rule 2, while a full-width title, or a full-width
 * paragraph between two column sections, overlaps both columns and so separates them by rule 1.
 */
import { SAME_ROW_EM, type TextLine } from './text-lines';

// Points of shared x-range needed to call two lines overlapping; touching edges are not an overlap.
const OVERLAP_PT = 0.5;

function overlapsX(a: TextLine, b: TextLine): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > OVERLAP_PT;
}

function above(a: TextLine, b: TextLine): boolean {
  return a.y - b.y > SAME_ROW_EM * Math.min(a.size, b.size);
}

/** The page's lines in reading order. Cycles (impossible for ordinary layouts) are broken top-left first. */
export function orderLines(lines: readonly TextLine[]): TextLine[] {
  // Top to bottom, then left to right: the tie-break among lines the relation leaves unordered.
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const n = sorted.length;
  const successors: number[][] = sorted.map(() => []);
  const indegree = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && precedes(sorted, i, j)) {
        successors[i]!.push(j);
        indegree[j]!++;
      }
    }
  }
  const done = new Array<boolean>(n).fill(false);
  const order: TextLine[] = [];
  for (let step = 0; step < n; step++) {
    let next = indegree.findIndex((d, k) => d === 0 && !done[k]);
    if (next < 0) next = done.indexOf(false);
    done[next] = true;
    order.push(sorted[next]!);
    for (const k of successors[next]!) indegree[k]!--;
  }
  return order;
}

function precedes(sorted: readonly TextLine[], i: number, j: number): boolean {
  const a = sorted[i]!;
  const b = sorted[j]!;
  if (overlapsX(a, b)) return above(a, b);
  if (a.x1 > b.x0 + OVERLAP_PT) return false;
  // Rule 2: no line between them vertically bridges the two (lines are sorted top to bottom: look between i and j).
  const [upper, lower] = i < j ? [a, b] : [b, a];
  for (let k = Math.min(i, j) + 1; k < Math.max(i, j); k++) {
    const c = sorted[k]!;
    if (above(upper, c) && above(c, lower) && overlapsX(c, a) && overlapsX(c, b)) return false;
  }
  return true;
}
