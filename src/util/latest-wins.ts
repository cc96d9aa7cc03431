// Latest-wins scheduling for live predictions: at most one request in flight; inputs submitted meanwhile
// overwrite each other, and only the newest is sent once the in-flight one returns. Never a queue.

export interface LatestWinsHandlers<I, O> {
  run(input: I): Promise<O>;
  onResult(output: O, input: I): void;
  onError(error: unknown, input: I): void;
}

export class LatestWins<I, O> {
  private inFlight = false;
  private pending: { input: I } | null = null;

  constructor(private readonly handlers: LatestWinsHandlers<I, O>) {}

  submit(input: I): void {
    if (this.inFlight) {
      this.pending = { input };
      return;
    }
    void this.send(input);
  }

  /** Forget a waiting input (e.g. the canvas was cleared); the in-flight request still reports. */
  dropPending(): void {
    this.pending = null;
  }

  private async send(input: I): Promise<void> {
    this.inFlight = true;
    try {
      const output = await this.handlers.run(input);
      this.handlers.onResult(output, input);
    } catch (error) {
      this.handlers.onError(error, input);
    } finally {
      this.inFlight = false;
      const next = this.pending;
      this.pending = null;
      if (next) void this.send(next.input);
    }
  }
}
