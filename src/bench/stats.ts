// A benchmark figure: the median of several repetitions with their spread, so one noisy run cannot pass for a result.
import { percentile } from '../util/percentile';

export interface Figure {
  median: number;
  min: number;
  max: number;
  /** Interquartile range bounds (NumPy linear percentiles). */
  q1: number;
  q3: number;
  /** Repetitions behind the figure. */
  n: number;
}

export function figureOf(samples: readonly number[]): Figure {
  const finite = samples.filter((s) => Number.isFinite(s));
  if (finite.length === 0) throw new Error('A benchmark figure needs at least one finite measurement.');
  return {
    median: percentile(finite, 50),
    min: Math.min(...finite),
    max: Math.max(...finite),
    q1: percentile(finite, 25),
    q3: percentile(finite, 75),
    n: finite.length,
  };
}

/** Milliseconds spent in `work`, by the monotonic clock. */
export async function timed(work: () => Promise<unknown>, now: () => number = () => performance.now()): Promise<number> {
  const started = now();
  await work();
  return now() - started;
}
