// Emphasis inside a translated sentence: the sentence is translated whole with SLOT where the emphasised words go
// (their place differs by language: "Draw a cat" / 「ねこを描いて！」), then split there for the markup.

/** A private-use character no translation or label contains. */
export const SLOT = '\u{E000}';

/** The text before and after SLOT in `sentence` ("" when SLOT is at an end; the whole sentence first when absent). */
export function aroundSlot(sentence: string): [before: string, after: string] {
  const at = sentence.indexOf(SLOT);
  return at < 0 ? [sentence, ''] : [sentence.slice(0, at), sentence.slice(at + SLOT.length)];
}
