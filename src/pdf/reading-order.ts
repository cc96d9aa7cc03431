/**
 * Reading order of the lines of one page, from their positions only (the content stream's order is ignored).
 *
 * Method: T. M. Breuel, "High Performance Document Layout Analysis" (2003), section 5: line a comes before line b
 * when (1) their x-ranges overlap and a is above b, or (2) a lies entirely left of b and no line between them
 * vertically overlaps both in x. The order is a topological sort of that relation. Columns need no thresholds or
 * column count: a column's lines precede the next column's by rule 2, while a full-width title, or a full-width
 * paragraph between two column sections, overlaps both columns and so separates them by rule 1. Added here: rule 2
 * does not order two lines closer than a gutter on neighbouring rows that a line on an adjacent row overlaps both
 * (see `sameColumn`).
 */
import { COLUMN_GAP_EM, SAME_ROW_EM, type TextLine } from './text-lines';

// Points of shared x-range needed to call two lines overlapping; touching edges are not an overlap.
const OVERLAP_PT = 0.5;

function overlapsX(a: TextLine, b: TextLine): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > OVERLAP_PT;
}

function above(a: TextLine, b: TextLine): boolean {
  return a.y - b.y > SAME_ROW_EM * Math.min(a.size, b.size);
}

/**
 * The page's lines in reading order. Cycles (impossible for ordinary layouts) are broken top-left first.
 * Cost: O(n²) in the page's lines (rule 2 is checked row by row, keeping the widest bridge seen so far).
 */
export function orderLines(lines: readonly TextLine[]): TextLine[] {
  // Top to bottom, then left to right: the tie-break among lines the relation leaves unordered.
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const n = sorted.length;
  const rows: number[][] = [];
  const rowOf: number[] = [];
  for (let k = 0; k < n; k++) {
    const row = rows[rows.length - 1];
    if (row && !above(sorted[row[0]!]!, sorted[k]!)) row.push(k);
    else rows.push([k]);
    rowOf.push(rows.length - 1);
  }
  const successors: number[][] = sorted.map(() => []);
  const indegree = new Array<number>(n).fill(0);
  const edge = (from: number, to: number): void => {
    successors[from]!.push(to);
    indegree[to]!++;
  };
  // Two lines on neighbouring rows, closer than a gutter, that a line on an adjacent row overlaps both belong to one
  // column (a short last line left of the next paragraph's indented first line), whatever rule 2 says.
  const sameColumn = (i: number, j: number): boolean => {
    const a = sorted[i]!;
    const b = sorted[j]!;
    if (Math.abs(rowOf[i]! - rowOf[j]!) > 1) return false;
    for (let r = Math.max(0, Math.min(rowOf[i]!, rowOf[j]!) - 1); r <= Math.min(rows.length - 1, Math.max(rowOf[i]!, rowOf[j]!) + 1); r++) {
      for (const k of rows[r]!) if (k !== i && k !== j && overlapsX(sorted[k]!, a) && overlapsX(sorted[k]!, b)) return true;
    }
    return false;
  };
  for (let i = 0; i < n; i++) {
    const a = sorted[i]!;
    // Rule 1: overlapping in x, the upper first.
    for (let j = i + 1; j < n; j++) {
      const b = sorted[j]!;
      if (!overlapsX(a, b)) continue;
      if (above(a, b)) edge(i, j);
      else if (above(b, a)) edge(j, i);
    }
    // Rule 2: a entirely left of b, unless a line on a row strictly between them reaches over both (its x0 left
    // of a's end and its x1 right of b's start).
    const leftOf = (j: number): boolean => {
      const b = sorted[j]!;
      if (a.x1 > b.x0 + OVERLAP_PT || overlapsX(a, b)) return false;
      // A gap narrower than a gutter may be inside one column.
      return b.x0 - a.x1 >= COLUMN_GAP_EM * Math.min(a.size, b.size) || !sameColumn(i, j);
    };
    for (const j of rows[rowOf[i]!]!) if (leftOf(j)) edge(i, j);
    for (const step of [1, -1]) {
      let bridge = -Infinity;
      for (let r = rowOf[i]! + step; r >= 0 && r < rows.length; r += step) {
        for (const j of rows[r]!) {
          const b = sorted[j]!;
          if (bridge <= b.x0 + OVERLAP_PT && leftOf(j)) edge(i, j);
        }
        for (const k of rows[r]!) if (sorted[k]!.x0 < a.x1 - OVERLAP_PT) bridge = Math.max(bridge, sorted[k]!.x1);
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
