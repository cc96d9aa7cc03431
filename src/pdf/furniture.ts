/**
 * Page furniture: running headers and footers and page numbers, which a reader skips. Only lines in a page's top or
 * bottom band (its `BAND_ROWS` highest and lowest rows) are candidates, so a body line is never removed for looking
 * like furniture.
 */
import { percentile } from '../util/percentile';
import { PARAGRAPH_GAP } from './paragraphs';
import { SAME_ROW_EM, type TextLine } from './text-lines';

/** Rows at the top and at the bottom of a page where headers, footers and page numbers live. */
export const BAND_ROWS = 2;
// A line this much larger than the page's usual (median) size is a title, as on each page of a run of invoices.
const TITLE_SIZE = 1.15;
/**
 * A band line repeated at the same height on this share of the pages, and on two or more, is running, when its text
 * is the same on those pages or differs only in numbers that step with the page number.
 */
export const RUNNING_SHARE = 0.4;

// Page numbers in their common forms: "3", "- 3 -", "3 / 9", "page 3", "Page 3 of 9", "p. 3", Roman "iv", "3ページ", "第3页".
const PAGE_NUMBER = new RegExp(
  `^(?:${[
    String.raw`\d{1,4}`,
    String.raw`[-–—]\s*\d{1,4}\s*[-–—]`,
    String.raw`\d{1,4}\s*(?:/|of)\s*\d{1,4}`,
    String.raw`(?:page|pg\.?|p\.|seite|página|pagina|pág\.?|стр\.?|страница)\s*\d{1,4}(?:\s*(?:/|of|von|de|di|из)\s*\d{1,4})?`,
    String.raw`(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})`,
    String.raw`\d{1,4}\s*(?:ページ|頁|页)`,
    String.raw`第\s*\d{1,4}\s*(?:ページ|頁|页)`,
  ]
    .map((form) => `(?:${form})`)
    .join('|')})$`,
  'iu',
);

/** True when `text` is only a page number in one of the common forms (see `PAGE_NUMBER`). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** The key a running line keeps from page to page: case, spacing and the digits (page numbers, dates) removed. */
export function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

interface BandRow {
  lines: TextLine[];
  /** Set apart from the page's body: a gap wider than a paragraph gap lies between this row and the body. */
  apart: boolean;
}

/**
 * The page's `BAND_ROWS` highest rows, top first, and its lowest rows, bottom first. A row is apart when a baseline
 * drop of more than `PARAGRAPH_GAP` × the usual line spacing (the page's lower-quartile row drop, at most 1.5 em)
 * separates it, or a row between it and the body, from the next row inward; a body line in the band is not.
 */
function bandRows(lines: readonly TextLine[]): { top: BandRow[]; bottom: BandRow[] } {
  const rows: TextLine[][] = [];
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - line.y) <= SAME_ROW_EM * Math.min(row[0]!.size, line.size)) row.push(line);
    else rows.push([line]);
  }
  const drops = rows.slice(1).map((row, i) => rows[i]![0]!.y - row[0]!.y);
  const usual = drops.length > 0 ? percentile(drops, 25) : 0;
  const edge = (ordered: TextLine[][]): BandRow[] =>
    ordered.slice(0, BAND_ROWS).map((row, r) => ({
      lines: row,
      apart: ordered.slice(r, BAND_ROWS).some((outer, b) => {
        const inner = ordered[r + b + 1];
        const spacing = Math.min(usual, 1.5 * Math.max(...outer.map((line) => line.size)));
        return !inner || Math.abs(outer[0]!.y - inner[0]!.y) > PARAGRAPH_GAP * spacing;
      }),
    }));
  return { top: edge(rows), bottom: edge([...rows].reverse()) };
}

/** The numbers written in `text`, in order (the digit runs `runningKey` replaces). */
function numbersIn(text: string): number[] {
  return (text.match(/\d+/g) ?? []).map(Number);
}

/**
 * True when two band lines with one `runningKey`, on pages `pageA` and `pageB`, read as the same running line: each
 * number is the same on both, or keeps its offset from the page index (a page number, "Vol. 3 — 1043"). Numbers
 * that vary otherwise (an invoice's amounts, a numbered list) are body text.
 */
function sameRunningLine(a: string, pageA: number, b: string, pageB: number): boolean {
  const numbersB = numbersIn(b);
  return numbersIn(a).every((n, k) => n === numbersB[k] || n - pageA === numbersB[k]! - pageB);
}

/**
 * Each page's lines without running headers/footers and page numbers. Pages are arrays of lines in any order; the
 * result keeps each page's order. Removed from a page's bands: page numbers; the whole outermost row (top or bottom)
 * when it holds a page number ("Chapter 2: Methods ... 7", which changes by chapter); and running lines, which recur
 * at about the same height (within one line) on at least `RUNNING_SHARE` of the pages and on two or more, with the
 * same text or numbers stepping with the page (see `sameRunningLine`), set apart from the body (see `bandRows`) and
 * not larger than the page's usual text (`TITLE_SIZE`). When that would leave no text at all, the
 * pages are returned whole: a document is never emptied by this guess.
 */
export function removeFurniture(pages: readonly (readonly TextLine[])[]): TextLine[][] {
  const bands = pages.map(bandRows);
  const seenByKey = new Map<string, { page: number; y: number; text: string }[]>();
  bands.forEach(({ top, bottom }, page) => {
    for (const line of [...top, ...bottom].flatMap((row) => row.lines)) {
      const key = runningKey(line.text);
      const seen = seenByKey.get(key) ?? [];
      seen.push({ page, y: line.y, text: line.text });
      seenByKey.set(key, seen);
    }
  });
  const needed = Math.max(2, Math.ceil(RUNNING_SHARE * pages.length));
  const isRunning = (line: TextLine, page: number): boolean => {
    const seen = seenByKey.get(runningKey(line.text)) ?? [];
    const alike = seen.filter((s) => Math.abs(s.y - line.y) <= line.size && sameRunningLine(line.text, page, s.text, s.page));
    return new Set(alike.map((s) => s.page)).size >= needed;
  };
  const kept = pages.map((lines, i) => {
    const { top, bottom } = bands[i]!;
    const furniture = new Set<TextLine>();
    for (const row of [top[0], bottom[0]]) if (row?.lines.some((line) => isPageNumber(line.text))) row.lines.forEach((line) => furniture.add(line));
    const titleSize = lines.length > 0 ? TITLE_SIZE * percentile(lines.map((line) => line.size), 50) : 0;
    for (const row of [...top, ...bottom]) {
      for (const line of row.lines) {
        if (isPageNumber(line.text) || (row.apart && line.size <= titleSize && isRunning(line, i))) furniture.add(line);
      }
    }
    return lines.filter((line) => !furniture.has(line));
  });
  const hasText = (ls: readonly (readonly TextLine[])[]): boolean => ls.some((lines) => lines.some((line) => line.text.trim() !== ''));
  return hasText(kept) || !hasText(pages) ? kept : pages.map((lines) => [...lines]);
}
