import { describe, expect, it } from 'vitest';
import { scoreLogits, topIndices } from './sketch-scores';

const labels = ['cat', 'fish', 'star', 'sun', 'moon', 'tree'];
const oneHot = (index: number, second = (index + 1) % labels.length) =>
  labels.map((_, i) => (i === index ? 2 : i === second ? 1 : 0));

describe('scoreLogits', () => {
  it('counts top-1, top-5, per-class accuracy and the most confused pairs', () => {
    const logits = [oneHot(0), oneHot(0), oneHot(1, 0), oneHot(1, 5), oneHot(2)];
    const scores = scoreLogits(logits, [0, 0, 0, 1, 2], labels);
    expect(scores.n).toBe(5);
    expect(scores.top1).toBeCloseTo(4 / 5);
    expect(scores.top5).toBe(1);
    expect(scores.perClass.cat).toEqual({ n: 3, top1: 2 / 3 });
    expect(scores.perClass.sun).toBeUndefined();
    expect(scores.confusedPairs).toEqual([{ actual: 'cat', predicted: 'fish', count: 1 }]);
  });

  it('misses top-5 when the true class ranks sixth', () => {
    const scores = scoreLogits([[0, 5, 4, 3, 2, 1]], [0], labels);
    expect(scores.top5).toBe(0);
  });
});

describe('topIndices', () => {
  it('lists the largest values first', () => {
    expect(topIndices([0.1, 0.9, 0.5], 2)).toEqual([1, 2]);
  });
});
