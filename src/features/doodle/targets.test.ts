import { describe, expect, it } from 'vitest';
import { fairTargets, makeDeck, shuffled, indefiniteArticle } from './targets';

const measured = [
  { label: 'cat', accuracy: 0.8 },
  { label: 'circle', accuracy: 0.99 },
  { label: 'star', accuracy: 0.97 },
  { label: 'fish', accuracy: 0.9 },
  { label: 'eye', accuracy: 0.6 },
];

describe('target deck', () => {
  it('keeps the classes the model recognises reliably', () => {
    expect(fairTargets(measured, { minAccuracy: 0.85, minSize: 2 })).toEqual(['circle', 'star', 'fish']);
  });

  it('fills up with the best-measured classes when too few pass the bar', () => {
    expect(fairTargets(measured, { minAccuracy: 0.98, minSize: 4 })).toEqual(['circle', 'star', 'fish', 'cat']);
  });

  it('uses every class when nothing was measured', () => {
    expect(fairTargets([{ label: 'a' }, { label: 'b' }])).toEqual(['a', 'b']);
  });

  it('shuffles deterministically for a given random source and keeps every item once', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const deck = makeDeck(measured, random, { minAccuracy: 0, minSize: 1 });
    expect([...deck].sort()).toEqual(['cat', 'circle', 'eye', 'fish', 'star']);
    expect(shuffled([1, 2, 3, 4, 5, 6], () => 0)).toEqual([2, 3, 4, 5, 6, 1]);
  });

  it('names targets with the right article', () => {
    expect(indefiniteArticle('fish')).toBe('a');
    expect(indefiniteArticle('eye')).toBe('an');
    expect(indefiniteArticle('airplane')).toBe('an');
  });
});
