/** What the lab's two charts plot, computed from the results (pure; the chart element only draws it). */
import { backendName, resultKey, type VariantResult } from './comparison-table';

export interface Point {
  x: number;
  y: number;
}

/** Sorted latencies against the share of runs at or below them: the whole distribution, p50 and p95 readable off it. */
export function latencyCurve(timesMs: readonly number[]): Point[] {
  const sorted = [...timesMs].sort((a, b) => a - b);
  return sorted.map((x, i) => ({ x, y: (i + 1) / sorted.length }));
}

export interface ClassDifferenceSeries {
  /** resultKey() of the candidate, so its colour can match the latency chart. */
  key: string;
  name: string;
  /** Candidate accuracy minus reference accuracy per class, in percentage points. */
  points: number[];
}

export interface ClassDifferences {
  classes: string[];
  series: ClassDifferenceSeries[];
}

/**
 * Per-class accuracy change of each candidate against the reference on the same backend, over the classes that
 * had labelled samples. Empty when nothing is labelled.
 */
export function classDifferences(results: readonly VariantResult[], classNames: readonly string[]): ClassDifferences {
  const series: ClassDifferenceSeries[] = [];
  let classes: number[] = [];
  for (const reference of results.filter((r) => r.isReference && r.perClass)) {
    classes = reference.perClass!.flatMap((c, i) => (c.total > 0 ? [i] : []));
    for (const candidate of results.filter((r) => !r.isReference && r.device === reference.device && r.perClass)) {
      const points = classes.map((i) => {
        const ref = reference.perClass![i]!;
        const cand = candidate.perClass![i]!;
        return Math.round(((cand.correct - ref.correct) / ref.total) * 1000) / 10;
      });
      series.push({ key: resultKey(candidate), name: `${candidate.name} (${backendName(candidate.device)})`, points });
    }
  }
  return { classes: classes.map((i) => classNames[i] ?? String(i)), series };
}
