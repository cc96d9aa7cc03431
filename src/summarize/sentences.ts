// Sentence segmentation that works on ordinary prose, Markdown/PDF line structure and PTB-tokenized news text
// (spaces around punctuation, `` and '' quotes). Every sentence keeps its character span in the source so the
// page can highlight exactly what was picked.

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt',
  'capt', 'cmdr', 'rev', 'hon', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'fig', 'al', 'approx', 'dept',
  'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e',
  'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'ave', 'blvd', 'rd',
]);

const TERMINATORS = '.!?…';
// Quotes and brackets that close a sentence; in PTB text they stand alone after the terminator (". ''").
const CLOSERS = new Set(["'", "''", '"', '”', '’', ')', ']', '»', "'\"", '"\'']);
// A line starting like this begins a new block even without a blank line before it (lists, headings).
const BLOCK_START = /^\s*(#{1,6}\s|[-*+•]\s|\d+[.)]\s|>\s)/;

/** Splits `text` into sentences; whitespace-only pieces are dropped. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of splitBlocks(text)) splitBlock(text, block.start, block.end, sentences);
  return sentences;
}

interface Span {
  start: number;
  end: number;
}

function splitBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let blockStart = 0;
  const lineBreak = /\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = lineBreak.exec(text)) !== null) {
    const nextLineStart = match.index + match[0].length;
    const nextLineEnd = text.indexOf('\n', nextLineStart);
    const nextLine = text.slice(nextLineStart, nextLineEnd === -1 ? text.length : nextLineEnd);
    const currentLine = text.slice(text.lastIndexOf('\n', match.index - 1) + 1, match.index);
    const blankAround = nextLine.trim() === '' || currentLine.trim() === '';
    if (blankAround || BLOCK_START.test(nextLine) || /^\s*#{1,6}\s/.test(currentLine)) {
      blocks.push({ start: blockStart, end: match.index });
      blockStart = nextLineStart;
    }
  }
  blocks.push({ start: blockStart, end: text.length });
  return blocks;
}

function splitBlock(text: string, from: number, to: number, out: Sentence[]): void {
  let sentenceStart = from;
  let i = from;
  while (i < to) {
    if (!TERMINATORS.includes(text[i]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && TERMINATORS.includes(text[end]!)) end++;
    end = consumeClosers(text, sentenceStart, end, to);
    if (isBoundary(text, i, end, to)) {
      push(text, sentenceStart, end, out);
      sentenceStart = end;
    }
    i = end;
  }
  push(text, sentenceStart, to, out);
}

/**
 * Moves past closing quotes/brackets that belong to the sentence just ended, attached or space-separated.
 * A lone straight quote is ambiguous in PTB text ("… team . ' I 'm happy …" opens, "… anybody . ' Paul …" may
 * close): it closes only when the sentence so far has a quote left open.
 */
function consumeClosers(text: string, sentenceStart: number, pos: number, to: number): number {
  let end = pos;
  for (;;) {
    let j = end;
    while (j < to && text[j] === ' ') j++;
    let k = j;
    while (k < to && !/\s/.test(text[k]!)) k++;
    const token = text.slice(j, k);
    if (token === '' || !CLOSERS.has(token)) return end;
    if (AMBIGUOUS_QUOTES.has(token) && openQuotes(text.slice(sentenceStart, end), token) % 2 === 0) return end;
    end = k;
  }
}

const AMBIGUOUS_QUOTES = new Set(["'", '"']);
// Contractions and possessives written with an apostrophe are not quote marks.
const CONTRACTION = /^'(?:s|m|d|ll|re|ve|t|em|n)$/i;

/** How many `mark` quotes the text holds: standalone, or attached to the front of a word ('Just, "Yes). */
function openQuotes(sentence: string, mark: string): number {
  let count = 0;
  for (const token of sentence.split(/\s+/)) {
    if (token === mark) count++;
    else if (token.startsWith(mark) && !CONTRACTION.test(token)) count++;
  }
  return count;
}

function isBoundary(text: string, terminatorAt: number, end: number, to: number): boolean {
  if (end >= to) return true;
  if (!/\s/.test(text[end]!)) return false; // "3.5", "U.S.A", "e.g.x"
  const next = text.slice(end).trimStart();
  const firstChar = next[0] ?? '';
  if (/\p{Ll}/u.test(firstChar)) return false; // continuation in lower case
  if (text[terminatorAt] === '.' && terminatorAt > 0 && text[terminatorAt - 1] !== ' ') {
    const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, terminatorAt - 12), terminatorAt))?.[1] ?? '';
    const bare = word.toLowerCase();
    if (ABBREVIATIONS.has(bare)) return false;
    if (/^\p{Lu}$/u.test(word)) return false; // an initial: "John F. Kennedy"
  }
  return true;
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}
