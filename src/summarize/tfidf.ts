// Sparse TF-IDF sentence vectors (unit length) and the similarity algebra the ranker needs. Sentences are the
// "documents" for IDF, as in LexRank, so the weights say what distinguishes sentences within this one text.
import { contentWords } from './tokens';

export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface TfidfSpace {
  vectors: SparseVector[];
  vocabularySize: number;
}

export function buildTfidf(sentenceTexts: readonly string[]): TfidfSpace {
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  const termCounts = sentenceTexts.map((text) => {
    const counts = new Map<number, number>();
    for (const word of contentWords(text)) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word, id);
        documentFrequency.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) documentFrequency[id]!++;
    return counts;
  });
  const n = sentenceTexts.length;
  const vectors = termCounts.map((counts) => {
    const ids = new Int32Array(counts.size);
    const weights = new Float64Array(counts.size);
    let k = 0;
    let norm = 0;
    for (const [id, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(1 + n / documentFrequency[id]!);
      ids[k] = id;
      weights[k] = weight;
      norm += weight * weight;
      k++;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { ids, weights };
  });
  return { vectors, vocabularySize: vocabulary.size };
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(v: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.ids.length; i++) sum += v.weights[i]! * dense[v.ids[i]!]!;
  return sum;
}

export function addScaled(dense: Float64Array, v: SparseVector, scale: number): void {
  for (let i = 0; i < v.ids.length; i++) dense[v.ids[i]!]! += scale * v.weights[i]!;
}

export function toDense(v: SparseVector, size: number): Float64Array {
  const dense = new Float64Array(size);
  addScaled(dense, v, 1);
  return dense;
}

export function selfDot(v: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < v.weights.length; i++) sum += v.weights[i]! * v.weights[i]!;
  return sum;
}

/**
 * Dot product of two sparse vectors in O(non-zeros), through `scratch`: a zeroed dense buffer of the vocabulary's
 * size, left zeroed again (one buffer serves every pair, so no pair costs a vocabulary-sized allocation).
 */
export function sparseDot(a: SparseVector, b: SparseVector, scratch: Float64Array): number {
  addScaled(scratch, b, 1);
  const dot = dotDense(a, scratch);
  for (let i = 0; i < b.ids.length; i++) scratch[b.ids[i]!] = 0;
  return dot;
}
