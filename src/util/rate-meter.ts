// Predictions per second and their mean round-trip time over a sliding window, fed from an injected clock.

export class RateMeter {
  private readonly done: { at: number; ms: number }[] = [];

  constructor(private readonly windowMs = 1000) {}

  /** One prediction finished at `now` after taking `ms` (rasterise + model + transfer). */
  record(now: number, ms: number): void {
    this.done.push({ at: now, ms });
    this.evict(now);
  }

  /** Completions per second within the window that ends at `now`. */
  rate(now: number): number {
    this.evict(now);
    return (this.done.length * 1000) / this.windowMs;
  }

  /** Mean milliseconds per prediction within the window, or null when none finished in it. */
  meanMs(now: number): number | null {
    this.evict(now);
    if (this.done.length === 0) return null;
    return this.done.reduce((sum, d) => sum + d.ms, 0) / this.done.length;
  }

  private evict(now: number): void {
    while (this.done.length > 0 && this.done[0]!.at <= now - this.windowMs) this.done.shift();
  }
}
