import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeMulti } from './rouge';

describe('ROUGE F1 (worked examples)', () => {
  it('scores a candidate with one extra word', () => {
    // Candidate unigrams 7, reference 6, overlap 6: P 6/7, R 1 → F 12/13.
    // Bigrams: candidate 6, reference 5, overlap 4 ("the cat", "cat was", "under the", "the bed") → F 8/11.
    // LCS "the cat was under the bed" = 6 → same as ROUGE-1.
    const s = rouge('The cat was found under the bed.', 'the cat was under the bed');
    expect(s.rouge1).toBeCloseTo(12 / 13, 10);
    expect(s.rouge2).toBeCloseTo(8 / 11, 10);
    expect(s.rougeL).toBeCloseTo(12 / 13, 10);
  });

  it('clips repeated n-grams by the reference count', () => {
    // "the" ×4 against "the" ×1: overlap 1, P 1/4, R 1/2 → F 1/3.
    expect(rouge('the the the the', 'the cat').rouge1).toBeCloseTo(1 / 3, 10);
  });

  it('uses the longest common subsequence, not substring, for ROUGE-L', () => {
    expect(lcsLength(['a', 'b', 'c', 'd', 'e'], ['a', 'x', 'c', 'y', 'e'])).toBe(3);
    // P = R = 3/5.
    expect(rouge('a b c d e', 'a x c y e').rougeL).toBeCloseTo(0.6, 10);
  });

  it('ignores case and punctuation, so PTB spacing and prose agree', () => {
    expect(rouge("the team 's win , ' he said .", "The team's win, he said.").rouge2).toBeCloseTo(1, 10);
  });

  it('gives zero for empty or disjoint text', () => {
    expect(rouge('', 'a b').rouge1).toBe(0);
    expect(rouge('x y', 'a b').rougeL).toBe(0);
  });

  it('scores text without spaces on dictionary words', () => {
    // 東京|は|晴れ|です against 東京|は|雨|です: 3 of 4 unigrams, 1 of 3 bigrams ("東京 は").
    const s = rouge('東京は晴れです。', '東京は雨です。');
    expect(s.rouge1).toBeCloseTo(3 / 4, 10);
    expect(s.rouge2).toBeCloseTo(1 / 3, 10);
  });

  it('averages over references', () => {
    const s = rougeMulti('a b', ['a b', 'c d']);
    expect(s.rouge1).toBeCloseTo(0.5, 10);
  });
});
