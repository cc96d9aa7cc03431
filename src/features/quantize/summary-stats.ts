/** The numbers shown when one text is summarized by a model's fp32 and int8 files side by side. */
import { rouge, type RougeScores } from '../../summarize/rouge';

export interface SummaryRun {
  dtype: 'fp32' | 'int8';
  text: string;
  loadMs: number;
  summarizeMs: number;
  /** Streamed token events (one per generated token). */
  tokens: number;
}

/** Generated tokens per second of one run, or null when nothing was generated. */
export function tokensPerSecond(run: Pick<SummaryRun, 'tokens' | 'summarizeMs'>): number | null {
  return run.tokens > 0 && run.summarizeMs > 0 ? (run.tokens * 1000) / run.summarizeMs : null;
}

/** How much of the fp32 summary the int8 summary repeats (ROUGE F1, fp32 as the reference). */
export function summaryOverlap(fp32: SummaryRun, int8: SummaryRun): RougeScores {
  return rouge(int8.text, fp32.text);
}

/** "ROUGE-1 0.82 · ROUGE-2 0.71 · ROUGE-L 0.80" */
export function formatRouge(scores: RougeScores): string {
  return `ROUGE-1 ${scores.rouge1.toFixed(2)} · ROUGE-2 ${scores.rouge2.toFixed(2)} · ROUGE-L ${scores.rougeL.toFixed(2)}`;
}
