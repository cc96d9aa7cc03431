import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../util/prng';
import { readerCharacterCount, readerCounts, readerWordCount } from './reader-counts';

// Tokens a reader counts as one word each, and how many characters a reader sees in each.
const WORDS: [string, number][] = [
  ['panic', 5], ["Don't", 5], ['it’s', 4], ['3.5', 3], ['U.S.', 4], ['border.', 7], ['e.g.', 4], ['well-known', 10],
  ['$2.4', 4], ['7-2', 3], ['(see', 4], ['"Yes,"', 6], ['sam@example.com', 15], ['https://example.com/a/b?c=1&d=2', 31],
  ['café', 4], ['cafe\u0301', 4], ['naïve', 5], ['Ελλάδα', 6], ['Москва', 6], ['한국어', 3], ['№5', 2], ['3:30', 4],
];
// Tokens with no letter or digit: never a word, but still characters on the page.
const NOT_WORDS: [string, number][] = [['—', 1], ['-', 1], ['&', 1], ['…', 1], ['👍🏽', 1], ['👨‍👩‍👧', 1], ['🇯🇵', 1], ['***', 3], ['•', 1]];
// Gaps between tokens and their characters: spaces and tabs are characters, line breaks are not.
const GAPS: [string, number][] = [[' ', 1], ['  ', 2], ['\t', 1], ['\n', 0], ['\r\n', 0], ['\n\n', 0], [' \n', 1], ['\u2028', 0]];

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

describe('reader counts', () => {
  it('counts what the break-it report found miscounted', () => {
    expect(readerCounts("Don't panic: it's 3.5 km to the U.S. border.")).toEqual({ words: 9, characters: 44 });
    expect(readerWordCount('Mail sam@example.com or read https://example.com/report-2026.pdf today.')).toBe(6);
    expect(readerCharacterCount('👍🏽')).toBe(1);
    expect(readerCharacterCount('line one\nline two\r\n')).toBe(16);
    expect(readerCounts('')).toEqual({ words: 0, characters: 0 });
  });

  it('counts every generated text as its parts add up (words with punctuation, URLs, emoji, line breaks)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      let text = '';
      let words = 0;
      let characters = 0;
      const tokens = 1 + Math.floor(next() * 40);
      for (let i = 0; i < tokens; i++) {
        const isWord = next() < 0.75;
        const [token, length] = pick(next, isWord ? WORDS : NOT_WORDS);
        const [gap, gapLength] = pick(next, GAPS);
        text += token + (i < tokens - 1 ? gap : '');
        words += isWord ? 1 : 0;
        characters += length + (i < tokens - 1 ? gapLength : 0);
      }
      expect(readerCounts(text), `seed ${seed}: ${JSON.stringify(text)}`).toEqual({ words, characters });
    }
  });

  it('counts Japanese words by the segmenter and never counts line breaks, however the text is wrapped', () => {
    const japanese = '東京都は新しい図書館を来月開くと発表した。図書館には二十万冊の本が並ぶ。当日の天気は晴れの予報だ。';
    const segmented = [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(japanese)].filter((s) => s.isWordLike).length;
    const plain = readerCounts(japanese);
    expect(plain).toEqual({ words: segmented, characters: [...japanese].length });
    for (let seed = 1; seed <= 100; seed++) {
      const next = random(seed);
      // Hard-wrapped anywhere, even inside a word, as a copied article is: the same words and characters.
      const wrapped = [...japanese].map((ch) => ch + (next() < 0.1 ? pick(next, ['\n', '\r\n']) : '')).join('');
      expect(readerCounts(wrapped), `seed ${seed}`).toEqual(plain);
    }
  });

  it('counts a kana with a combining sound mark as one character', () => {
    expect(readerCharacterCount('か\u3099')).toBe(1);
  });
});
