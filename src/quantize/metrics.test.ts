import { describe, expect, it } from 'vitest';
import { softmax } from '../util/softmax';
import { accuracy, argmax, meanKlDivergence, perClassAccuracy, top1Agreement } from './metrics';

describe('top-1 agreement', () => {
  it('counts samples whose best class matches', () => {
    const reference = [[0.1, 0.9, 0], [2, 1, 0], [0, 0, 5], [1, 3, 2]];
    const candidate = [[0, 1, 0.2], [1, 2, 0], [0, 0, 4], [1, 2.5, 2]];
    expect(top1Agreement(reference, candidate)).toBe(0.75);
  });

  it('refuses output lists of different lengths', () => {
    expect(() => top1Agreement([[1, 0]], [])).toThrow(/1 reference outputs with 0 candidate/);
  });
});

describe('KL divergence of softmax outputs', () => {
  it('is 0 for identical outputs and for logits shifted by a constant', () => {
    expect(meanKlDivergence([[1, 2, 3]], [[1, 2, 3]])).toBe(0);
    expect(meanKlDivergence([[1, 2, 3]], [[11, 12, 13]])).toBeCloseTo(0, 12);
  });

  it('matches a hand-computed value', () => {
    // P = softmax([0, ln 3]) = [0.25, 0.75], Q = [0.5, 0.5]: 0.25 ln 0.5 + 0.75 ln 1.5
    const expected = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
    expect(meanKlDivergence([[0, Math.log(3)]], [[0, 0]])).toBeCloseTo(expected, 12);
    expect(meanKlDivergence([[0, Math.log(3)], [0, 0]], [[0, 0], [0, 0]])).toBeCloseTo(expected / 2, 12);
  });

  it('stays finite when the candidate rules a class out', () => {
    const kl = meanKlDivergence([[0, 0]], [[0, -1e4]]);
    expect(Number.isFinite(kl)).toBe(true);
    expect(kl).toBeGreaterThan(10);
  });
});

describe('softmax and argmax', () => {
  it('handles large logits without overflow', () => {
    expect(Array.from(softmax([1000, 1000]))).toEqual([0.5, 0.5]);
    expect(argmax([-3, 7, 7, 1])).toBe(1);
  });
});

describe('accuracy', () => {
  it('is the share of samples whose best class is the label', () => {
    expect(accuracy([[0, 1], [1, 0], [0, 1], [0.2, 0.1]], [1, 1, 1, 0])).toBe(0.75);
  });
});

describe('per-class accuracy', () => {
  it('counts right answers per true class and leaves classes without samples at 0 of 0', () => {
    const outputs = [[0, 1, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1]];
    expect(perClassAccuracy(outputs, [1, 0, 0, 2], 4)).toEqual([
      { correct: 1, total: 2 },
      { correct: 1, total: 1 },
      { correct: 1, total: 1 },
      { correct: 0, total: 0 },
    ]);
    expect(() => perClassAccuracy([[1]], [5], 1)).toThrow(/outside the model's 1 classes/);
  });
});
