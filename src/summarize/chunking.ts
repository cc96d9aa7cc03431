// Splits a long document into pieces that fit a model's input, for map-reduce summarization: whole sentences where
// they fit, else runs of words, else (an unbroken run such as a URL, a base64 blob or CJK text without spaces)
// pieces cut inside the run, at a word boundary (Intl.Segmenter) when one is near, else between characters.
import { splitSentences } from './sentences';
import { scriptLocale } from './tokens';

interface Span {
  start: number;
  end: number;
}

/**
 * Cuts `text` into chunks (slices of `text`, in order, covering every non-space character) that each count at most
 * `maxTokens` by `countTokens` (which should leave out special tokens: the caller keeps room for them). Counters
 * need not be additive (subword tokenizers are not): every chunk is counted whole before it is returned. The one
 * exception is a single character that alone counts more than `maxTokens`, which becomes a chunk of its own.
 * @throws RangeError when `maxTokens` is below 1.
 */
export function chunkByTokens(text: string, countTokens: (text: string) => number, maxTokens: number): string[] {
  if (!(maxTokens >= 1)) throw new RangeError(`maxTokens must be at least 1, not ${maxTokens}`);
  const pieces: Piece[] = [];
  for (const sentence of splitSentences(text)) pieces.push(...fitPieces(text, sentence, countTokens, maxTokens));
  const slice = (from: number, to: number) => text.slice(pieces[from]!.start, pieces[to - 1]!.end);
  const chunks: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    // Pack by the pieces' own counts, then count the chunk whole and give back pieces while it is over.
    let j = i + 1;
    let sum = pieces[i]!.tokens;
    while (j < pieces.length && sum + pieces[j]!.tokens <= maxTokens) sum += pieces[j++]!.tokens;
    while (j - i > 1 && countTokens(slice(i, j)) > maxTokens) j--;
    chunks.push(slice(i, j));
    i = j;
  }
  return chunks;
}

interface Piece extends Span {
  tokens: number;
}

/** A sentence as one piece when it fits, else its whitespace-separated runs, overlong runs cut further. */
function fitPieces(text: string, sentence: Span, countTokens: (text: string) => number, maxTokens: number): Piece[] {
  const piece = ({ start, end }: Span): Piece => ({ start, end, tokens: countTokens(text.slice(start, end)) });
  const whole = piece(sentence);
  if (whole.tokens <= maxTokens) return [whole];
  const pieces: Piece[] = [];
  const run = /\S+/g;
  run.lastIndex = sentence.start;
  let match: RegExpExecArray | null;
  while ((match = run.exec(text)) !== null && match.index < sentence.end) {
    const word = piece({ start: match.index, end: Math.min(sentence.end, match.index + match[0].length) });
    if (word.tokens <= maxTokens) pieces.push(word);
    else pieces.push(...cutRun(text, word, countTokens, maxTokens).map(piece));
  }
  return pieces;
}

/** Cuts an unbroken run into spans that each fit: the longest prefix that fits, pulled back to a word boundary. */
function cutRun(text: string, run: Span, countTokens: (text: string) => number, maxTokens: number): Span[] {
  const boundaries = wordBoundaries(text, run);
  const pieces: Span[] = [];
  let start = run.start;
  while (start < run.end) {
    let end = longestFittingEnd(text, start, run.end, countTokens, maxTokens);
    // A word boundary in the second half of the piece is a better place to cut than mid-word.
    const boundary = boundaries.findLast((b) => b < end && b > start + (end - start) / 2);
    if (end < run.end && boundary !== undefined) end = boundary;
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/** The largest end in (start, limit] on a code point boundary whose slice fits (at least one code point). */
function longestFittingEnd(text: string, start: number, limit: number, countTokens: (text: string) => number, maxTokens: number): number {
  const fits = (end: number) => countTokens(text.slice(start, end)) <= maxTokens;
  const snap = (end: number) => (end < limit && isLowSurrogate(text.charCodeAt(end)) ? end + 1 : end);
  const first = snap(start + 1);
  if (!fits(first)) return first;
  // Grow by doubling, then bisect between the last length that fitted and the first that did not.
  let good = first;
  let step = Math.max(1, maxTokens);
  let bad = limit + 1;
  while (good < limit) {
    const probe = snap(Math.min(limit, good + step));
    if (!fits(probe)) {
      bad = probe;
      break;
    }
    good = probe;
    step *= 2;
  }
  while (bad - good > 1) {
    const mid = snap(Math.floor((good + bad) / 2));
    if (mid >= bad) break;
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Word boundaries inside the run (Intl.Segmenter, the text's locale); none in a run that is one word. */
function wordBoundaries(text: string, run: Span): number[] {
  const segmenter = new Intl.Segmenter(scriptLocale(text), { granularity: 'word' });
  const boundaries: number[] = [];
  for (const { index } of segmenter.segment(text.slice(run.start, run.end))) if (index > 0) boundaries.push(run.start + index);
  return boundaries;
}
