/** How well a classifier did on labelled drawings. Fractions are 0–1. */
export interface SketchScores {
  readonly n: number;
  readonly top1: number;
  readonly top5: number;
  readonly perClass: Record<string, { readonly n: number; readonly top1: number }>;
  /** Most frequent mistakes, most frequent first. */
  readonly confusedPairs: { readonly actual: string; readonly predicted: string; readonly count: number }[];
}

/** Indices of the k largest values, largest first. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  return Array.from(values, (value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value)
    .slice(0, k)
    .map((entry) => entry.index);
}

export function scoreLogits(logits: readonly ArrayLike<number>[], truth: readonly number[], labels: readonly string[], pairs = 8): SketchScores {
  const counts = labels.map(() => ({ n: 0, correct: 0 }));
  const confusions = new Map<string, number>();
  let correct1 = 0;
  let correct5 = 0;
  logits.forEach((row, i) => {
    const top = topIndices(row, 5);
    const actual = truth[i];
    counts[actual].n++;
    if (top[0] === actual) {
      correct1++;
      counts[actual].correct++;
    } else {
      const key = `${actual}\u0000${top[0]}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (top.includes(actual)) correct5++;
  });
  const perClass: Record<string, { n: number; top1: number }> = {};
  labels.forEach((label, index) => {
    if (counts[index].n > 0) perClass[label] = { n: counts[index].n, top1: counts[index].correct / counts[index].n };
  });
  const confusedPairs = [...confusions.entries()]
    .map(([key, count]) => {
      const [actual, predicted] = key.split('\u0000').map(Number);
      return { actual: labels[actual], predicted: labels[predicted], count };
    })
    .sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual))
    .slice(0, pairs);
  const n = logits.length;
  return { n, top1: n ? correct1 / n : 0, top5: n ? correct5 / n : 0, perClass, confusedPairs };
}
