// Numbers shown with a summary and the source text, in the interface language; pure so they are tested in Node.
import { msg, str } from '@lit/localize';
import { wordCount } from '../../summarize/tokens';
import { formatNumber, formatPercent } from '../../ui/format';

export interface TextCounts {
  words: number;
  /** Unicode code points, so an emoji or a kanji counts once. */
  characters: number;
}

/** Counted once per text change: the word segmenter is the costly part, not the label. */
export function textCounts(text: string): TextCounts {
  return { words: wordCount(text), characters: [...text].length };
}

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
export function countLabel(counts: TextCounts): string {
  const words = wordsLabel(counts.words);
  const characters = charactersLabel(counts.characters);
  return msg(str`${words} · ${characters}`, { id: 'summarize.count' });
}

/** "58 of 612 words (9%)": the summary's length as a share of the source's, the percentage in the interface locale. */
export function compressionLabel(source: string, summary: string): string {
  const sourceWords = wordCount(source);
  const summaryWords = wordCount(summary);
  const kept = formatNumber(summaryWords);
  const of = formatNumber(sourceWords);
  const share = formatPercent(summaryWords, sourceWords);
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
