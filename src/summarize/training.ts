// Training data for the sentence scorer: each article's sentence features with labels from a greedy ROUGE oracle
// against its references. The trees themselves are fitted by models/tools/train_summarizer.py (XGBoost).
import { documentFeatures } from './features';
import { rougeMulti } from './rouge';
import { splitSentences } from './sentences';
import type { SummaryRow } from './evaluation';
import { LENGTH_PRESETS } from './extractive';
import { wordCount } from './tokens';

// Oracle summaries up to 1.2× a medium summary: more positives per article than 1×; 1.3× scored the same on
// CNN/DM and lower on REALSumm in cross-validation.
export const ORACLE_WORDS = Math.round(LENGTH_PRESETS.medium * 1.2);

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
