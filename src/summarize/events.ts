// What an abstractive summary run takes and reports; the inference worker's protocol (src/runtime/protocol.ts)
// carries these, the summarizer (abstractive.ts) defines them.

export interface SummarizeOptions {
  maxNewTokens?: number;
  minNewTokens?: number;
}

/** Where a long document's map-reduce summarization is: one chunk of a round, or combining the chunk summaries. */
export type SummarizeProgress = { stage: 'chunk'; index: number; total: number; round: number } | { stage: 'combine'; round: number };

/** What a running summary reports, in order on one channel: streamed text, or a new map-reduce stage. */
export type SummarizeEvent = { kind: 'token'; text: string } | { kind: 'progress'; progress: SummarizeProgress };
