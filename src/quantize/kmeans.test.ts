import { describe, expect, it } from 'vitest';
import { kMeans1d, nearest } from './kmeans';
import { seededNormal } from '../util/prng';

describe('kMeans1d', () => {
  it('finds well-separated clusters at their means', () => {
    const values = [0.9, 1, 1.1, 4.8, 5, 5.2, -3.1, -3, -2.9];
    const { centroids, assignments } = kMeans1d(values, 3);
    expect(Array.from(centroids).map((c) => Number(c.toFixed(5)))).toEqual([-3, 1, 5]);
    expect(Array.from(assignments)).toEqual([1, 1, 1, 2, 2, 2, 0, 0, 0]);
  });

  it('reaches the Lloyd fixed point: each centre is the mean of the values nearest to it', () => {
    const normal = seededNormal(9);
    const values = Float32Array.from({ length: 5000 }, normal);
    const { centroids, assignments } = kMeans1d(values, 16, { seed: 3 });
    for (let c = 0; c < centroids.length; c++) {
      const members = Array.from(values).filter((_, i) => assignments[i] === c);
      expect(members.length).toBeGreaterThan(0);
      expect(centroids[c]).toBeCloseTo(members.reduce((a, b) => a + b, 0) / members.length, 4);
    }
    for (let i = 0; i < values.length; i++) expect(assignments[i]).toBe(nearest(centroids, values[i]));
  });

  it('is reproducible for a seed and has a lower squared error than evenly spaced levels on normal data', () => {
    const normal = seededNormal(2);
    const values = Float32Array.from({ length: 4000 }, normal);
    const first = kMeans1d(values, 16, { seed: 7 });
    expect(Array.from(kMeans1d(values, 16, { seed: 7 }).centroids)).toEqual(Array.from(first.centroids));
    const mse = (centres: Float32Array) => values.reduce((sum, v) => sum + (v - centres[nearest(centres, v)]) ** 2, 0) / values.length;
    const min = Math.min(...values);
    const max = Math.max(...values);
    const uniform = Float32Array.from({ length: 16 }, (_, i) => min + ((i + 0.5) * (max - min)) / 16);
    expect(mse(first.centroids)).toBeLessThan(mse(uniform));
  });

  it('returns the distinct values when there are no more than k', () => {
    const { centroids, assignments, iterations } = kMeans1d([2, 2, -1, 2, -1], 16);
    expect(Array.from(centroids)).toEqual([-1, 2]);
    expect(Array.from(assignments)).toEqual([1, 1, 0, 1, 0]);
    expect(iterations).toBe(0);
  });

  it('refuses k outside 1…256 and empty data', () => {
    expect(() => kMeans1d([1], 0)).toThrow(/k must be/);
    expect(() => kMeans1d([1], 257)).toThrow(/k must be/);
    expect(() => kMeans1d([], 4)).toThrow(/at least one value/);
  });
});

describe('nearest', () => {
  it('picks the closest centre, the lower one on a tie', () => {
    const centres = Float32Array.of(-1, 0, 2);
    expect([-5, -0.6, -0.5, 0.9, 1, 1.1, 9].map((v) => nearest(centres, v))).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });
});
