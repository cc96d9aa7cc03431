import { describe, expect, it } from 'vitest';
import { chunkByTokens } from './chunking';

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

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
});
