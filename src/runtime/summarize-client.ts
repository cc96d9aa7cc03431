// The inference worker client with the summarization methods (workers/inference.worker.ts exposes them).
import * as Comlink from 'comlink';
import type { SummarizeEvent, SummarizeOptions } from './protocol';
import { InferenceClient } from './worker-client';

export class SummarizeClient extends InferenceClient {
  summarize(text: string, options: SummarizeOptions, onEvent: (event: SummarizeEvent) => void): Promise<string> {
    return this.call((api) => api.summarize(text, options, Comlink.proxy(onEvent)));
  }

  /** Stops the running summary after its current token; `summarize()` then resolves with the text so far. */
  cancel(): Promise<void> {
    return this.call(async (api) => api.cancel());
  }
}
