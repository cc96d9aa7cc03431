// Word and character counts as a reader counts them, for what the page shows ("120 words · 661 characters", "60 of
// 612 words"). Deliberately apart from src/summarize/tokens.ts: the engine's word budgets and ROUGE count letter runs
// ("U.S." is two there), and those numbers must not move with how the page talks to people.
import { hasUnspacedScript, scriptLocale, wordSegmenter } from '../../summarize/tokens';

export interface ReaderCounts {
  words: number;
  /** Grapheme clusters (what a reader sees as one character: "👍🏽", "é", "が"), line breaks not counted. */
  characters: number;
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const TOKEN = /\S+/gu;
// A line break between two characters of a script written without spaces joins them, as CSS Text 3's segment-break
// transformation does: a hard-wrapped Japanese paragraph has the words of the unwrapped one.
const UNSPACED_LINE_BREAK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\u3000-\u303f\uff01-\uff60])(?:\r\n|[\n\r])(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\u3000-\u303f\uff01-\uff60])/gu;
const LINE_BREAK = /^(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])$/u;
const LINE_BREAK_UNITS = /[\n\r\v\f\u0085\u2028\u2029]/g;
// Code points that may join the one before them into one grapheme cluster (UAX #29: Extend, ZWJ, SpacingMark,
// emoji modifiers, regional-indicator pairs, Hangul jamo, prepended marks). A text without any is one cluster per
// code point, counted without the segmenter, which costs ≈ 130 ms per MB in Chromium (and far more in Node 20).
const MAY_JOIN = /[\p{M}\u200d\p{Emoji_Modifier}\p{Regional_Indicator}\u0600-\u0605\u06dd\u070f\u08e2\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

// One grapheme segmenter for every count (constructing one loads ICU data); word segmenters come from tokens.ts.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Words as a reader counts them: each whitespace-separated token with a letter or digit in it is one word ("Don't",
 * "3.5", "U.S.", an e-mail address or a URL); a token in a script written without spaces (Chinese, Japanese, Thai…)
 * counts its Intl.Segmenter word-like segments (UAX #29 with ICU's dictionaries), locale from the text's script;
 * a line break inside such text (hard wrapping) separates nothing.
 */
export function readerWordCount(text: string): number {
  let count = 0;
  let locale: string | undefined | null = null;
  const unwrapped = hasUnspacedScript(text) ? text.replace(UNSPACED_LINE_BREAK, '') : text;
  for (const [token] of unwrapped.matchAll(TOKEN)) {
    if (!HAS_LETTER_OR_DIGIT.test(token)) continue;
    if (!hasUnspacedScript(token)) {
      count++;
      continue;
    }
    if (locale === null) locale = scriptLocale(text);
    for (const segment of wordSegmenter(locale).segment(token)) if (segment.isWordLike) count++;
  }
  return count;
}

/** Code points in `text` (a surrogate pair is one). */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** Grapheme clusters of `text` (Intl.Segmenter, UAX #29), not counting line breaks ("\n", "\r\n", U+2028…). */
export function readerCharacterCount(text: string): number {
  if (!MAY_JOIN.test(text)) return codePointCount(text) - (text.match(LINE_BREAK_UNITS)?.length ?? 0);
  let count = 0;
  for (const { segment } of GRAPHEMES.segment(text)) if (!LINE_BREAK.test(segment)) count++;
  return count;
}

/** Both counts of `text`. */
export function readerCounts(text: string): ReaderCounts {
  return { words: readerWordCount(text), characters: readerCharacterCount(text) };
}
