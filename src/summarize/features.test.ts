import { describe, expect, it } from 'vitest';
import { documentFeatures, FEATURE_NAMES } from './features';
import { splitSentences } from './sentences';
import { buildTfidf, dotDense, sparseDot, toDense } from './tfidf';
import { seededRandom } from '../util/prng';

const feature = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);

describe('documentFeatures', () => {
  const text = 'The river flooded the town. The town council met about the flood. Bakers sold bread.';
  const { rows, wordCounts } = documentFeatures(splitSentences(text));

  it('gives position, novelty and neighbour similarity per sentence', () => {
    expect(wordCounts).toEqual([5, 7, 3]);
    expect(rows.map((r) => r[feature('word_position')])).toEqual([0, 5 / 15, 12 / 15]);
    expect(rows.map((r) => r[feature('log_sentences')])).toEqual([Math.log(4), Math.log(4), Math.log(4)]);
    // Content words: river flooded town | town council met flood | bakers sold bread.
    expect(rows.map((r) => r[feature('novelty')])).toEqual([1, 3 / 4, 1]);
    expect(rows[0]![feature('similarity_to_previous')]).toBe(0);
    expect(rows[2]![feature('similarity_to_next')]).toBe(0);
    expect(rows[0]![feature('similarity_to_next')]).toBeCloseTo(rows[1]![feature('similarity_to_previous')]!, 12);
    expect(rows[0]![feature('similarity_to_next')]).toBeGreaterThan(0);
    expect(rows[1]![feature('similarity_to_next')]).toBe(0);
  });

  it('gives a finite value for every feature of any text (generated documents)', () => {
    const pieces = ['Rain', 'fell', '3', '1,200', '"', "''", '``', '?', '!', 'the', 'and', '(', 'pictured', ')', ':', 'said', '—', 'über'];
    const next = seededRandom(7);
    for (let doc = 0; doc < 60; doc++) {
      const sentences = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(' ') + ' .',
      );
      const features = documentFeatures(splitSentences(sentences.join(' ')));
      for (const r of features.rows) {
        expect(r).toHaveLength(FEATURE_NAMES.length);
        for (const value of r) expect(Number.isFinite(value)).toBe(true);
      }
    }
  });
});

describe('sparseDot', () => {
  it('equals the dense dot product and leaves the scratch buffer zeroed', () => {
    const space = buildTfidf(['river town flood', 'town council flood flood', 'bread bakers', 'river bread']);
    const scratch = new Float64Array(space.vocabularySize);
    for (const a of space.vectors) {
      for (const b of space.vectors) {
        expect(sparseDot(a, b, scratch)).toBeCloseTo(dotDense(a, toDense(b, space.vocabularySize)), 12);
        expect(scratch.every((x) => x === 0)).toBe(true);
      }
    }
  });
});
