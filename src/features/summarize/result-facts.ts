// Numbers shown with a summary and the source text, in the interface language; pure so they are tested in Node.
import { msg, str } from '@lit/localize';
import { formatNumber, formatPercent } from '../../ui/format';
import { readerWordCount, type ReaderCounts } from './reader-counts';

/** A word count for people: "1 word", "1,234 words" (en) / "1,234 語" (ja). */
function wordsLabel(words: number): string {
  const n = formatNumber(words);
  return words === 1 ? msg(str`${n} word`, { id: 'summarize.count.word' }) : msg(str`${n} words`, { id: 'summarize.count.words' });
}

function charactersLabel(characters: number): string {
  const n = formatNumber(characters);
  return characters === 1 ? msg(str`${n} character`, { id: 'summarize.count.character' }) : msg(str`${n} characters`, { id: 'summarize.count.characters' });
}

/** "113 words · 661 characters" (en) / "113 語・661 文字" (ja). */
export function countLabel(counts: ReaderCounts): string {
  const words = wordsLabel(counts.words);
  const characters = charactersLabel(counts.characters);
  return msg(str`${words} · ${characters}`, { id: 'summarize.count' });
}

/** A share in whole percents, except that a part above zero never reads "0%": "< 1%". */
function shareLabel(part: number, whole: number): string {
  const share = formatPercent(part, whole);
  return part > 0 && share === formatPercent(0, 1) ? `< ${formatPercent(1, 100)}` : share;
}

/**
 * "58 of 612 words (9%)": the summary's length as a share of the source's in words as a reader counts them, the
 * percentage in the interface locale ("< 1%" for a short summary of a huge text).
 */
export function compressionLabel(source: string, summary: string): string {
  const sourceWords = readerWordCount(source);
  const summaryWords = readerWordCount(summary);
  const kept = formatNumber(summaryWords);
  const of = formatNumber(sourceWords);
  const share = shareLabel(summaryWords, sourceWords);
  return msg(str`${kept} of ${of} words (${share})`, { id: 'summarize.compression' });
}

/** Whole milliseconds below a second, tenths of a second above: "< 1 ms", "12 ms", "2.3 s". */
export function durationLabel(ms: number): string {
  if (ms < 1) return '< 1 ms';
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  return `${formatNumber(ms / 1000, 1)} s`;
}

export interface SourcePiece {
  text: string;
  chosen: boolean;
}

/** The source cut into runs of plain text and chosen sentences, for the highlighted view (few DOM nodes). */
export function highlightPieces(source: string, spans: readonly { start: number; end: number }[], selected: readonly number[]): SourcePiece[] {
  const pieces: SourcePiece[] = [];
  let at = 0;
  for (const index of selected) {
    const span = spans[index];
    if (!span || span.start < at) continue;
    if (span.start > at) pieces.push({ text: source.slice(at, span.start), chosen: false });
    pieces.push({ text: source.slice(span.start, span.end), chosen: true });
    at = span.end;
  }
  if (at < source.length) pieces.push({ text: source.slice(at), chosen: false });
  return pieces;
}
