// The "Number of sentences" field's value, made valid: every entry the field can hold maps to a count it may show.

export const MIN_SENTENCES = 1;
export const MAX_SENTENCES = 50;

/**
 * The sentence count for a raw field value: rounded to a whole number and clamped to
 * [MIN_SENTENCES, MAX_SENTENCES]; an empty or non-numeric value gives MIN_SENTENCES. Never throws.
 */
export function sentenceCountFrom(raw: string): number {
  const value = Math.round(Number(raw));
  if (raw.trim() === '' || Number.isNaN(value)) return MIN_SENTENCES;
  return Math.min(MAX_SENTENCES, Math.max(MIN_SENTENCES, value));
}
