import { describe, expect, it } from 'vitest';
import { documentFeatures, FEATURE_NAMES } from './features';
import { splitSentences } from './sentences';
import { assertScorerMatchesFeatures, scoreSentences, SCORER_KIND, treeValue, type RegressionTree, type ScorerModel } from './scorer';
import shipped from './sentence-scorer.json';

const LEAF = -1;
// Root splits on feature 0 at 0.5; its "no" child splits on feature 2 at 10.
const STUMP_PAIR: RegressionTree = {
  feature: [0, LEAF, 2, LEAF, LEAF],
  threshold: [0.5, 0, 10, 0, 0],
  yes: [1, -1, 3, -1, -1],
  no: [2, -1, 4, -1, -1],
  leaf: [0, -1, 0, 0.25, 2],
};
const CONSTANT: RegressionTree = { feature: [LEAF], threshold: [0], yes: [-1], no: [-1], leaf: [0.5] };

function model(overrides: Partial<ScorerModel> = {}): ScorerModel {
  return {
    kind: SCORER_KIND,
    features: [...FEATURE_NAMES],
    trees: [STUMP_PAIR, CONSTANT],
    bias: 0.1,
    openingBonus: 3,
    redundancyPenalty: 2,
    ...overrides,
  };
}

const row = (values: Record<number, number>) => Array.from(FEATURE_NAMES, (_, k) => values[k] ?? 0);

describe('tree scorer', () => {
  it('walks each tree to its leaf: yes when the feature is below the threshold', () => {
    expect(treeValue(STUMP_PAIR, row({ 0: 0.2 }))).toBe(-1);
    expect(treeValue(STUMP_PAIR, row({ 0: 0.7, 2: 3 }))).toBe(0.25);
    expect(treeValue(STUMP_PAIR, row({ 0: 0.7, 2: 10 }))).toBe(2);
  });

  it('compares in float32 as XGBoost does, and sends NaN to the "no" side', () => {
    // 0.1 is below float32(0.1) as a double, but equal to it in float32: XGBoost goes right.
    const tree: RegressionTree = { ...CONSTANT, feature: [0, LEAF, LEAF], threshold: [Math.fround(0.1), 0, 0], yes: [1, -1, -1], no: [2, -1, -1], leaf: [0, 1, 2] };
    expect(treeValue(tree, row({ 0: 0.1 }))).toBe(2);
    expect(treeValue(tree, row({ 0: 0.09999 }))).toBe(1);
    expect(treeValue(tree, row({ 0: Number.NaN }))).toBe(2);
  });

  it('scores a sentence as bias + one leaf per tree, with the opening bonus on the first sentence only', () => {
    const rows = [row({ 0: 1, 2: 20 }), row({ 0: 0.7, 2: 20 }), row({ 0: 0 })];
    expect(Array.from(scoreSentences(model(), rows))).toEqual([0.1 + 3 + 2 + 0.5, 0.1 + 2 + 0.5, 0.1 - 1 + 0.5]);
  });

  it('gives the opening bonus to the story\'s first sentence, not to a title or byline above it', () => {
    const sentences = splitSentences(
      'Quarterly library report\n\nThe council approved a larger library budget on Monday. Opening hours will grow in May. Staff welcomed the plan. Readers asked for more books.',
    );
    const scores = scoreSentences(model({ trees: [], bias: 0 }), documentFeatures(sentences).rows);
    expect(Array.from(scores)).toEqual([0, 3, 0, 0, 0]);
  });
});

describe('assertScorerMatchesFeatures', () => {
  it('accepts the shipped model and a well-formed one', () => {
    expect(() => assertScorerMatchesFeatures(shipped)).not.toThrow();
    expect(() => assertScorerMatchesFeatures(model())).not.toThrow();
  });

  it('refuses a model of another kind (the earlier logistic-regression file) or other features, saying to retrain', () => {
    const logistic = { features: [...FEATURE_NAMES], mean: [], std: [], weights: [], bias: 0, redundancyPenalty: 1 } as unknown as ScorerModel;
    expect(() => assertScorerMatchesFeatures(logistic)).toThrow(/not a gradient-boosted tree model; run `npm run train:summarize`/);
    expect(() => assertScorerMatchesFeatures(model({ features: FEATURE_NAMES.slice(1) }))).toThrow(/other features/);
    expect(() => assertScorerMatchesFeatures(model({ features: [...FEATURE_NAMES].reverse() }))).toThrow(/other features/);
  });

  it('refuses every malformed tree: a bad child, feature index or array length', () => {
    const broken: RegressionTree[] = [];
    const fields = ['feature', 'yes', 'no'] as const;
    // Every inner node, every field, every kind of bad value: out of range, pointing back (a cycle), not an integer.
    for (const field of fields) {
      for (const node of [0, 2]) {
        const badValues = field === 'feature' ? [FEATURE_NAMES.length, -2, 1.5] : [node, 0, STUMP_PAIR.feature.length, 1.5];
        for (const value of badValues) {
          const tree = structuredClone(STUMP_PAIR);
          tree[field][node] = value;
          broken.push(tree);
        }
      }
    }
    for (const field of ['feature', 'threshold', 'yes', 'no', 'leaf'] as const) {
      const tree = structuredClone(STUMP_PAIR);
      tree[field].pop();
      broken.push(tree);
    }
    broken.push({ feature: [], threshold: [], yes: [], no: [], leaf: [] });
    for (const tree of broken) {
      expect(() => assertScorerMatchesFeatures(model({ trees: [CONSTANT, tree] }))).toThrow(/tree 1 is malformed/);
    }
  });
});
