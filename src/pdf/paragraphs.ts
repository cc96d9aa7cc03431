/**
 * Ordered lines → paragraphs, as a reader sees them: a line break inside a paragraph is a space (none between CJK
 * characters), a word hyphenated at a line end is whole again, and paragraphs are separated by a blank line.
 *
 * A paragraph ends before a line when (any of):
 * - the font size changes (a heading, a caption);
 * - within one column, the baseline gap is more than `PARAGRAPH_GAP` × the usual (lower-quartile) line spacing;
 * - the line is indented more than `INDENT_EM` from its column's usual (10th-percentile) left edge (the wrapped lines of a list item,
 *   hanging right of its marker, are not indented in this sense);
 * - the line starts with a list marker (each item is a paragraph of its own);
 * - the previous line stopped short: the next line's first word would have fitted after it, within the column's
 *   usual right edge (a line-breaking program only breaks early at a paragraph's end). This holds for ragged-right
 *   text too, since the usual (median) right edge is never beyond the measure the lines were broken at.
 * Except for a size change, none of these holds after a line ending in a word's hyphen ("two-" / "factor"): the word,
 * and so the paragraph, goes on.
 * At a column or page change the gap cannot be seen; without them the paragraph continues.
 */
import { endsWithTerminator, OPEN_LINE_END, STARTS_SENTENCE, TITLE_LINE_SHARE, TRAILING_CLOSERS } from '../summarize/sentences';
import { percentile } from '../util/percentile';
import { CJK, SAME_ROW_EM, type TextLine } from './text-lines';

/** A baseline gap this many times the usual line spacing separates paragraphs. */
export const PARAGRAPH_GAP = 1.3;
/** A line starting this many ems right of its column's usual left edge opens a paragraph. */
export const INDENT_EM = 0.5;
// Slack for the "next word would have fitted" test, in ems: word widths are estimated from average glyph widths.
const FIT_SLACK_EM = 0.5;
// A word space, in ems (CJK text has none).
const WORD_SPACE_EM = 0.25;
// Font sizes differing by more than this fraction mean a change of element (heading, body, caption).
const SIZE_CHANGE = 0.15;

const HYPHEN_END = /(\p{L}+)[-\u2010]$/u;
// A line ending in a hyphen (or soft hyphen) right after a letter or digit: the word goes on in the next line.
const WORD_BREAK_END = /[\p{L}\p{N}][-\u2010\u00ad]$/u;
// A compound whose earlier parts already carry hyphens ("state-of-the-"): its hyphen at the line end is its own.
const COMPOUND_END = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)+[-\u2010]$/u;
const FIRST_WORD = /^\p{L}+/u;
// A list item's marker: a bullet, a number with "." or ")" ("3.", "3)"), a letter or Roman number with ")" ("b)",
// "(iv)"). A letter with "." is left out: "a." also ends sentences.
const LIST_MARKER = /^(?:[•●○◦▪■‣∙·*]|\(?\d{1,3}[.)]|\(?(?:[a-z]|[ivx]{1,4})\))\s/u;

interface Placed extends TextLine {
  page: number;
}

function overlapsX(a: TextLine, b: TextLine): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
}

function sameSize(a: TextLine, b: TextLine): boolean {
  return Math.abs(a.size - b.size) <= SIZE_CHANGE * Math.max(a.size, b.size);
}

/** Consecutive lines of one column: same page, same size, the second below the first and overlapping it. */
function continuesBlock(a: Placed, b: Placed): boolean {
  return a.page === b.page && sameSize(a, b) && overlapsX(a, b) && a.y - b.y > SAME_ROW_EM * a.size;
}

/** Width of `text`'s first word, estimated from the line's average glyph width. */
function firstWordWidth(line: TextLine): number {
  const chars = [...line.text];
  const glyph = (line.x1 - line.x0) / Math.max(1, chars.length);
  const word = CJK.test(chars[0] ?? '') ? 1 : (line.text.match(/^\S+/)?.[0].length ?? 1);
  return word * glyph;
}

/** Hyphenated compounds written inside lines ("well-known"), and every word, both lower-cased. */
function vocabulary(lines: readonly TextLine[]): { compounds: Set<string>; words: Set<string> } {
  const compounds = new Set<string>();
  const words = new Set<string>();
  for (const line of lines) {
    const text = line.text.toLowerCase();
    for (const match of text.matchAll(/\p{L}+(?:[-\u2010]\p{L}+)+/gu)) compounds.add(match[0].replace(/\u2010/g, '-'));
    for (const match of text.matchAll(/\p{L}+/gu)) words.add(match[0]);
  }
  return { compounds, words };
}

// Compound heads English writes with a hyphen before a whole word, from the Chicago Manual of Style (17th ed.,
// 7.89, its hyphenation guide): "self-" always, "well-" and "ill-" in compound adjectives ("well-known",
// "ill-advised"); and "follow-" before a particle in the noun (Merriam-Webster: "follow-up", "follow-on",
// "follow-through"). Kept small on purpose: a hyphenation program also breaks "follow-ing" and "self-ish".
const COMPOUND_HEADS: ReadonlyMap<string, RegExp> = new Map([
  ['self', /./u],
  ['well', /./u],
  ['ill', /./u],
  ['follow', /^(?:up|ups|on|ons|through|throughs)$/u],
]);
// Endings a hyphenation program splits off a word ("well-ness", "self-ish", "ill-ness"): never a compound's tail.
const SUFFIXES = new Set(['s', 'es', 'ed', 'er', 'ers', 'est', 'ing', 'ings', 'ish', 'less', 'ly', 'ness', 'ful', 'ment', 'ship']);

/**
 * Whether "head-" at a line end + "tail" is a compound keeping its hyphen when the document gives no evidence either
 * way: the head is one of `COMPOUND_HEADS` (lower-case) and the tail, not a suffix, is a tail that head takes.
 */
function isCommonCompound(head: string, tail: string): boolean {
  return !SUFFIXES.has(tail) && (COMPOUND_HEADS.get(head)?.test(tail) ?? false);
}

/**
 * How two lines of one paragraph join: characters to drop from the end of the first, and what goes between. Hyphen rule: a letter + hyphen at the line end followed by a lower-case
 * letter is a word broken by hyphenation and is joined without the hyphen ("sum-" + "marization"), unless it is a
 * compound: the document writes it with its hyphen inside a line and never joined ("cross-" + "border" stays
 * "cross-border"), or, when the document writes it both ways or not at all, its head is a common compound head
 * (`isCommonCompound`: "well-" + "known", "follow-" + "up"). Before a capital or a digit the hyphen belongs to the word ("Franco-" + "German", "COVID-" + "19")
 * and stays, without a space; so does the last hyphen of a compound already hyphenated before it ("state-of-the-" +
 * "art") and a hyphen between digits ("2019-" + "2024", a range). A dash with a space before it (" -", " –") is punctuation: a space follows. A soft
 * hyphen (U+00AD) is always a break point and is removed.
 */
function joinLines(previous: string, next: string, vocab: ReturnType<typeof vocabulary>): { drop: number; separator: string } {
  const keep = { drop: 0, separator: '' };
  if (previous.endsWith('\u00ad')) return { drop: 1, separator: '' };
  if (COMPOUND_END.test(previous) || (/\p{N}[-\u2010]$/u.test(previous) && /^\p{N}/u.test(next))) return keep;
  const hyphenated = previous.match(HYPHEN_END);
  if (hyphenated) {
    const head = hyphenated[1]!.toLowerCase();
    const tail = next.match(FIRST_WORD)?.[0];
    if (tail && tail === tail.toLowerCase() && tail !== tail.toUpperCase()) {
      const writtenHyphenated = vocab.compounds.has(`${head}-${tail}`);
      const writtenJoined = vocab.words.has(head + tail);
      const compound = writtenHyphenated !== writtenJoined ? writtenHyphenated : isCommonCompound(head, tail);
      return compound ? keep : { drop: 1, separator: '' };
    }
    if (/^[\p{Lu}\p{N}]/u.test(next)) return keep;
  }
  if (/\p{L}[—―]$/u.test(previous)) return keep;
  if (CJK.test(previous.slice(-1)) || CJK.test(next.charAt(0))) return keep;
  return { drop: 0, separator: ' ' };
}

/**
 * Whether `line`, the first line of a paragraph (or one after such a title), is a title, byline or caption set in
 * body size straight above the text, which keeps its own line: it does not end with sentence punctuation or leave a
 * sentence open, the next line starts a sentence, and it is either short (under `TITLE_LINE_SHARE` of its column's
 * widest line, the engine's rule for plain text) or written in title case (see `isTitleCase`), since a title may be
 * nearly as wide as the text ("Port Ellis Water Authority: Annual Review of Operations" / "This review…").
 */
function isTitleLine(line: TextLine, next: TextLine, widest: number): boolean {
  const content = line.text.replace(TRAILING_CLOSERS, '');
  if (endsWithTerminator(line.text) || OPEN_LINE_END.test(content) || !STARTS_SENTENCE.test(next.text)) return false;
  return line.x1 - line.x0 < TITLE_LINE_SHARE * widest || isTitleCase(content);
}

/**
 * Headline-style capitalization (Chicago Manual of Style, 17th ed., 8.159): the first and last words and every word
 * of four or more letters start with a capital. Prose lines keep most of their words in lower case.
 */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const capitalised = (word: string) => /^\p{Lu}/u.test(word);
  if (words.length === 0 || !capitalised(words[0]!) || !capitalised(words[words.length - 1]!)) return false;
  return words.every((word) => word.length < 4 || capitalised(word));
}

/**
 * The text of a document from its pages' lines, each page already in reading order (see `orderLines`): paragraphs
 * separated by a blank line, no line breaks inside them except after a title line that runs into its text (see
 * `isTitleLine`).
 */
export function linesToText(pages: readonly (readonly TextLine[])[]): string {
  const lines: Placed[] = pages.flatMap((page, number) => page.map((line) => ({ ...line, page: number })));
  if (lines.length === 0) return '';

  // Column blocks: maximal runs of lines that continue one another; their usual edges are the column's.
  const blockOf: number[] = [0];
  for (let i = 1; i < lines.length; i++) blockOf.push(blockOf[i - 1]! + (continuesBlock(lines[i - 1]!, lines[i]!) ? 0 : 1));
  const members = new Map<number, Placed[]>();
  lines.forEach((line, i) => {
    const block = members.get(blockOf[i]!);
    if (block) block.push(line);
    else members.set(blockOf[i]!, [line]);
  });
  // Left edge: a low quantile, since many short paragraphs make indented lines common; right edge: the median.
  const left = new Map([...members].map(([block, ls]) => [block, percentile(ls.map((l) => l.x0), 10)]));
  const right = new Map([...members].map(([block, ls]) => [block, percentile(ls.map((l) => l.x1), 50)]));
  const widest = new Map([...members].map(([block, ls]) => [block, Math.max(...ls.map((l) => l.x1 - l.x0))]));
  // Usual line spacing per font size (rounded to half points): the lower quartile of baseline drops inside blocks,
  // since the drops also hold the (larger) paragraph gaps.
  const drops = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    if (blockOf[i] !== blockOf[i - 1]) continue;
    const key = Math.round(lines[i]!.size * 2);
    const seen = drops.get(key) ?? [];
    seen.push(lines[i - 1]!.y - lines[i]!.y);
    drops.set(key, seen);
  }
  const usualDrop = new Map([...drops].map(([key, seen]) => [key, percentile(seen, 25)]));
  const spacing = (line: TextLine): number => usualDrop.get(Math.round(line.size * 2)) ?? 1.2 * line.size;

  const vocab = vocabulary(lines);
  const paragraphs: string[] = [];
  let current = lines[0]!.text;
  let first = lines[0]!;
  // Whether the paragraph so far is title lines only (its first line, and any title lines kept on their own).
  let opening = true;
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const sameBlock = blockOf[i] === blockOf[i - 1];
    const space = CJK.test(b.text.charAt(0)) ? 0 : WORD_SPACE_EM * a.size;
    const stoppedShort = a.x1 + space + firstWordWidth(b) < right.get(blockOf[i - 1]!)! - FIT_SLACK_EM * a.size;
    // "COVID-" + "19. The …" is a compound broken at its hyphen, not a list item.
    const item = LIST_MARKER.test(b.text) && !HYPHEN_END.test(a.text);
    const wordGoesOn = WORD_BREAK_END.test(a.text);
    // The wrapped lines of a list item hang under its text, right of the marker: that is not an indent.
    const hanging = sameBlock && !item && LIST_MARKER.test(first.text) && b.x0 > first.x0;
    const indented = !hanging && b.x0 > left.get(blockOf[i]!)! + INDENT_EM * b.size;
    const gap = sameBlock && a.y - b.y > PARAGRAPH_GAP * spacing(b);
    if (!sameSize(a, b) || (!wordGoesOn && (gap || indented || stoppedShort || item))) {
      paragraphs.push(current);
      current = b.text;
      first = b;
      opening = true;
    } else {
      const { drop, separator } = joinLines(a.text, b.text, vocab);
      const title: boolean = opening && isTitleLine(a, b, widest.get(blockOf[i - 1]!)!);
      current = title ? `${current}\n${b.text}` : current.slice(0, current.length - drop) + separator + b.text;
      opening = title;
    }
  }
  paragraphs.push(current);
  return paragraphs.join('\n\n');
}
