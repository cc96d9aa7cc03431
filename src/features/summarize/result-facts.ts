// Numbers shown with a summary and the source text; pure so they are tested in Node.
import { wordCount } from '../../summarize/tokens';

export function countLabel(text: string): string {
  const words = wordCount(text);
  const characters = [...text].length;
  return `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'} · ${characters.toLocaleString('en')} ${characters === 1 ? 'character' : 'characters'}`;
}

/** "58 of 612 words (9.5 %)": the summary's length as a share of the source's. */
export function compressionLabel(source: string, summary: string): string {
  const sourceWords = wordCount(source);
  const summaryWords = wordCount(summary);
  const share = sourceWords === 0 ? 0 : (100 * summaryWords) / sourceWords;
  return `${summaryWords.toLocaleString('en')} of ${sourceWords.toLocaleString('en')} words (${share.toFixed(1)} %)`;
}

export function durationLabel(ms: number): string {
  if (ms < 1) return '< 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
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
