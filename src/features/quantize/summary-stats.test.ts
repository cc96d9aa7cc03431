import { describe, expect, it } from 'vitest';
import { formatRouge, summaryOverlap, tokensPerSecond, type SummaryRun } from './summary-stats';

const run = (dtype: 'fp32' | 'int8', text: string, tokens = 10, summarizeMs = 500): SummaryRun => ({ dtype, text, loadMs: 1, summarizeMs, tokens });

describe('fp32 vs int8 summaries', () => {
  it('scores the int8 summary against the fp32 one: identical texts overlap fully, unrelated ones not at all', () => {
    expect(summaryOverlap(run('fp32', 'The cat sat on the mat.'), run('int8', 'The cat sat on the mat.'))).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(summaryOverlap(run('fp32', 'The cat sat.'), run('int8', 'Dogs bark loudly.')).rouge1).toBe(0);
    expect(formatRouge({ rouge1: 0.8234, rouge2: 0.5, rougeL: 0.75 })).toBe('ROUGE-1 0.82 · ROUGE-2 0.50 · ROUGE-L 0.75');
  });

  it('gives generation speed in tokens per second, none when nothing was generated', () => {
    expect(tokensPerSecond(run('fp32', 'x', 10, 500))).toBe(20);
    expect(tokensPerSecond(run('fp32', '', 0, 500))).toBeNull();
  });
});
