// The learned sentence scorer: logistic regression over standardised features. Weights come from
// `npm run train:summarize` (models/tools/train-summarizer.ts) and live in sentence-scorer.json.
import { FEATURE_NAMES } from './features';

export interface ScorerModel {
  features: readonly string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** MMR trade-off: how much similarity to an already chosen sentence costs, in logit units. */
  redundancyPenalty: number;
}

export function assertScorerMatchesFeatures(model: ScorerModel): void {
  if (model.features.join(',') !== FEATURE_NAMES.join(',')) {
    throw new Error('sentence-scorer.json was trained on other features; run `npm run train:summarize`.');
  }
}

export function logit(model: ScorerModel, row: Float64Array): number {
  let z = model.bias;
  for (let k = 0; k < row.length; k++) z += model.weights[k]! * ((row[k]! - model.mean[k]!) / model.std[k]!);
  return z;
}
