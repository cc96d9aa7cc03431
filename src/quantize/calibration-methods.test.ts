import { describe, expect, it } from 'vitest';
import { ActivationHistogram, HISTOGRAM_BINS, MagnitudeHistogram } from './histogram';
import { calibratedRange, CALIBRATION_METHODS, entropyThreshold, mseThreshold, percentileThreshold } from './calibration-methods';
import { seededNormal, seededRandom } from '../util/prng';

function histogramOf(values: ArrayLike<number>, batch = 10_000): ActivationHistogram {
  const histogram = new ActivationHistogram();
  for (let start = 0; start < values.length; start += batch) histogram.add(Array.prototype.slice.call(values, start, start + batch));
  return histogram;
}

/**
 * 1,000,000 standard normal values with one outlier at each of ±50. (Each outlier costs MSE (50 − T)² when clipped
 * and the steps of 500,000 values (50/127.5)²/12 each when kept, so MSE clips it.)
 */
function gaussianWithOutliers(seed: number): Float64Array {
  const normal = seededNormal(seed);
  const values = Float64Array.from({ length: 1_000_000 }, normal);
  values[1000] = 50;
  values[2000] = -50;
  return values;
}

describe('streaming histogram', () => {
  it('re-bins exactly: counts equal a direct count at the final range, whatever the order values arrive in', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      // Growing magnitudes force several doublings of the range.
      const values = Float64Array.from({ length: 5000 }, (_, i) => random() * (1 + i / 50));
      const streamed = new MagnitudeHistogram();
      for (const v of values) streamed.add(v);
      const direct = new Float64Array(HISTOGRAM_BINS);
      for (const v of values) direct[Math.min(HISTOGRAM_BINS - 1, Math.floor((v / streamed.range) * HISTOGRAM_BINS))]++;
      expect(streamed.total).toBe(values.length);
      expect(Array.from(streamed.counts)).toEqual(Array.from(direct));
      expect(streamed.range).toBeGreaterThanOrEqual(streamed.max);
    }
  });

  it('keeps zeros and each sign apart, with exact extremes', () => {
    const histogram = histogramOf([0, 0, 0, 1.5, -2, 3]);
    expect(histogram.positive.total).toBe(5);
    expect(histogram.negative.total).toBe(1);
    expect(histogram.positive.counts[0]).toBe(3);
    expect([histogram.min, histogram.max]).toEqual([-2, 3]);
  });
});

describe('calibration methods', () => {
  it('percentile, entropy and MSE clip rare outliers of a Gaussian; min-max keeps them', () => {
    for (const seed of [1, 2, 3]) {
      const histogram = histogramOf(gaussianWithOutliers(seed));
      expect(calibratedRange(histogram, 'minmax')).toEqual({ min: -50, max: 50 });
      for (const method of ['percentile', 'entropy', 'mse'] as const) {
        const { min, max } = calibratedRange(histogram, method);
        // Clipped to under half the outlier (MSE balances the outlier's clipping error against 500,000 finer steps
        // near T ≈ 14), but not into the body of the distribution (|x| < 2 holds 95%).
        expect(max, `${method} upper edge`).toBeLessThan(25);
        expect(max, `${method} upper edge`).toBeGreaterThan(2);
        expect(-min, `${method} lower edge`).toBeLessThan(25);
        expect(-min, `${method} lower edge`).toBeGreaterThan(2);
      }
    }
  });

  it('on uniform values every method is within 2% of min-max', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const oneSided = histogramOf(Float64Array.from({ length: 50_000 }, () => random()));
      const twoSided = histogramOf(Float64Array.from({ length: 50_000 }, () => 4 * random() - 2));
      for (const histogram of [oneSided, twoSided]) {
        const reference = calibratedRange(histogram, 'minmax');
        for (const method of CALIBRATION_METHODS) {
          const { min, max } = calibratedRange(histogram, method);
          expect(max, method).toBeCloseTo(reference.max, 1);
          expect(Math.abs(max - reference.max) / reference.max, method).toBeLessThan(0.02);
          if (reference.min < 0) expect(Math.abs(min - reference.min) / -reference.min, method).toBeLessThan(0.02);
          else expect(min, method).toBe(reference.min);
        }
      }
    }
  });

  it('percentile cuts each tail where the given share of all values lies beyond it', () => {
    // 0.1, 0.2, …, 100.0: the 99th percentile leaves the top 10 values (99.1…100) beyond the edge.
    const histogram = histogramOf(Float64Array.from({ length: 1000 }, (_, i) => (i + 1) / 10));
    const { max } = calibratedRange(histogram, 'percentile', 99);
    expect(max).toBeGreaterThan(98.9);
    expect(max).toBeLessThan(99.2);
    expect(calibratedRange(histogram, 'percentile', 100).max).toBe(100);
  });

  it('a ReLU-like tensor keeps 0 as its lower edge and uses the whole grid on its one tail', () => {
    const normal = seededNormal(7);
    const histogram = histogramOf(Float64Array.from({ length: 50_000 }, () => Math.max(0, normal())));
    for (const method of CALIBRATION_METHODS) expect(calibratedRange(histogram, method).min).toBe(0);
    // With 255 steps on one tail the best MSE edge lies further out than with 127.5.
    expect(mseThreshold(histogram.positive, 255)).toBeGreaterThan(mseThreshold(histogram.positive, 127.5));
  });

  it('threshold functions never exceed the largest value and handle a single-value tail', () => {
    const single = new MagnitudeHistogram();
    for (let i = 0; i < 10; i++) single.add(3);
    expect(percentileThreshold(single, 0)).toBe(3);
    expect(entropyThreshold(single, 128)).toBe(3);
    expect(mseThreshold(single, 255)).toBeLessThanOrEqual(3);
    expect(mseThreshold(single, 255)).toBeGreaterThan(2.99);
  });
});
