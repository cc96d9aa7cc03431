/**
 * Streaming histograms of calibration activations, for the calibration methods that clip (calibration-methods.ts).
 * Memory is bounded: each tensor keeps two histograms of `HISTOGRAM_BINS` bins, one of the magnitudes of its
 * non-negative values and one of its negative values, over [0, R): R is a power of two above the largest magnitude,
 * doubled when a larger one arrives. Doubling merges neighbouring bins pairwise, so re-binning is exact (no count is
 * split or guessed), and the data always fill more than half of the bins.
 */
import { QuantizeError } from './errors';
import type { TensorValues } from './types';

/** Bins per tail (as TensorRT's entropy calibration uses: Migacz, "8-bit Inference with TensorRT", GTC 2017). */
export const HISTOGRAM_BINS = 2048;

/** Counts of |x| over [0, range] in equal bins; bin i covers [i·width, (i+1)·width). */
export interface TailHistogram {
  readonly counts: Float64Array;
  /** Upper edge of the last bin, a power of two above `max` (0 while no non-zero magnitude has been seen). */
  readonly range: number;
  /** Largest magnitude seen. */
  readonly max: number;
}

export class MagnitudeHistogram implements TailHistogram {
  readonly counts = new Float64Array(HISTOGRAM_BINS);
  range = 0;
  max = 0;
  /** Values seen, including zeros (which count in bin 0). */
  total = 0;

  /** Counts one finite magnitude (≥ 0). */
  add(magnitude: number): void {
    if (magnitude > 0 && magnitude >= this.range) this.grow(magnitude);
    if (magnitude > this.max) this.max = magnitude;
    const bin = this.range === 0 ? 0 : Math.min(HISTOGRAM_BINS - 1, Math.floor((magnitude / this.range) * HISTOGRAM_BINS));
    this.counts[bin]++;
    this.total++;
  }

  /** Widens the range past `magnitude`: the first value sets it, later ones double it (bins merge in pairs). */
  private grow(magnitude: number): void {
    if (this.range === 0) {
      // Everything counted so far was zero and sits in bin 0, which stays bin 0 at any range.
      this.range = 2 ** Math.floor(Math.log2(magnitude));
      while (this.range <= magnitude) this.range *= 2;
      return;
    }
    let range = this.range;
    let doublings = 0;
    while (range <= magnitude) {
      range *= 2;
      doublings++;
    }
    const factor = 2 ** Math.min(doublings, 31);
    const merged = new Float64Array(HISTOGRAM_BINS);
    for (let i = 0; i < HISTOGRAM_BINS; i++) merged[Math.floor(i / factor)] += this.counts[i];
    this.counts.set(merged);
    this.range = range;
  }
}

/** One tensor's values over all calibration samples: exact extremes plus a histogram of each sign. */
export class ActivationHistogram {
  min = Infinity;
  max = -Infinity;
  /** Values ≥ 0, by magnitude. */
  readonly positive = new MagnitudeHistogram();
  /** Values < 0, by magnitude. */
  readonly negative = new MagnitudeHistogram();

  add(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
      // An infinite value leaves the extremes infinite, which calibration refuses; it has no bin.
      if (!Number.isFinite(v)) continue;
      if (v >= 0) this.positive.add(v);
      else this.negative.add(-v);
    }
  }

  get count(): number {
    return this.positive.total + this.negative.total;
  }
}

/** Histograms of named tensors over calibration samples (the histogram counterpart of `RangeCollector`). */
export class HistogramCollector {
  private readonly histograms = new Map<string, ActivationHistogram>();
  private samples = 0;

  constructor(private readonly tensorNames: readonly string[]) {
    for (const name of tensorNames) this.histograms.set(name, new ActivationHistogram());
  }

  add(values: TensorValues): void {
    for (const name of this.tensorNames) {
      const data = values[name];
      if (!data) {
        throw new QuantizeError('calibration-mismatch', `Calibration returned no values for tensor "${name}"; run the instrumented model and pass all its outputs.`);
      }
      this.histograms.get(name)!.add(data);
    }
    this.samples++;
  }

  get sampleCount(): number {
    return this.samples;
  }

  histogram(name: string): ActivationHistogram {
    return this.histograms.get(name)!;
  }
}
