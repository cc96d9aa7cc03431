// Fits the sentence scorer: labels come from a greedy ROUGE oracle against the references, the model is an
// L2-regularised logistic regression over standardised features (full-batch gradient descent: the data is small).
import { documentFeatures, FEATURE_NAMES } from './features';
import { rougeMulti } from './rouge';
import type { ScorerModel } from './scorer';
import { splitSentences } from './sentences';
import type { SummaryRow } from './evaluation';
import { wordCount } from './tokens';

/** One document's sentence features and oracle labels (1 = in the oracle summary). */
export interface LabelledDocument {
  rows: Float64Array[];
  labels: number[];
}

/**
 * Greedy oracle under the default word budget: repeatedly add the sentence that raises mean ROUGE-1/2 F1 the
 * most while the summary stays within budget; the chosen sentences are the positives.
 */
export function oracleLabels(sentenceTexts: readonly string[], references: readonly string[], maxWords: number): number[] {
  const labels = sentenceTexts.map(() => 0);
  const lengths = sentenceTexts.map(wordCount);
  const chosen: number[] = [];
  let bestSoFar = 0;
  let words = 0;
  for (;;) {
    let bestIndex = -1;
    for (let i = 0; i < sentenceTexts.length; i++) {
      if (labels[i] || words + lengths[i]! > maxWords) continue;
      const candidate = [...chosen, i].sort((a, b) => a - b).map((k) => sentenceTexts[k]).join(' ');
      const s = rougeMulti(candidate, references);
      const value = (s.rouge1 + s.rouge2) / 2;
      if (value > bestSoFar) {
        bestSoFar = value;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) break;
    labels[bestIndex] = 1;
    chosen.push(bestIndex);
    words += lengths[bestIndex]!;
  }
  return labels;
}

export function labelRows(rows: readonly SummaryRow[], oracleWords: number): LabelledDocument[] {
  return rows.map((row) => {
    const sentences = splitSentences(row.article);
    return {
      rows: documentFeatures(sentences).rows,
      labels: oracleLabels(sentences.map((s) => s.text), row.references, oracleWords),
    };
  });
}

export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
  redundancyPenalty: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 1e-2, iterations: 1000, learningRate: 0.5, redundancyPenalty: 1 };

function standardiser(rows: readonly Float64Array[]): { mean: number[]; std: number[] } {
  const d = FEATURE_NAMES.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const row of rows) for (let k = 0; k < d; k++) mean[k]! += row[k]! / rows.length;
  for (const row of rows) for (let k = 0; k < d; k++) std[k]! += (row[k]! - mean[k]!) ** 2 / rows.length;
  return { mean, std: std.map((v) => Math.sqrt(v) || 1) };
}

export function fitScorer(documents: readonly LabelledDocument[], options: FitOptions = DEFAULT_FIT): ScorerModel {
  const d = FEATURE_NAMES.length;
  const rows = documents.flatMap((doc) => doc.rows);
  const labels = documents.flatMap((doc) => doc.labels);
  const { mean, std } = standardiser(rows);
  const x = rows.map((row) => row.map((v, k) => (v - mean[k]!) / std[k]!));
  const m = x.length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const gradient = new Array<number>(d).fill(0);
    let biasGradient = 0;
    for (let i = 0; i < m; i++) {
      let z = bias;
      for (let k = 0; k < d; k++) z += weights[k]! * x[i]![k]!;
      const error = 1 / (1 + Math.exp(-z)) - labels[i]!;
      for (let k = 0; k < d; k++) gradient[k]! += (error * x[i]![k]!) / m;
      biasGradient += error / m;
    }
    for (let k = 0; k < d; k++) weights[k]! -= options.learningRate * (gradient[k]! + options.l2 * weights[k]!);
    bias -= options.learningRate * biasGradient;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    features: [...FEATURE_NAMES],
    mean: mean.map(round),
    std: std.map(round),
    weights: weights.map(round),
    bias: round(bias),
    redundancyPenalty: options.redundancyPenalty,
  };
}
