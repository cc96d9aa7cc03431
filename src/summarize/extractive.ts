// Extractive summarization: score every sentence with the learned scorer, pick greedily with maximal marginal
// relevance (a sentence similar to one already chosen costs), return the picks in document order. Page furniture
// (photo captions, video prompts) and fragments are skipped while story sentences remain.
import { documentFeatures, type DocumentFeatures } from './features';
import { assertScorerMatchesFeatures, scoreSentences, type ScorerModel } from './scorer';
import { joinSentences, splitSentences, type Sentence } from './sentences';
import { dotDense, toDense } from './tfidf';
import { words as sentenceTokens } from './tokens';
import defaultModel from './sentence-scorer.json';

export type LengthSetting = 'short' | 'medium' | 'long' | { sentences: number };

// Presets are word budgets, not sentence counts: news sentences run from 8 to 60 words, and a "medium" summary
// should read about the same length whichever sentences it picks. The budget may overrun by part of a sentence.
// Medium lands near 71 words on CNN/DailyMail, under Lead-3's 79; with the tree scorer 75 scored best in
// cross-validation against 70 and 80 (and, with the earlier scorer, 60 and a fixed three sentences).
export const LENGTH_PRESETS = { short: 35, medium: 75, long: 110 } as const;
export const DEFAULT_LENGTH: LengthSetting = 'medium';

export type Budget = { sentences: number } | { words: number };

export interface ExtractiveSummary {
  sentences: Sentence[];
  /** Indices into `sentences` of the chosen ones, ascending. */
  selected: number[];
  summary: string;
}

export function budgetFor(length: LengthSetting): Budget {
  return typeof length === 'string' ? { words: LENGTH_PRESETS[length] } : { sentences: Math.max(1, Math.floor(length.sentences)) };
}

export function summarizeExtractive(
  text: string,
  length: LengthSetting = DEFAULT_LENGTH,
  model: ScorerModel = defaultModel,
): ExtractiveSummary {
  const sentences = splitSentences(text);
  const selected = selectSentences(sentences, budgetFor(length), model);
  return { sentences, selected, summary: joinSentences(selected.map((i) => sentences[i]!)) };
}

// Stop once the budget is this full (and two sentences are chosen: one sentence is not yet a summary, and a long
// Japanese sentence alone can fill 80 % of a medium budget); a sentence may take the total at most this far past
// it; when the best sentence would go further, a summary this full is finished.
const WORD_BUDGET_FILL = 0.8;
export const WORD_BUDGET_OVERRUN = 1.2;
const WORD_BUDGET_ENOUGH = 0.6;

export function selectSentences(sentences: readonly Sentence[], budget: Budget, model: ScorerModel): number[] {
  assertScorerMatchesFeatures(model);
  const tokens = sentences.map((s) => sentenceTokens(s.text));
  if ('sentences' in budget && sentences.length <= budget.sentences) {
    // Everything is asked for: every sentence but the repeats of earlier ones.
    const kept: number[] = [];
    for (let i = 0; i < sentences.length; i++) {
      if (kept.every((k) => tokenOverlap(tokens[i]!, tokens[k]!) < NEAR_DUPLICATE_OVERLAP)) kept.push(i);
    }
    return kept;
  }
  return selectByFeatures(documentFeatures(sentences), budget, model, tokens);
}

// Two sentences sharing this share of their tokens are the same sentence: a summary never holds both.
export const NEAR_DUPLICATE_OVERLAP = 0.9;

/**
 * Shared tokens (counted with multiplicity) over the longer sentence's token count, 0–1: 1 for identical token
 * sequences in any order, ≥ 0.9 when at most a tenth of the longer sentence differs.
 */
export function tokenOverlap(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  if (Math.min(a.length, b.length) < NEAR_DUPLICATE_OVERLAP * longer) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(t, left - 1);
    }
  }
  return shared / longer;
}

/**
 * Selection on precomputed features (the trainer scores many candidate models on the same documents). With
 * `tokens` (each sentence's `words`), a sentence whose `tokenOverlap` with a chosen one is ≥ NEAR_DUPLICATE_OVERLAP
 * is never chosen, whatever the budget.
 */
export function selectByFeatures(
  { space, rows, wordCounts, skipped }: DocumentFeatures,
  budget: Budget,
  model: ScorerModel,
  tokens?: readonly (readonly string[])[],
): number[] {
  const sentenceCount = rows.length;
  const maxWords = 'words' in budget ? budget.words : Infinity;
  const maxSentences = 'sentences' in budget ? budget.sentences : sentenceCount;
  let words = 0;
  const relevance = scoreSentences(model, rows);
  const chosen: number[] = [];
  const maxSimilarity = new Float64Array(sentenceCount);
  const nothingElse = skipped.every((flag) => flag === 1);
  const available = Uint8Array.from(skipped, (flag) => (nothingElse || flag === 0 ? 1 : 0));
  while (chosen.length < maxSentences && (words < maxWords * WORD_BUDGET_FILL || chosen.length < 2)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < sentenceCount; i++) {
      if (!available[i]) continue;
      const value = relevance[i]! - model.redundancyPenalty * maxSimilarity[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    if (chosen.length > 0 && words + wordCounts[best]! > maxWords * WORD_BUDGET_OVERRUN) {
      // The best remaining sentence does not fit: a summary that is nearly full stops rather than padding
      // itself with whatever short sentence still fits; one long sentence is not yet a summary.
      if (chosen.length > 1 && words >= maxWords * WORD_BUDGET_ENOUGH) break;
      available[best] = 0;
      continue;
    }
    chosen.push(best);
    words += wordCounts[best]!;
    available[best] = 0;
    const picked = toDense(space.vectors[best]!, space.vocabularySize);
    for (let i = 0; i < sentenceCount; i++) {
      if (!available[i]) continue;
      if (tokens && tokenOverlap(tokens[i]!, tokens[best]!) >= NEAR_DUPLICATE_OVERLAP) available[i] = 0;
      else maxSimilarity[i] = Math.max(maxSimilarity[i]!, dotDense(space.vectors[i]!, picked));
    }
  }
  return chosen.sort((a, b) => a - b);
}
