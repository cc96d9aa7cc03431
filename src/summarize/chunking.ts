// Splits a long document into pieces that fit a model's input, on sentence boundaries where possible
// (a sentence longer than the limit is cut between words). Used for map-reduce summarization.
import { splitSentences } from './sentences';

/**
 * Packs sentences greedily into chunks of at most `maxTokens` tokens as counted by `countTokens` (which should
 * leave out special tokens: the caller keeps room for them).
 */
export function chunkByTokens(text: string, countTokens: (text: string) => number, maxTokens: number): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  const flush = () => {
    if (current.length > 0) chunks.push(current.join(' '));
    current = [];
    currentTokens = 0;
  };
  for (const sentence of splitSentences(text)) {
    for (const piece of fitPieces(sentence.text, countTokens, maxTokens)) {
      const tokens = countTokens(piece);
      if (currentTokens + tokens > maxTokens) flush();
      current.push(piece);
      currentTokens += tokens;
    }
  }
  flush();
  return chunks;
}

/**
 * A sentence as is when it fits, else cut into runs of words that each fit. Word counts are summed rather than
 * re-counting growing runs, so a huge unpunctuated text stays linear.
 */
function fitPieces(sentence: string, countTokens: (text: string) => number, maxTokens: number): string[] {
  if (countTokens(sentence) <= maxTokens) return [sentence];
  const pieces: string[] = [];
  let run: string[] = [];
  let runTokens = 0;
  for (const word of sentence.split(/\s+/).filter(Boolean)) {
    const tokens = countTokens(word);
    if (run.length > 0 && runTokens + tokens > maxTokens) {
      pieces.push(run.join(' '));
      run = [];
      runTokens = 0;
    }
    run.push(word);
    runTokens += tokens;
  }
  if (run.length > 0) pieces.push(run.join(' '));
  return pieces;
}
