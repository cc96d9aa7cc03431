/** Protocol of `workers/summarize.worker.ts`: the extractive engine off the main thread (huge inputs take seconds). */
import type { LengthSetting } from './extractive';
import type { InputFailure } from './validation';

export type ExtractiveOutcome =
  | {
      ok: true;
      summary: string;
      /** Character spans of every sentence in the source, and which of them were chosen (ascending). */
      spans: { start: number; end: number }[];
      selected: number[];
      /** Time spent in the engine, ms. */
      engineMs: number;
    }
  | InputFailure;

export interface SummarizeWorkerApi {
  extract(text: string, length: LengthSetting): ExtractiveOutcome;
  /** The input checks alone (the abstractive path runs them here too: splitting 5 MB takes a while). */
  check(text: string): { ok: true } | InputFailure;
}
