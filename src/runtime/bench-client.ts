// The inference client with in-worker timing, so raw model latency is measured without the message round trip.
import type { TensorMap } from './protocol';
import { InferenceClient } from './worker-client';

export class BenchClient extends InferenceClient {
  /** Milliseconds of each of `runs` back-to-back runs of the loaded model, timed inside the worker. */
  timeRuns(inputs: TensorMap, runs: number): Promise<number[]> {
    return this.call((api) => api.timeRuns(inputs, runs));
  }
}
