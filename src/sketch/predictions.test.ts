import { describe, expect, it } from 'vitest';
import { labelsFromConfig, topPredictions } from './predictions';

describe('topPredictions', () => {
  it('ranks classes by softmax probability', () => {
    const top = topPredictions([0, 2, 1], ['cat', 'star', 'fish'], 2);
    expect(top.map((p) => p.label)).toEqual(['star', 'fish']);
    expect(top[0].probability).toBeCloseTo(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2)), 6);
  });

  it('refuses logits that do not match the labels', () => {
    expect(() => topPredictions([1, 2], ['cat'])).toThrow(/2 scores for 1 labels/);
  });
});

describe('labelsFromConfig', () => {
  it('orders labels by class index', () => {
    expect(labelsFromConfig({ id2label: { '1': 'star', '0': 'cat' } })).toEqual(['cat', 'star']);
  });

  it('explains a config without classes or with a bad index', () => {
    expect(() => labelsFromConfig({})).toThrow(/no id2label/);
    expect(() => labelsFromConfig({ id2label: { '5': 'cat' } })).toThrow(/invalid class index "5"/);
  });
});
