import { describe, expect, it } from 'vitest';
import { figureOf } from './stats';

describe('figureOf', () => {
  it('reports the median with min–max and interquartile spread', () => {
    expect(figureOf([5, 1, 4, 2, 3])).toEqual({ median: 3, min: 1, max: 5, q1: 2, q3: 4, n: 5 });
  });

  it('ignores failed (non-finite) repetitions and refuses when none is left', () => {
    expect(figureOf([2, Number.NaN, 4]).median).toBe(3);
    expect(() => figureOf([Number.NaN])).toThrow(/at least one/);
  });
});
