import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { chunkByTokens } from './chunking';

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
// Like a subword tokenizer: a word costs one token per 4 characters started, punctuation a token of its own, and
// the count of a text is not the sum of its parts' counts.
const countSubwords = (text: string) =>
  (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).reduce((sum, t) => sum + Math.ceil([...t].length / 4), 0);
const nonSpace = (text: string) => text.replace(/\s+/g, '');

describe('chunkByTokens', () => {
  it('keeps a short text whole', () => {
    expect(chunkByTokens('One two. Three four.', countWords, 10)).toEqual(['One two. Three four.']);
  });

  it('packs whole sentences into chunks under the limit, in order', () => {
    const text = 'A b c. D e f. G h i. J k l.';
    const chunks = chunkByTokens(text, countWords, 7);
    expect(chunks).toEqual(['A b c. D e f.', 'G h i. J k l.']);
    for (const chunk of chunks) expect(countWords(chunk)).toBeLessThanOrEqual(7);
  });

  it('cuts a sentence longer than the limit between words and loses no word', () => {
    const long = Array.from({ length: 25 }, (_, i) => `w${i}`).join(' ') + '.';
    const chunks = chunkByTokens(long, countWords, 10);
    expect(chunks.length).toBe(3);
    for (const chunk of chunks) expect(countWords(chunk)).toBeLessThanOrEqual(10);
    expect(chunks.join(' ')).toBe(long);
  });

  it('cuts an unbroken run longer than the limit at token level', () => {
    const run = 'abcdefghij'.repeat(210); // 2,100 characters, no space: 525 tokens by countSubwords
    const text = `The report starts here. ${run} The report ends here.`;
    const chunks = chunkByTokens(text, countSubwords, 50);
    for (const chunk of chunks) expect(countSubwords(chunk)).toBeLessThanOrEqual(50);
    expect(nonSpace(chunks.join(''))).toBe(nonSpace(text));
  });

  it('cuts Japanese text without spaces or sentence ends at word boundaries', () => {
    const text = '東京都の小池百合子知事は記者会見で新しい計画を発表した'.repeat(20);
    const chunks = chunkByTokens(text, (t) => [...t].length, 60);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect([...chunk].length).toBeLessThanOrEqual(60);
    expect(chunks.join('')).toBe(text);
  });

  it('never returns a chunk over the limit, whatever the text (generated)', () => {
    const random = seededRandom(14);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const parts = ['The council met.', 'x'.repeat(300), '日本語の文です。', 'https://example.com/' + 'a1'.repeat(90), 'word', '\n\n', '- item', '  '];
    for (let trial = 0; trial < 40; trial++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 30) }, () => pick(parts)).join(pick([' ', '', '\n']));
      const limit = 3 + Math.floor(random() * 40);
      const chunks = chunkByTokens(text, countSubwords, limit);
      for (const chunk of chunks) expect(countSubwords(chunk)).toBeLessThanOrEqual(limit);
      expect(nonSpace(chunks.join(''))).toBe(nonSpace(text));
    }
  });

  it('refuses a limit below one token', () => {
    expect(() => chunkByTokens('A b.', countWords, 0)).toThrow(RangeError);
  });
});

const T5_TOKENIZER = resolve(import.meta.dirname, '../../../shared/data/reference-models/t5-small-tokenizer');
describe.skipIf(!existsSync(T5_TOKENIZER))('with the t5-small tokenizer (skipped: ../shared reference models absent)', () => {
  it('fits every chunk in 200 tokens on a text with an unbroken 2,100-character run', async () => {
    const { AutoTokenizer, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = resolve(T5_TOKENIZER, '..');
    const tokenizer = await AutoTokenizer.from_pretrained('t5-small-tokenizer');
    const count = (t: string) => tokenizer.encode(t, { add_special_tokens: false }).length;
    const run = Array.from({ length: 2100 }, (_, i) => 'qxzjkvbwmp'[(i * 7) % 10]).join('');
    const text = `${'The council approved the budget after a long debate. '.repeat(30)}${run} Staff welcomed it.`;
    const chunks = chunkByTokens(text, count, 200);
    expect(Math.max(...chunks.map(count))).toBeLessThanOrEqual(200);
    expect(nonSpace(chunks.join(''))).toBe(nonSpace(text));
  });
});
