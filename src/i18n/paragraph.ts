/**
 * Sentences of interface text joined into one paragraph, spaced as each language writes them: Japanese and Chinese
 * put nothing after a full-width 。！？ (JIS X 4051, the Japanese layout standard), English one space after its full
 * stop. The rule reads the sentence, not the interface language, so an English sentence from a worker inside a
 * Japanese message keeps its space.
 */

// A full-width sentence end, with the closing brackets or quotes that may follow it (「…です。」).
const FULL_WIDTH_END = /[。！？｡][」』）】〉》〕］｝〟＞”’"']*$/u;

/**
 * `sentences` in order as one paragraph: each trimmed; undefined, false and empty ones left out; one space between
 * two, except after a full-width sentence end. Returns '' when none is left.
 */
export function paragraph(sentences: readonly (string | undefined | false)[]): string {
  let text = '';
  for (const raw of sentences) {
    const sentence = raw ? raw.trim() : '';
    if (!sentence) continue;
    text += text === '' || FULL_WIDTH_END.test(text) ? sentence : ` ${sentence}`;
  }
  return text;
}
