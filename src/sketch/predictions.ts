import { softmax } from '../util/softmax';

/** One class the model considers, with its softmax probability (0–1). */
export interface SketchPrediction {
  readonly label: string;
  readonly probability: number;
}

/** The `k` most likely classes, most likely first, from one drawing's logits. */
export function topPredictions(logits: ArrayLike<number>, labels: readonly string[], k = 5): SketchPrediction[] {
  if (logits.length !== labels.length) {
    throw new Error(`The model returned ${logits.length} scores for ${labels.length} labels.`);
  }
  return Array.from(softmax(logits), (probability, index) => ({ label: labels[index], probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, k);
}

/** Ordered class names from a transformers.js-style config.json (`id2label` keyed by class index). */
export function labelsFromConfig(config: { readonly id2label?: Readonly<Record<string, string>> }): string[] {
  const entries = Object.entries(config.id2label ?? {});
  if (entries.length === 0) throw new Error('The model config has no id2label: its classes are unknown.');
  const labels: string[] = [];
  for (const [index, label] of entries) {
    const id = Number(index);
    if (!Number.isInteger(id) || id < 0 || id >= entries.length) {
      throw new Error(`The model config's id2label has an invalid class index "${index}".`);
    }
    labels[id] = label;
  }
  return labels;
}
