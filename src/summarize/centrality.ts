// Continuous LexRank: PageRank over the complete cosine-similarity graph of TF-IDF sentence vectors.
// The similarity matrix is V·Vᵀ, so each power iteration is done as V·(Vᵀ·x) in O(non-zeros) instead of O(n²):
// a 5 MB text with tens of thousands of sentences ranks in linear time.
import { addScaled, dotDense, selfDot, type TfidfSpace } from './tfidf';

const DAMPING = 0.85;
const ITERATIONS = 30;

/** Stationary scores scaled so the average sentence scores 1 (comparable across document lengths). */
export function lexRank(space: TfidfSpace): Float64Array {
  const { vectors, vocabularySize } = space;
  const n = vectors.length;
  const scores = new Float64Array(n).fill(1 / Math.max(1, n));
  if (n <= 1) return scores.fill(1);
  const total = new Float64Array(vocabularySize);
  for (const v of vectors) addScaled(total, v, 1);
  const self = vectors.map(selfDot);
  // A sentence's degree: its similarity to every other sentence.
  const degree = vectors.map((v, i) => dotDense(v, total) - self[i]!);
  const flow = new Float64Array(vocabularySize);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    flow.fill(0);
    let danglingMass = 0;
    for (let i = 0; i < n; i++) {
      if (degree[i]! > 1e-12) addScaled(flow, vectors[i]!, scores[i]! / degree[i]!);
      else danglingMass += scores[i]!;
    }
    const next = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const incoming = degree[j]! > 1e-12 ? dotDense(vectors[j]!, flow) - (self[j]! * scores[j]!) / degree[j]! : 0;
      next[j] = (1 - DAMPING) / n + DAMPING * (incoming + danglingMass / n);
    }
    scores.set(next);
  }
  for (let i = 0; i < n; i++) scores[i]! *= n;
  return scores;
}
