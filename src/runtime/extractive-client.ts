// The page's handle on workers/summarize.worker.ts (input checks + extractive engine): one worker for the page's
// lifetime, started ahead of need.
import * as Comlink from 'comlink';
import type { LengthSetting } from '../summarize/extractive';
import type { ExtractiveOutcome, SummarizeWorkerApi } from '../summarize/worker-api';

export class ExtractiveClient {
  private worker: Worker | undefined;
  private api: Comlink.Remote<SummarizeWorkerApi> | undefined;

  private remote(): Comlink.Remote<SummarizeWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../workers/summarize.worker.ts', import.meta.url), { type: 'module', name: 'summarize' });
      this.api = Comlink.wrap<SummarizeWorkerApi>(this.worker);
    }
    return this.api;
  }

  /** Starts the worker so the first summary does not pay for it. */
  warmUp(): void {
    this.remote();
  }

  extract(text: string, length: LengthSetting): Promise<ExtractiveOutcome> {
    return this.remote().extract(text, length);
  }

  check(text: string): Promise<ReturnType<SummarizeWorkerApi['check']>> {
    return this.remote().check(text);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
  }
}
