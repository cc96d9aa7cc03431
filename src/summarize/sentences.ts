// Sentence segmentation for any language: ordinary prose, PTB-tokenized news (spaces around punctuation, `` and ''
// quotes), Markdown/PDF line structure, CJK text (。！？ need no space after them) and text without sentence
// punctuation (transcripts: one unit per line). Sentence ends are Unicode's Sentence_Terminal characters (UAX #29),
// filtered by rules for abbreviations, initials, decimals, quotes and brackets: Intl.Segmenter's own sentence breaks
// split "Mr. | Smith", put PTB closing quotes on the next sentence and break inside Japanese 「…。…」 quotes.
// Every unit keeps its character span in the source so the page can highlight exactly what was picked.
import { STOPWORDS, wordCount } from './tokens';

export interface Sentence {
  /**
   * The unit as a reader reads it: the source span with its line breaks joined as the language writes them (a space
   * between Latin words, nothing where either side is CJK), so hard-wrapped text reads as one line in a summary.
   */
  text: string;
  /** The unit's span in the source, `[start, end)`, trimmed: what the page highlights. */
  start: number;
  end: number;
  /** A unit on a line of its own (list item, heading, line of unpunctuated text): a summary keeps it on its own line. */
  ownLine?: boolean;
  /**
   * A title, headline, byline, caption or Markdown heading on a line of its own (always `ownLine` too): not story, so
   * it is never picked while story sentences remain.
   */
  heading?: boolean;
}

// Titles before a name: never the end of a sentence ("Dr. Smith", "St. Louis", "Gen. The…" does not occur).
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'rev', 'hon',
]);
// Other abbreviations end a sentence only when a capitalised function word follows ("in the U.S. The factory…",
// but "U.S. Army").
const ABBREVIATIONS = new Set([
  'sr', 'jr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'al', 'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'ave', 'blvd', 'rd',
]);
// Abbreviations that stand before a number ("No. 5", "Fig. 3", "ext. 7", "pp. 4–9"): never a sentence end there;
// elsewhere they behave as ABBREVIATIONS.
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'fig', 'figs', 'ext', 'vol', 'vols', 'p', 'pp', 'eq', 'eqs', 'nr', 'chap']);
// a.m. and p.m. end sentences often ("…at 3 p.m. Please bring…"): before any capitalised word except a day, a month
// or a time zone that completes the time ("3 p.m. Friday", "9 a.m. EST", "4 p.m. Eastern").
const TIME_ABBREVIATIONS = new Set(['a.m', 'p.m']);
const TIME_COMPLEMENTS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'et', 'est', 'edt', 'ct', 'cst',
  'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet', 'cest', 'jst', 'ist', 'aest', 'eastern',
  'central', 'mountain', 'pacific', 'atlantic', 'local',
]);

// Tibetan's shad (།, ༎) ends a clause or sentence but is not in Sentence_Terminal.
const TERMINATOR = /[\p{Sentence_Terminal}…།༎]/u;
// Full-width terminators end a sentence with or without a space after them.
const WIDE_TERMINATOR = /[。｡！？．]/u;
// Letters of scripts written without spaces, and the CJK punctuation that ends or closes a phrase.
const UNSPACED_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}ー々〆]/u;
const CJK_OPENERS = '「『（【〈《〔［｛〝＜';
const CJK_CLOSERS = '」』）】〉》〕］｝〟＞';
// Chinese quotes with curly marks (他说：“好的。”然后…): after 。 the closing mark belongs to the sentence.
const CLOSERS_AFTER_WIDE = CJK_CLOSERS + '”’"\'';
const CJK_PAIRS = new Map([...CJK_OPENERS].map((open, k) => [open, CJK_CLOSERS[k]!]));
// A CJK quotation this long is split like prose: a missing closing bracket must not swallow a whole text.
const MAX_QUOTE_CHARS = 250;
// Quotes and brackets that close a sentence; in PTB text they stand alone after the terminator (". ''").
const CLOSERS = new Set(["'", "''", '"', '”', '’', ')', ']', '»', "'\"", '"\'']);
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;
// A list item up to this long is a bullet, one unit; a longer one is prose that happens to start with a marker.
const MAX_LIST_ITEM_WORDS = 80;
const HEADING = /^\s*#{1,6}\s/;
// A transcript line: "Anna: …", "Dr. Lee: …", "[00:12] …", "00:12:31 …".
const SPEAKER_OR_TIME = /^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s|\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)?:\s)/u;
// A line starting like this begins a new block even without a blank line before it (lists, headings, quotes, turns).
const BLOCK_START = new RegExp(`${LIST_ITEM.source}|${HEADING.source}|^\\s*>\\s|${SPEAKER_OR_TIME.source}`, 'u');

/**
 * Splits `text` into sentence units, in order, each with its span (`text.slice(start, end)`, trimmed, never empty;
 * `unit.text` is that span with its line breaks joined, see Sentence). Whitespace-only input gives []. List items (up
 * to 80 words) and headings are single units; a block without any sentence terminator gives one unit per line,
 * whatever spaces it holds (a transcript turn "田中 それでは…" stays whole). A title, byline or heading on a line of
 * its own is one unit marked `heading` (see titleBlocks). Elsewhere a space between two letters of Thai, Lao, Khmer
 * or Myanmar ends a unit (those scripts mark sentences with spaces); between CJK letters it ends one only after a
 * heading or caption that lost its line break (see isHeadingEnd), never inside a sentence ("トヨタ自動車は 三日、…").
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const cjkText = isMostlyChineseOrJapanese(text);
  const run = (from: number, to: number, options: RunOptions = {}) => splitRun(text, from, to, sentences, { cjkText, ...options });
  for (const block of splitBlocks(text)) {
    const blockText = text.slice(block.start, block.end);
    const marker = LIST_ITEM.exec(blockText)?.[0].length ?? 0;
    const before = sentences.length;
    const single = () => (sentences.length === before + 1 ? sentences[before] : undefined);
    if (block.title) {
      // A title is never cut at a space ("大雪で新幹線が一時運転見合わせ　帰省客に影響" is one headline); a line that
      // holds more than one sentence is not a title and is split as any other block.
      run(block.start, block.end, { cjkHeadings: false });
      const title = single();
      if (title) {
        Object.assign(title, { ownLine: true, heading: true });
        continue;
      }
      sentences.length = before;
    }
    if (HEADING.test(blockText)) {
      push(text, block.start, block.end, sentences, { ownLine: true, heading: true });
    } else if (marker > 0 && wordCount(blockText) <= MAX_LIST_ITEM_WORDS) {
      push(text, block.start, block.end, sentences, { ownLine: true });
    } else if (marker > 0) {
      // Longer than a bullet (a whole article starting "1. …"): sentences, the marker staying with the first.
      run(block.start, block.end, { scanFrom: block.start + marker });
    } else if (!TERMINATOR.test(blockText) && blockText.includes('\n')) {
      for (const line of lineSpans(text, block.start, block.end)) {
        const lineBefore = sentences.length;
        run(line.start, line.end, { cjkHeadings: false });
        if (sentences.length === lineBefore + 1) sentences[lineBefore]!.ownLine = true;
      }
    } else {
      run(block.start, block.end);
      // A transcript turn that is one utterance, and a block with no sentence punctuation (a title, a PDF heading),
      // keep their own line: joined inline they would run into the next sentence ("… Layouts The evaluation …").
      const ownLine = SPEAKER_OR_TIME.test(blockText) || !TERMINATOR.test(blockText);
      if (ownLine) Object.assign(single() ?? {}, { ownLine: true });
    }
  }
  splitDateline(sentences.findIndex((s) => !s.heading), text, sentences);
  return sentences;
}

// A dateline opening a story: an upper-case place with an optional region, date, wire or agency and a spaced dash
// ("PORT ELLIS — ", "HAMBURG, Germany, Nov. 12, 2026 /PRNewswire/ -- ", "WASHINGTON (AP) — "), before a sentence;
// a Chinese agency or paper line ("本报讯", "新华社北京11月30日电（记者 王磊）"); a Japanese 【place＝agency】 ("【ワシン
// トン＝共同】").
const DATELINE = new RegExp(
  [
    /^\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]*){0,3}(?:,\s[^—–\n]{1,60}?)?(?: \([^)\n]{1,30}\))?\s(?:—|–|--?)\s(?=[\p{Lu}\p{N}"“])/u.source,
    /^(?:本报讯|(?:新华社|中新社|中新网|人民网)[^\s，。]{0,20}?电)(?:[（(][^）)\n]{1,20}[）)])?/u.source,
    /^【[^】\n]{1,20}＝[^】\n]{1,20}】/u.source,
  ].join('|'),
  'u',
);

/**
 * Cuts a dateline off the story's first unit, `sentences[first]`, into a unit of its own marked `heading` (so a
 * summary never opens with "PORT ELLIS —" while story sentences remain); nothing when there is none, or when the unit
 * is a line of its own (a list item, a transcript turn).
 */
function splitDateline(first: number, text: string, sentences: Sentence[]): void {
  const unit = sentences[first];
  if (!unit || unit.ownLine) return;
  const dateline = DATELINE.exec(text.slice(unit.start, unit.end))?.[0];
  if (!dateline || dateline.includes('\n') || dateline.length >= unit.end - unit.start) return;
  const pieces: Sentence[] = [];
  push(text, unit.start, unit.start + dateline.length, pieces, { ownLine: true, heading: true });
  push(text, unit.start + dateline.length, unit.end, pieces);
  sentences.splice(first, 1, ...pieces);
}

// A Japanese or Chinese word is about two characters (1.97 on the Japanese references, README "Words").
const CJ_CHARS_PER_WORD = 2;
// The first characters decide, as for the word segmenter's locale: a 5 MB text costs no more.
const SCRIPT_SAMPLE_CHARS = 20_000;

/**
 * Whether `text` holds at least as many Chinese/Japanese words as Latin ones. A Japanese article full of English
 * names and quotes is still Japanese here, where a count of letters (scriptLocale) would call it English.
 */
function isMostlyChineseOrJapanese(text: string): boolean {
  const sample = text.slice(0, SCRIPT_SAMPLE_CHARS);
  const cjChars = sample.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const latinWords = sample.match(/\p{Script=Latin}+/gu)?.length ?? 0;
  return cjChars > 0 && cjChars / CJ_CHARS_PER_WORD >= latinWords;
}

/** Whether `text` is a Markdown/plain-text list item ("- …", "* …", "3. …", "2) …"). */
export function isListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

/** Whether `text` is a Markdown ATX heading ("# Title", "## Known issues"). */
export function isMarkdownHeading(text: string): boolean {
  return HEADING.test(text);
}

/** Whether `text` holds any sentence-ending punctuation (. ! ? 。 । ؟ … in any script). */
export function hasSentenceTerminator(text: string): boolean {
  return TERMINATOR.test(text);
}

/**
 * `units` as one text: own-line units on their own lines, CJK sentences joined without a space, others with one. A CJK
 * unit that ends without sentence punctuation (a caption or heading the text set apart with a space) keeps that space,
 * so it does not run into the next sentence ("…ヘルマンさん インドネシアでは…").
 */
export function joinSentences(units: readonly Sentence[]): string {
  let joined = '';
  units.forEach((unit, k) => {
    const previous = units[k - 1];
    if (previous) joined += separator(previous, unit);
    joined += unit.text;
  });
  return joined;
}

// Chinese and Japanese characters: Han, kana, CJK punctuation and full-width forms.
const CJ = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const CJ_END = new RegExp(`${CJ.source}$`, 'u');
const CJ_START = new RegExp(`^${CJ.source}`, 'u');

// Closing quotes and brackets that may follow a sentence's terminator: 「…です。」
export const TRAILING_CLOSERS = /[\p{Pe}\p{Pf}"'」』]+$/u;

/** Whether `text` ends with sentence punctuation, closing quotes and brackets after it allowed (「…です。」). */
export function endsWithTerminator(text: string): boolean {
  return TERMINATOR.test(text.replace(TRAILING_CLOSERS, '').slice(-1));
}

// A full-width sentence end, with its closing quotes: the next sentence follows without a space, whatever its script.
const WIDE_END = /[。｡！？．][」』）】〉》〕］｝〟＞”’"']*$/u;

function separator(previous: Sentence, next: Sentence): string {
  if (previous.ownLine || next.ownLine) return '\n';
  if (WIDE_END.test(previous.text)) return '';
  return CJ_END.test(previous.text) && CJ_START.test(next.text) && endsWithTerminator(previous.text) ? '' : ' ';
}

interface Span {
  start: number;
  end: number;
}

/** A block of lines; `title` when it is one line set apart as a title, byline, caption or headline. */
interface Block extends Span {
  title?: boolean;
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = 0;
  const lineBreak = /\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = lineBreak.exec(text)) !== null) {
    const nextLineStart = match.index + match[0].length;
    const nextLineEnd = text.indexOf('\n', nextLineStart);
    const nextLine = text.slice(nextLineStart, nextLineEnd === -1 ? text.length : nextLineEnd);
    const currentLine = text.slice(text.lastIndexOf('\n', match.index - 1) + 1, match.index);
    const blankAround = nextLine.trim() === '' || currentLine.trim() === '';
    if (blankAround || BLOCK_START.test(nextLine) || HEADING.test(currentLine)) {
      blocks.push({ start: blockStart, end: match.index });
      blockStart = nextLineStart;
    }
  }
  blocks.push({ start: blockStart, end: text.length });
  return titleBlocks(
    text,
    blocks.filter((block) => text.slice(block.start, block.end).trim() !== ''),
  );
}

// A line without sentence punctuation at its end that is shorter than this share of its block's longest line,
// followed by a line that starts a sentence, is a title, byline or caption ("Storm closes schools\nBy Maria Lopez\n
// Heavy snow forced…"): hard-wrapped prose fills its lines to about the same width, and a title joined to the next
// line would open a sentence of the summary. Punctuation inside the line does not make it a sentence ("$2.4 billion",
// "St. Ellis"); a question mark ending a block's short first line does not either ("Will a seawall save Port Ellis?").
export const TITLE_LINE_SHARE = 0.6;
export const STARTS_SENTENCE = /^\s*[\p{Lu}\p{Lt}\p{Lo}\p{N}"'“‘«(\[「『【（〈《]/u;
// A line ending like this leaves its sentence open, however short it is.
export const OPEN_LINE_END = /[,;:、，：\-–—]$/u;
const QUESTION_END = /[?？][\p{Pe}\p{Pf}"'」』]*$/u;

/**
 * `blocks` with each title line set apart as a block of its own, marked `title`: a line cut from its block by the
 * TITLE_LINE_SHARE rule, a one-line block that does not end with sentence punctuation ("Harbor city approves $2.4
 * billion seawall", "2026年11月30日　筆者：田中"), and a text's first line when it is a short question before prose.
 * List items, quotes and transcript turns are never titles.
 */
function titleBlocks(text: string, blocks: readonly Span[]): Block[] {
  const cut = blocks.flatMap((block) => splitAtTitleLines(text, block));
  return cut.map((block, k) => {
    const content = text.slice(block.start, block.end).trim();
    if (content.includes('\n') || BLOCK_START.test(content)) return { start: block.start, end: block.end };
    if (block.title || !endsWithTerminator(content)) return { ...block, title: true };
    const next = cut[k + 1];
    const headline = k === 0 && next !== undefined && QUESTION_END.test(content) && isShortBefore(text, content, next);
    return headline ? { ...block, title: true } : block;
  });
}

/** The largest of `lengths`, 0 for none (a loop: spreading 125k+ values into Math.max overflows V8's stack). */
function longestOf(lengths: readonly number[]): number {
  return lengths.reduce((longest, n) => Math.max(longest, n), 0);
}

/**
 * Whether `line` is shorter than TITLE_LINE_SHARE of the text's longest line (a byline may stand between a headline
 * and its story) and `next` starts a sentence.
 */
function isShortBefore(text: string, line: string, next: Span): boolean {
  const longest = longestOf(text.split('\n').map((l) => [...l.trim()].length));
  return [...line].length < TITLE_LINE_SHARE * longest && STARTS_SENTENCE.test(text.slice(next.start, next.end));
}

/** `block` cut after each title line (see TITLE_LINE_SHARE); a block of one line comes back as it is. */
function splitAtTitleLines(text: string, block: Span): Block[] {
  const lines = lineSpans(text, block.start, block.end);
  if (lines.length < 2) return [block];
  const lengths = lines.map((line) => [...text.slice(line.start, line.end).trim()].length);
  const longest = longestOf(lengths);
  const spans: Block[] = [];
  let start = block.start;
  lines.forEach((line, k) => {
    const content = text.slice(line.start, line.end).trim();
    const next = lines[k + 1];
    const isTitle =
      next !== undefined &&
      content !== '' &&
      lengths[k]! < TITLE_LINE_SHARE * longest &&
      (!endsWithTerminator(content) || (k === 0 && QUESTION_END.test(content))) &&
      !OPEN_LINE_END.test(content) &&
      STARTS_SENTENCE.test(text.slice(next.start, next.end));
    if (isTitle) {
      if (line.start > start) spans.push({ start, end: line.start });
      spans.push({ start: line.start, end: line.end, title: true });
      start = next.start;
    }
  });
  spans.push({ start, end: block.end });
  return spans;
}

function lineSpans(text: string, from: number, to: number): Span[] {
  const lines: Span[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

interface RunOptions {
  /** Where to start looking for sentence ends (after a list marker). */
  scanFrom?: number;
  /** Whether a space between CJK letters may end a unit (a heading run into its text); false inside one line. */
  cjkHeadings?: boolean;
  /** The text is Japanese or Chinese: a Latin terminator before CJK text on the same line ends nothing. */
  cjkText?: boolean;
}

/** Splits text[from, to) at sentence ends and at spaces that end a unit in unspaced scripts (see isUnspacedBreak). */
function splitRun(text: string, from: number, to: number, out: Sentence[], options: RunOptions = {}): void {
  const { scanFrom = from, cjkHeadings = true, cjkText = false } = options;
  const quoted = quotedRegions(text, from, to);
  let sentenceStart = from;
  let i = scanFrom;
  while (i < to) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      let after = i + 1;
      while (after < to && /[ \t\u3000]/.test(text[after]!)) after++;
      if (!quoted[i - from] && isUnspacedBreak(text.slice(sentenceStart, i), text[after], cjkHeadings)) {
        push(text, sentenceStart, i, out);
        sentenceStart = after;
      }
      i = after;
      continue;
    }
    if (!TERMINATOR.test(ch) || quoted[i - from]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && TERMINATOR.test(text[end]!)) end++;
    const attachedClosers = WIDE_TERMINATOR.test(text[end - 1]!) ? CLOSERS_AFTER_WIDE : CJK_CLOSERS;
    while (end < to && attachedClosers.includes(text[end]!)) end++;
    end = consumeClosers(text, sentenceStart, end, to);
    if (isBoundary(text, i, end, to) && !(cjkText && isLatinInsideCjk(text, i, end, to))) {
      push(text, sentenceStart, end, out);
      sentenceStart = end;
    }
    i = end;
  }
  push(text, sentenceStart, to, out);
}

/** Per character of text[from, to): 1 inside a matched CJK bracket pair (「…」, （…）…) shorter than MAX_QUOTE_CHARS. */
function quotedRegions(text: string, from: number, to: number): Uint8Array {
  const depthChange = new Int32Array(to - from + 1);
  const open: { at: number; closer: string }[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    const closer = CJK_PAIRS.get(ch);
    if (closer) open.push({ at: i, closer });
    else if (CJK_CLOSERS.includes(ch)) {
      const k = open.map((o) => o.closer).lastIndexOf(ch);
      if (k < 0) continue;
      const { at } = open[k]!;
      open.length = k;
      if (i - at <= MAX_QUOTE_CHARS) {
        depthChange[at + 1 - from]!++;
        depthChange[i - from]!--;
      }
    }
  }
  const quoted = new Uint8Array(to - from);
  let depth = 0;
  for (let k = 0; k < quoted.length; k++) {
    depth += depthChange[k]!;
    quoted[k] = depth > 0 ? 1 : 0;
  }
  return quoted;
}

const UNSPACED_OPENING = new RegExp(`${UNSPACED_LETTER.source}|[${CJK_OPENERS}0-9０-９]`, 'u');
const UNSPACED_CLOSING = new RegExp(`${UNSPACED_LETTER.source}|[${CJK_CLOSERS}。｡！？．、]`, 'u');

// Scripts that separate sentences (not words) with spaces: there a space between two letters always ends a unit.
const SPACE_SEPARATED_SENTENCES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// A heading or caption run into the next paragraph is at least this long; a subject before a space ("田中 …") is shorter.
const MIN_HEADING_CHARS = 6;
// Particles and commas that leave a Japanese/Chinese phrase open ("トヨタ自動車は 三日、…", "新型の EV"): never a unit end.
const OPEN_PHRASE_END = /[はがをにでともの、，,]$/u;

/**
 * Whether the space after `unit` (the text since the unit started) before the character `after` ends the unit: the
 * space lies between an unspaced-script letter (or closing bracket) and such a letter, an opening bracket or a digit,
 * and either the script spaces its sentences (Thai…) or, in CJK text, `unit` reads as a whole heading or caption —
 * at least MIN_HEADING_CHARS long and not ending in a particle or comma ("天安門事件から30年 中国が忘れた映像").
 */
function isUnspacedBreak(unit: string, after: string | undefined, cjkHeadings: boolean): boolean {
  const before = unit.at(-1);
  if (before === undefined || after === undefined || !UNSPACED_CLOSING.test(before) || !UNSPACED_OPENING.test(after)) return false;
  if (SPACE_SEPARATED_SENTENCES.test(before)) return true;
  return cjkHeadings && [...unit.trim()].length >= MIN_HEADING_CHARS && !OPEN_PHRASE_END.test(unit);
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
    // Closers are at most two characters: look no further (text without spaces has no token end nearby).
    let k = j;
    while (k < to && k < j + 3 && !/\s/.test(text[k]!)) k++;
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

// The next word when it is a whole word ("The", "A new"), not the start of "T-Mobile" or "A.B.".
const NEXT_WORD = /^\p{L}+(?![\p{L}\p{N}.'’-])/u;

function isBoundary(text: string, terminatorAt: number, end: number, to: number): boolean {
  if (end >= to) return true;
  const following = text[end]!;
  if (!/\s/.test(following)) {
    // "3.5", "U.S.A", "e.g.x" and the full-width decimal "３．５" continue; 。！？ end a sentence before anything
    // ("…達した。31日にかけて…"), "!"/"?" directly before CJK or Thai text too.
    if (WIDE_TERMINATOR.test(text[terminatorAt]!)) return text[terminatorAt] !== '．' || !/[0-9０-９]/.test(following);
    return /[!?]/.test(text[terminatorAt]!) && UNSPACED_LETTER.test(following);
  }
  const next = text.slice(end, end + 40).trimStart();
  const firstChar = next[0] ?? '';
  if (/\p{Ll}/u.test(firstChar)) return false; // continuation in lower case
  // A short capitalised word before a spaced dash is a dateline's state abbreviation ("ATLANTA, Ga. — The…"); PTB
  // lists (". - Item") have a space before their full stop.
  if (/(?:^|[\s,])\p{Lu}\p{Ll}{1,4}$/u.test(text.slice(Math.max(0, terminatorAt - 8), terminatorAt)) && /^(?:—|–|--?)\s/u.test(next)) {
    return false;
  }
  if (text[terminatorAt] === '.' && terminatorAt > 0 && text[terminatorAt - 1] !== ' ') {
    // Latin words written against Japanese need no space before them ("米Dr. Smith"): the word starts after the kanji.
    const word = /((?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}.])+)$/u.exec(text.slice(Math.max(0, terminatorAt - 12), terminatorAt))?.[1] ?? '';
    const bare = word.toLowerCase();
    const nextWord = NEXT_WORD.exec(next)?.[0].toLowerCase();
    if (TITLES.has(bare)) return false;
    if (NUMBER_ABBREVIATIONS.has(bare) && /^\p{N}/u.test(firstChar)) return false;
    if (TIME_ABBREVIATIONS.has(bare)) return nextWord !== undefined && !TIME_COMPLEMENTS.has(nextWord);
    if (ABBREVIATIONS.has(bare) || NUMBER_ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word)) {
      // An abbreviation or an initial ("John F. Kennedy") runs on unless a capitalised function word follows.
      return nextWord !== undefined && STOPWORDS.has(nextWord);
    }
  }
  return true;
}

/**
 * Whether the Latin terminator at `terminatorAt` closes a Latin phrase inside Japanese or Chinese text: it follows a
 * non-CJK character and CJK text follows it on the same line, after its closing quotes and spaces
 * (`"This is our best model." と述べた。`, "米Apple Inc. は…"). A Latin terminator after CJK text ("楽しかった!また…")
 * still ends a sentence.
 */
function isLatinInsideCjk(text: string, terminatorAt: number, end: number, to: number): boolean {
  if (!/[.!?]/.test(text[terminatorAt]!) || terminatorAt === 0 || CJ.test(text[terminatorAt - 1]!)) return false;
  let next = end;
  while (next < to && /[ \t\u3000]/.test(text[next]!)) next++;
  return next < to && CJ.test(text[next]!);
}

function push(text: string, start: number, end: number, out: Sentence[], marks: { ownLine?: true; heading?: true } = {}): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return;
  out.push({ text: joinLines(text.slice(s, e)), start: s, end: e, ...marks });
}

// A line break with the spaces and indentation around it.
const LINE_BREAK = /[ \t\u3000]*\r?\n[ \t\u3000]*/g;

/**
 * `text` (trimmed) with each line break read as the language writes it: nothing where the character before or after
 * it is CJK ("詰まっ⏎た" → "詰まった"), one space elsewhere ("next⏎Friday" → "next Friday").
 */
function joinLines(text: string): string {
  return text.replace(LINE_BREAK, (lineBreak: string, at: number) =>
    CJ.test(text[at - 1] ?? '') || CJ.test(text[at + lineBreak.length] ?? '') ? '' : ' ',
  );
}
