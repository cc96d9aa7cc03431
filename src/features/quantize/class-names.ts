/** Which class each model output means, for the lab's comparison (accuracy needs names; agreement and KL do not). */
import { msg, str } from '@lit/localize';
import { labelsFromConfig } from '../../sketch';

export interface ComparisonClasses {
  names: string[];
  /** Where the names came from: the model's config, the bundled sketch model's classes, or numbers. */
  source: 'config' | 'sketch' | 'numbered';
}

/**
 * Class names for a model with `outputSize` scores: its config's `id2label` when it has one; otherwise the sketch
 * classes when the output has exactly that many scores (a user's retrained sketch model), else "class 0", "class 1", …
 * Numbered classes match no drawing label, so accuracy is left out while agreement and KL are still measured.
 * Throws when `id2label` exists but is malformed (see labelsFromConfig).
 */
export function comparisonClasses(config: unknown, outputSize: number, sketchClasses: readonly string[]): ComparisonClasses {
  const id2label = (config as { id2label?: Record<string, string> } | null | undefined)?.id2label;
  if (id2label && Object.keys(id2label).length > 0) return { names: labelsFromConfig({ id2label }), source: 'config' };
  if (outputSize === sketchClasses.length) return { names: [...sketchClasses], source: 'sketch' };
  return { names: Array.from({ length: outputSize }, (_, i) => msg(str`class ${i}`, { id: 'quantize.class.numbered' })), source: 'numbered' };
}
