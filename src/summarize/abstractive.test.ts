// Runs the abstractive path on the generated tiny encoder–decoder (random weights) with transformers.js in Node.
// It proves loading both dtypes, streaming, chunked map-reduce and cancel — not summary quality.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_SUMMARIZER_NEW_TOKENS, tinySummarizerFiles } from '../../e2e/fixtures/tiny-summarizer';
import type { SummarizeEvent, SummarizeProgress } from './events';
import { createAbstractiveSummarizer } from './abstractive';

const MODEL_ID = 'fixtures/tiny-summarizer';
const SHORT = 'The city council approved the library budget. The staff welcomed the new hours.';
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tiny-summarizer-'));
  for (const [path, data] of Object.entries(await tinySummarizerFiles())) {
    const file = join(root, MODEL_ID, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  env.localModelPath = `${root}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function summarizerFor(dtype: 'fp32' | 'q8') {
  const pipe = await pipeline('summarization', MODEL_ID, { dtype, device: 'cpu' });
  return createAbstractiveSummarizer(() => pipe);
}

describe('abstractive summarization on the tiny fixture model', () => {
  it.each(['fp32', 'q8'] as const)('loads the %s files and streams the tokens that make up the summary', async (dtype) => {
    const summarizer = await summarizerFor(dtype);
    const streamed: string[] = [];
    const summary = await summarizer.summarize(SHORT, {}, (event) => event.kind === 'token' && streamed.push(event.text));
    expect(summary.length).toBeGreaterThan(0);
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed.join('').trim()).toBe(summary);
  });

  it('summarizes a document longer than the model input chunk by chunk, then combines', async () => {
    const summarizer = await summarizerFor('fp32');
    const events: SummarizeEvent[] = [];
    await summarizer.summarize(SHORT.repeat(12), {}, (event) => events.push(event));
    const progress: SummarizeProgress[] = events.flatMap((e) => (e.kind === 'progress' ? [e.progress] : []));
    // Every chunk's tokens come after its progress event: the stream can be reset per chunk.
    expect(events[0]?.kind).toBe('progress');
    const firstRound = progress.filter((p) => p.stage === 'chunk' && p.round === 1);
    expect(firstRound.length).toBeGreaterThan(1);
    expect(firstRound.map((p) => (p.stage === 'chunk' ? p.index : 0))).toEqual(firstRound.map((_, i) => i + 1));
    expect(progress.at(-1)?.stage).toBe('combine');
  });

  it('stops after the current token when cancelled and returns what was generated', async () => {
    const summarizer = await summarizerFor('fp32');
    let tokens = 0;
    const summary = await summarizer.summarize(SHORT, {}, () => {
      tokens++;
      if (tokens === 3) summarizer.cancel();
    });
    expect(tokens).toBeLessThan(TINY_SUMMARIZER_NEW_TOKENS - 1);
    expect(summary.split(/\s+/).length).toBeLessThan(TINY_SUMMARIZER_NEW_TOKENS - 1);
  });

  it('says when no model is loaded', async () => {
    await expect(createAbstractiveSummarizer(() => undefined).summarize(SHORT, {}, () => {})).rejects.toThrow(/No summarization model/);
  });
});
