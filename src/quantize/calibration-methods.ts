/**
 * How static int8 turns an activation's calibration histogram into the range its uint8 grid covers. Clipping a
 * rare outlier makes every other value's step finer; the methods differ in how they trade the two errors.
 *
 * Each sign is treated as a tail of its own (a magnitude histogram, histogram.ts): a one-sided tensor (a ReLU
 * output) has the whole uint8 grid (256 levels, 255 steps) for its tail; a two-sided one about half a side, as
 * TensorRT's symmetric int8 assumes (128 levels).
 * - minmax: the observed extremes (nothing clipped).
 * - percentile p: the lower edge is the (100 − p)-th and the upper edge the p-th percentile of all values (signed),
 *   i.e. each tail is cut where a fraction (1 − p/100) of all values lies beyond it; bin upper edges are used.
 * - entropy: TensorRT's KL-divergence search per tail (Migacz, "8-bit Inference with TensorRT", GTC 2017): the
 *   threshold whose quantized distribution Q of the kept bins is closest to the clipped reference P.
 * - mse: the threshold T minimising the expected squared error over the histogram: values inside contribute the
 *   rounding noise Δ²/12 of a step Δ = T / steps, values beyond (x − T)² (bin centres).
 */
import type { ActivationHistogram, TailHistogram } from './histogram';
import type { ActivationRange } from './types';

export type CalibrationMethod = 'minmax' | 'percentile' | 'entropy' | 'mse';

export const CALIBRATION_METHODS: readonly CalibrationMethod[] = ['minmax', 'percentile', 'entropy', 'mse'];
export const DEFAULT_PERCENTILE = 99.99;

/** uint8 steps (255) and levels (256) available to a tail: all of them when the other tail is empty, half otherwise. */
function grid(otherTailEmpty: boolean): { steps: number; levels: number } {
  return otherTailEmpty ? { steps: 255, levels: 256 } : { steps: 127.5, levels: 128 };
}

/**
 * The range [min, max] the uint8 grid should cover for one tensor. `percentile` (only for 'percentile') is in
 * (0, 100]. The result never exceeds the observed extremes.
 */
export function calibratedRange(histogram: ActivationHistogram, method: CalibrationMethod, percentile = DEFAULT_PERCENTILE): ActivationRange {
  const observed = { min: histogram.min, max: histogram.max };
  if (method === 'minmax' || histogram.count === 0) return observed;
  const { positive, negative } = histogram;
  const threshold = (tail: TailHistogram, otherTailEmpty: boolean): number => {
    if (tail.max === 0) return 0;
    if (method === 'percentile') return percentileThreshold(tail, (1 - percentile / 100) * histogram.count);
    const { steps, levels } = grid(otherTailEmpty);
    return method === 'entropy' ? entropyThreshold(tail, levels) : mseThreshold(tail, steps);
  };
  const high = threshold(positive, negative.total === 0);
  const low = threshold(negative, positive.total === 0);
  return {
    min: negative.total === 0 ? observed.min : -low,
    max: positive.total === 0 ? observed.max : Math.max(0, high),
  };
}

function binWidth(tail: TailHistogram): number {
  return tail.range / tail.counts.length;
}

/** One past the last non-empty bin. */
function usedBins(tail: TailHistogram): number {
  let n = tail.counts.length;
  while (n > 0 && tail.counts[n - 1] === 0) n--;
  return n;
}

/**
 * The smallest bin upper edge with at most `allowedBeyond` counts above it (capped at the tail's largest value).
 * Counts are of values, so `allowedBeyond` is a share of all of the tensor's values, not only this tail's.
 */
export function percentileThreshold(tail: TailHistogram, allowedBeyond: number): number {
  const width = binWidth(tail);
  let beyond = 0;
  for (let k = usedBins(tail) - 1; k >= 0; k--) {
    if (beyond + tail.counts[k] > allowedBeyond) return Math.min(tail.max, (k + 1) * width);
    beyond += tail.counts[k];
  }
  return Math.min(tail.max, width);
}

/**
 * TensorRT's entropy calibration for one tail (Migacz, GTC 2017): for each candidate of i bins (i ≥ `levels`),
 * P = the first i bins with every count beyond added to the last one, Q = those i bins (without the outliers)
 * merged into `levels` groups and each group's count spread evenly over its non-empty bins; the threshold is the
 * upper edge of the i with the smallest KL(P‖Q). A tail with fewer used bins than levels is not clipped.
 */
export function entropyThreshold(tail: TailHistogram, levels: number): number {
  const bins = tail.counts;
  const used = usedBins(tail);
  if (used <= levels) return tail.max;
  const suffix = new Float64Array(used + 1);
  for (let i = used - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + bins[i];
  const total = suffix[0];
  const q = new Float64Array(used);
  let best = used;
  let bestDivergence = Infinity;
  for (let i = levels; i <= used; i++) {
    for (let g = 0; g < levels; g++) {
      const start = Math.floor((g * i) / levels);
      const end = Math.floor(((g + 1) * i) / levels);
      let sum = 0;
      let nonEmpty = 0;
      for (let j = start; j < end; j++) {
        sum += bins[j];
        if (bins[j] > 0) nonEmpty++;
      }
      for (let j = start; j < end; j++) q[j] = bins[j] > 0 ? sum / nonEmpty : 0;
    }
    // P sums to `total` (outliers folded into bin i − 1); Q to the counts of the first i bins.
    const qTotal = total - suffix[i];
    let divergence = 0;
    for (let j = 0; j < i; j++) {
      const p = (j === i - 1 ? bins[j] + suffix[i] : bins[j]) / total;
      if (p === 0) continue;
      // A bin Q leaves empty (the last one when only outliers fill it) costs as if Q gave it a tiny probability.
      const qj = Math.max(q[j] / qTotal, 1e-12);
      divergence += p * Math.log(p / qj);
    }
    if (divergence < bestDivergence) {
      bestDivergence = divergence;
      best = i;
    }
  }
  return Math.min(tail.max, best * binWidth(tail));
}

/**
 * The bin edge T minimising the expected squared quantization error of the tail's values: N(x < T)·Δ²/12 with
 * Δ = T / `steps`, plus Σ (x − T)² over the bin centres x beyond T (they clamp to T).
 */
export function mseThreshold(tail: TailHistogram, steps: number): number {
  const bins = tail.counts;
  const used = usedBins(tail);
  const width = binWidth(tail);
  // Suffix sums of counts, counts·x and counts·x² let each candidate's clipping error be computed in O(1).
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let inside = 0;
  for (let k = 0; k < used; k++) inside += bins[k];
  let best = used;
  let bestError = Infinity;
  for (let k = used; k >= 1; k--) {
    const t = k * width;
    const step = t / steps;
    const error = (inside * step * step) / 12 + (s2 - 2 * t * s1 + t * t * s0);
    if (error < bestError) {
      bestError = error;
      best = k;
    }
    const x = (k - 0.5) * width;
    const c = bins[k - 1];
    inside -= c;
    s0 += c;
    s1 += c * x;
    s2 += c * x * x;
  }
  return Math.min(tail.max, best * width);
}
