/**
 * pdf.js text items → text lines. pdf.js gives runs of glyphs in content-stream order; a line here is the runs that
 * share a baseline and follow each other with no wider gap than `COLUMN_GAP_EM`, so two columns drawn on the same
 * baseline stay two lines.
 */

/** The part of a pdf.js `TextItem` the layout reads (`transform` = [a b c d e f], text origin at (e, f), y up). */
export interface PdfTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  fontName?: string;
}

/** pdf.js mixes text items with marked-content markers (no `str`); this keeps the text items. */
export function isTextItem<T extends object>(item: T): item is T & PdfTextItem {
  return 'str' in item;
}

/** A line of text on one page, PDF units, y up; `y` is the baseline, `size` the font size. */
export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Runs on one baseline further apart than this many ems may be separate lines (column gutters are wider). */
export const COLUMN_GAP_EM = 1;
/** Baselines closer than this many ems are one row (super- and subscripts sit about a third of an em off). */
export const SAME_ROW_EM = 0.45;
// A number or list marker set apart from its text ("2.1   Naming", "A.1   Scope", "b)   item", "•   item") stays on
// its line up to this gap.
const LABEL_GAP_EM = 3;
const LABEL = /^\s*(?:\p{N}{1,3}(?:\.\p{N}{1,3}){0,3}\.?|\p{Lu}(?:\.\p{N}{1,3}){0,3}\.|\(?(?:\p{L}|[ivxlc]{1,5})\)|[IVXLC]{1,5}\.|[•●○◦▪■‣∙·*–-])\s*$/u;
// Rows above and below a wide gap that are compared with it to tell a gutter from a justified space.
const NEIGHBOUR_ROWS = 3;
/** Characters of scripts written without spaces between words (Han, kana, CJK punctuation, full-width forms). */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// A gap wider than this (in ems) between runs is a word space when the runs themselves carry none (never between CJK
// characters, which justified CJK text spaces out).
const WORD_GAP_EM = 0.15;
// Between CJK runs a gap wider than half a character is a space the text sets (a title's "加速　漏水率"), written as
// a full-width space; justification spreads CJK characters by less.
const CJK_SPACE_EM = 0.5;

interface Run {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

function toRun(item: PdfTextItem): Run | null {
  if (item.str.trim() === '') return null;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
  return { text: item.str, x0: e, x1: e + Math.max(0, item.width), y: f, size };
}

function joinRuns(runs: Run[]): TextLine {
  let text = runs[0]!.text;
  for (let i = 1; i < runs.length; i++) {
    const previous = runs[i - 1]!;
    const run = runs[i]!;
    const gap = run.x0 - previous.x1;
    const em = Math.max(previous.size, run.size);
    const cjk = CJK.test(text.slice(-1)) && CJK.test(run.text.charAt(0));
    const spaced = /\s$/.test(text) || /^\s/.test(run.text);
    if (cjk && !spaced) text += gap > CJK_SPACE_EM * em ? `\u3000${run.text}` : run.text;
    else text += !spaced && !cjk && gap > WORD_GAP_EM * em ? ` ${run.text}` : run.text;
  }
  // The line's baseline and size are those of its longest run, so a superscript does not move the line.
  const main = runs.reduce((best, run) => (run.text.length > best.text.length ? run : best));
  return {
    // A full-width space (U+3000) stays: between CJK words it is the only visible separator.
    text: text.replace(/[^\S\u3000]+/g, ' ').trim(),
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y: main.y,
    size: main.size,
  };
}

/**
 * Lines of one page from its pdf.js text items, in no particular order. Whitespace-only items are dropped (gaps are
 * measured from positions); rotated text is placed by its origin. Runs on one row split where the gap exceeds
 * `COLUMN_GAP_EM`, except after a lone label (section number, list marker) within `LABEL_GAP_EM`, and except where
 * the rows around have text in the gap (a wide space of justified text; see `isGutter`).
 */
export function buildLines(items: readonly PdfTextItem[]): TextLine[] {
  const runs = items.map(toRun).filter((run): run is Run => run !== null);
  runs.sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const rows: Run[][] = [];
  for (const run of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - run.y) <= SAME_ROW_EM * Math.max(row[0]!.size, run.size)) row.push(run);
    else rows.push([run]);
  }
  const segments = rows.map(splitRow);
  const lines: TextLine[] = [];
  segments.forEach((row, r) => {
    let current = row[0]!;
    for (let k = 1; k < row.length; k++) {
      if (isGutter(current, row[k]!, segments, r)) {
        lines.push(joinRuns(current));
        current = row[k]!;
      } else {
        current = [...current, ...row[k]!];
      }
    }
    lines.push(joinRuns(current));
  });
  return lines.filter((line) => line.text !== '');
}

/** A row's runs, left to right, cut where the gap exceeds `COLUMN_GAP_EM` (not after a lone label). */
function splitRow(row: Run[]): Run[][] {
  row.sort((p, q) => p.x0 - q.x0);
  const segments: Run[][] = [[row[0]!]];
  let end = row[0]!.x1;
  for (const run of row.slice(1)) {
    const current = segments[segments.length - 1]!;
    const gap = run.x0 - end;
    const em = Math.max(run.size, current[0]!.size);
    const label = current.length === 1 && LABEL.test(current[0]!.text) && gap <= LABEL_GAP_EM * em;
    if (gap > COLUMN_GAP_EM * em && !label) segments.push([run]);
    else current.push(run);
    end = Math.max(end, run.x1);
  }
  return segments;
}

/**
 * Whether the gap between two segments of row `r` is a gutter between columns rather than a wide space in justified
 * text: it is a gutter unless two or more of the nearby rows with text on both sides of the gap, and more than half
 * of them, are closed over it, i.e. leave no free stretch of `COLUMN_GAP_EM` × 0.75 inside it (a title or a running
 * header above the columns is one closed row).
 */
function isGutter(left: Run[], right: Run[], rows: Run[][][], r: number): boolean {
  const start = Math.max(...left.map((run) => run.x1));
  const end = right[0]!.x0;
  const wide = 0.75 * COLUMN_GAP_EM * Math.max(left[0]!.size, right[0]!.size);
  let across = 0;
  let closed = 0;
  for (let k = Math.max(0, r - NEIGHBOUR_ROWS); k <= Math.min(rows.length - 1, r + NEIGHBOUR_ROWS); k++) {
    if (k === r) continue;
    const runs = rows[k]!.flat();
    if (Math.min(...runs.map((run) => run.x0)) >= start || Math.max(...runs.map((run) => run.x1)) <= end) continue;
    across++;
    let free = 0;
    let position = start;
    for (const run of runs) {
      if (run.x1 <= position || run.x0 >= end) continue;
      free = Math.max(free, run.x0 - position);
      position = Math.max(position, run.x1);
    }
    if (Math.max(free, end - position) < wide) closed++;
  }
  return closed < 2 || closed * 2 <= across;
}
