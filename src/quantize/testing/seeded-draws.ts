/** Seeded draws and fresh tensor names for the generated test graphs (random-graphs.ts, transformer-graphs.ts). */
export class SeededDraws {
  private counter = 0;

  /** `random`: a seeded uniform [0, 1) source (`seededRandom` from src/util/prng.ts). */
  constructor(readonly random: () => number) {}

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** A whole number in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** `base` followed by a number no other name of this graph has. */
  fresh(base: string): string {
    return `${base}${this.counter++}`;
  }
}
