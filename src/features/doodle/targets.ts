// Which classes a round asks for: the ones the model recognises reliably (measured per-class accuracy),
// shuffled so every round feels different.

export interface ClassQuality {
  label: string;
  /** Measured top-1 accuracy of the model on held-out drawings of this class, 0..1 (undefined when unmeasured). */
  accuracy?: number;
}

export interface DeckOptions {
  /** Classes at or above this accuracy are fair targets. */
  minAccuracy: number;
  /** Below this many fair classes, the best-measured ones fill the deck so a round never runs dry. */
  minSize: number;
}

export const DEFAULT_DECK_OPTIONS: DeckOptions = { minAccuracy: 0.93, minSize: 6 };

export function fairTargets(classes: readonly ClassQuality[], options: DeckOptions = DEFAULT_DECK_OPTIONS): string[] {
  const measured = classes.filter((c) => c.accuracy !== undefined);
  if (measured.length === 0) return classes.map((c) => c.label);
  const byAccuracy = [...measured].sort((a, b) => b.accuracy! - a.accuracy!);
  const fair = byAccuracy.filter((c) => c.accuracy! >= options.minAccuracy);
  const chosen = fair.length >= options.minSize ? fair : byAccuracy.slice(0, options.minSize);
  return chosen.map((c) => c.label);
}

/** Fisher–Yates with a caller-supplied random source in [0, 1). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function makeDeck(
  classes: readonly ClassQuality[],
  random: () => number,
  options: DeckOptions = DEFAULT_DECK_OPTIONS,
): string[] {
  return shuffled(fairTargets(classes, options), random);
}

/** The English article before a target's name in the prompt: "a fish", "an eye". */
export function indefiniteArticle(label: string): 'a' | 'an' {
  return /^[aeiou]/i.test(label) ? 'an' : 'a';
}
