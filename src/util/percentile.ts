/** The p-th percentile (0–100) with linear interpolation between closest ranks (NumPy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('Cannot take a percentile of no values.');
  if (p < 0 || p > 100) throw new Error(`Percentile must be between 0 and 100; got ${p}.`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface LatencySummary {
  p50: number;
  p95: number;
  runs: number;
}

/** Latency figures of `milliseconds` (one entry per run): median and 95th percentile, in ms. */
export function summarizeLatencies(milliseconds: readonly number[]): LatencySummary {
  return { p50: percentile(milliseconds, 50), p95: percentile(milliseconds, 95), runs: milliseconds.length };
}
