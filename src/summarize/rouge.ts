// ROUGE F1 as defined by Lin (2004): tokens are lower-case alphanumeric runs (no stemming, no stopword removal),
// n-gram overlap is clipped by the counts on each side, ROUGE-L is the LCS over the whole token sequence.
import { words } from './tokens';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

function f1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (overlap === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const precision = overlap / candidateTotal;
  const recall = overlap / referenceTotal;
  return (2 * precision * recall) / (precision + recall);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

export function rougeOfTokens(candidate: readonly string[], reference: readonly string[]): RougeScores {
  return { rouge1: rougeN(candidate, reference, 1), rouge2: rougeN(candidate, reference, 2), rougeL: rougeL(candidate, reference) };
}

export function rouge(candidate: string, reference: string): RougeScores {
  return rougeOfTokens(words(candidate), words(reference));
}

/** Scores against every reference and averages them (the per-row convention of the evaluation). */
export function rougeMulti(candidate: string, references: readonly string[]): RougeScores {
  const tokens = words(candidate);
  return meanScores(references.map((reference) => rougeOfTokens(tokens, words(reference))));
}

export function meanScores(scores: readonly RougeScores[]): RougeScores {
  const n = Math.max(1, scores.length);
  return {
    rouge1: scores.reduce((s, x) => s + x.rouge1, 0) / n,
    rouge2: scores.reduce((s, x) => s + x.rouge2, 0) / n,
    rougeL: scores.reduce((s, x) => s + x.rougeL, 0) / n,
  };
}
