// The learned sentence scorer: gradient-boosted regression trees over the features of `features.ts`, trained by
// `npm run train:summarize` (XGBoost, binary logistic loss on greedy-oracle labels) and evaluated here in plain TS,
// so the summarize worker needs no runtime library. The score is a logit: bias + the sum of one leaf per tree.
import { FEATURE_NAMES } from './features';

/**
 * One regression tree as parallel arrays over its nodes (node 0 is the root). An inner node sends a row to `yes`
 * when `row[feature] < threshold` (compared in float32, as XGBoost does) and to `no` otherwise, NaN included;
 * a leaf has `feature` −1 and holds its value in `leaf`.
 */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  yes: number[];
  no: number[];
  leaf: number[];
}

export const SCORER_KIND = 'gradient-boosted-trees';

export interface ScorerModel {
  /** Always SCORER_KIND; a string here so a JSON import type-checks, and checked when the engine starts. */
  kind: string;
  features: readonly string[];
  trees: RegressionTree[];
  /** Logit every score starts from. */
  bias: number;
  /**
   * Added to the first sentence's logit. A prior chosen by cross-validation: highlight-style references (CNN/DM,
   * REALSumm) reward reading past the opening, SummEval's crowd-written ones reward keeping it.
   */
  openingBonus: number;
  /** MMR trade-off: how much similarity to an already chosen sentence costs, in logit units. */
  redundancyPenalty: number;
  /**
   * What the trainer's features and labels were when it wrote the model (models/tools/training-fingerprint.ts); a
   * test compares it with today's code. Absent in models that never left the trainer.
   */
  trainingFingerprint?: string;
}

const RETRAIN = 'run `npm run train:summarize`';

/** Throws (with what to do) unless `model` is a tree ensemble over exactly the engine's features, well formed. */
export function assertScorerMatchesFeatures(model: ScorerModel): void {
  if (model.kind !== SCORER_KIND || !Array.isArray(model.trees)) {
    throw new Error(`sentence-scorer.json is not a gradient-boosted tree model; ${RETRAIN}.`);
  }
  if (model.features.join(',') !== FEATURE_NAMES.join(',')) {
    throw new Error(`sentence-scorer.json was trained on other features; ${RETRAIN}.`);
  }
  model.trees.forEach((tree, t) => {
    const nodes = tree.feature.length;
    const inRange = (child: number, node: number) => Number.isInteger(child) && child > node && child < nodes;
    const sizes = [tree.threshold, tree.yes, tree.no, tree.leaf].map((a) => a.length);
    const broken =
      nodes === 0 ||
      sizes.some((size) => size !== nodes) ||
      tree.feature.some(
        (f, node) => f !== -1 && !(Number.isInteger(f) && f >= 0 && f < FEATURE_NAMES.length && inRange(tree.yes[node]!, node) && inRange(tree.no[node]!, node)),
      );
    if (broken) throw new Error(`sentence-scorer.json: tree ${t} is malformed; ${RETRAIN}.`);
  });
}

/** The tree's leaf value for one feature row. */
export function treeValue(tree: RegressionTree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] !== -1) {
    node = Math.fround(row[tree.feature[node]!]!) < tree.threshold[node]! ? tree.yes[node]! : tree.no[node]!;
  }
  return tree.leaf[node]!;
}

const IS_FIRST = FEATURE_NAMES.indexOf('is_first');

/**
 * Logit of one sentence being in a good summary. The opening bonus goes to the story's first sentence as the features
 * define it (`is_first`), so a title, byline or caption before it does not take the bonus.
 */
export function sentenceLogit(model: ScorerModel, row: ArrayLike<number>): number {
  let z = model.bias + (row[IS_FIRST] === 1 ? model.openingBonus : 0);
  for (const tree of model.trees) z += treeValue(tree, row);
  return z;
}

/** Logits of every sentence of a document, in order (`rows` from `documentFeatures`). */
export function scoreSentences(model: ScorerModel, rows: readonly ArrayLike<number>[]): Float64Array {
  return Float64Array.from(rows, (row) => sentenceLogit(model, row));
}
