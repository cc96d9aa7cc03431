import { describe, expect, it } from 'vitest';
import shipped from '../../src/summarize/sentence-scorer.json';
import { labelRows } from '../../src/summarize/training';
import { trainingFingerprint } from './training-fingerprint';

describe('the shipped sentence scorer', () => {
  it('was trained on the features and labels the code computes today', () => {
    expect(
      shipped.trainingFingerprint,
      'sentence splitting, features, tokens or oracle labels changed since sentence-scorer.json was written: ' +
        'run `npm run train:summarize` (needs ../shared/data/summarization) and commit the model and the README numbers',
    ).toBe(trainingFingerprint());
  });
});

describe('trainingFingerprint', () => {
  const today = trainingFingerprint();
  it.each([
    ['a feature value in the last column moves by a millionth', (rows: Float64Array[]) => (rows.at(-1)![rows[0]!.length - 1]! += 1e-6)],
    ['a feature value in the first column moves by a millionth', (rows: Float64Array[]) => (rows[0]![0]! += 1e-6)],
  ])('changes when %s', (_, change) => {
    const changed = trainingFingerprint((rows, words) => labelRows(rows, words).map((doc) => (change(doc.rows), doc)));
    expect(changed).not.toBe(today);
  });

  it('changes when one oracle label flips', () => {
    const changed = trainingFingerprint((rows, words) =>
      labelRows(rows, words).map((doc, d) => (d === 2 ? { ...doc, labels: doc.labels.map((l, i) => (i === 0 ? 1 - l : l)) } : doc)),
    );
    expect(changed).not.toBe(today);
  });

  it('does not change on an unchanged run', () => {
    expect(trainingFingerprint()).toBe(today);
  });
});
