// Per-sentence features for the learned sentence scorer. News puts the point first, so position (in sentences and
// in words) matters most; centrality, overlap with the opening, the first three sentences, the neighbours and the
// document centroid, word frequency (SumBasic), novelty and shape (length, quotes, attributions, numbers,
// questions, pronoun openers) refine it, and document-level figures (length, sentence length, the opening's length)
// let the trees tell styles of article apart. Features are plain numbers; the scorer is a tree ensemble.
import { lexRank } from './centrality';
import { hasSentenceTerminator, isListItem, isMarkdownHeading, type Sentence } from './sentences';
import { buildTfidf, dotDense, addScaled, toDense, sparseDot, type TfidfSpace } from './tfidf';
import { contentWords, wordCount } from './tokens';

export const FEATURE_NAMES = [
  'is_first',
  'is_second',
  'is_third',
  'in_first_five',
  'inverse_position',
  'relative_position',
  'log_words',
  'short_sentence',
  'long_sentence',
  'lexrank',
  'similarity_to_opening',
  'similarity_to_centroid',
  'has_quote',
  'dangling_opener',
  'capitalised_ratio',
  'has_number',
  'looks_like_caption',
  'log_words_before',
  'similarity_to_lead',
  'is_question',
  'has_attribution',
  'number_density',
  'log_sentences',
  'mean_sentence_words',
  'log_opening_words',
  'word_position',
  'novelty',
  'sumbasic',
  'content_word_ratio',
  'similarity_to_next',
  'similarity_to_previous',
  'starts_with_quote',
] as const;

export interface DocumentFeatures {
  space: TfidfSpace;
  rows: Float64Array[];
  wordCounts: number[];
  /**
   * 1 for a sentence that is not picked while others remain: page furniture or a fragment (see `isSkipped`), or a
   * title, byline or heading on a line of its own.
   */
  skipped: Uint8Array;
}

// Openers that lean on the sentence before ("But …", 「しかし…」) read badly out of context.
const DANGLING = /^(?:[`'"“‘\s]*)(but|and|so|or|however|he|she|it|they|this|these|those|that|his|her|their|its|also|yet|then|there)\b|^\s*(?:しかし|また|一方|そして|だが|さらに|これ|それ|この|その|同氏|彼|彼女|ただ|なお)/i;
// Photo captions merged into news text: "Novel idea : …", "… ( left ) …", "Scroll down for video".
const CAPTION = /^[^.:]{1,30} : |\( ?(?:left|right|pictured|centre|center|above|below|middle|file[^)]*)\b|scroll down|click here|read more/i;
// Text that belongs to the web page around an article, not to its story: photo captions that point at the picture
// ("… ( pictured ) …", "… ( left ) and … ( right )") and video/link prompts.
const PAGE_FURNITURE =
  /\( ?(?:pictured|left|right|centre|center|above|below|top|bottom|inset|middle|far left|far right|file photo)\b[^()]{0,40}\)|scroll down for|click here|read more :|sorry , this video|video courtesy/i;
// "( l )", "( r )", "( c )" mark people in a photo; lower case only, so "Sen. Smith (R)" stays text.
const PHOTO_POSITION = /\( ?[lrc] ?\)/;
// Code blocks and table rows from Markdown are not prose a summary could quote.
const NOT_PROSE = /```|~~~|^\s*\|.*\|\s*$/m;
// Shorter pieces are fragments that do not stand alone in a summary ("Taser !", "`` Oh !", "I shot him .").
const MIN_STANDALONE_WORDS = 5;

/**
 * Sentences a summary should not contain while story sentences remain: page furniture, fragments, code and tables.
 * A hard rule rather than feature weights: 160 training articles gave the caption and length features too little
 * weight to keep them out, and held-out ROUGE is as good or better without them.
 */
function isSkipped(text: string, words: number): boolean {
  return words < MIN_STANDALONE_WORDS || PAGE_FURNITURE.test(text) || PHOTO_POSITION.test(text) || NOT_PROSE.test(text);
}
// Reported speech ("… , police said .", 「…」と首相は述べた) tends to carry detail rather than the point.
const ATTRIBUTION = /\b(?:said|says|told|according to|added|explained|claimed)\b|(?:述べ|話し|語っ|語り|説明し|明らかにし|指摘し|強調し)(?:た|ている)|によると/i;
const QUOTE = /``|''|["“”「」]|(?:^|\s)'\S|\S'(?:\s|$)/;
const OPENING_QUOTE = /^\s*(?:``|"|“|'|「)/;

/**
 * Each unit's place among the story's sentences, or undefined for a caption, byline or heading: a unit the splitter
 * marked `heading` (a title line, even with "." or "?" in it) or one without sentence punctuation, in a text whose
 * sentences have it. Such units are not the story's opening ("ニック・トリグル健康担当編集委員" before the first
 * sentence), so the opening features describe the first sentence a reader reads as one. Text that is mostly
 * unpunctuated (a transcript, a list) keeps every unit's plain position.
 */
function storyPositions(sentences: readonly Sentence[]): (number | undefined)[] {
  const isStory = sentences.map((s) => !s.heading && hasSentenceTerminator(s.text));
  const punctuated = isStory.filter(Boolean).length;
  if (punctuated < 3 || punctuated < sentences.length / 2) return sentences.map((_, i) => i);
  let next = 0;
  return isStory.map((t) => (t ? next++ : undefined));
}

export function documentFeatures(sentences: readonly Sentence[]): DocumentFeatures {
  const texts = sentences.map((s) => s.text);
  const space = buildTfidf(texts);
  const centrality = lexRank(space);
  const n = sentences.length;
  const story = storyPositions(sentences);
  const storyOrder = story.flatMap((p, i) => (p === undefined ? [] : [i]));
  const centroid = new Float64Array(space.vocabularySize);
  for (const v of space.vectors) addScaled(centroid, v, 1);
  const centroidNorm = Math.sqrt(centroid.reduce((s, x) => s + x * x, 0)) || 1;
  const opening = n > 0 ? toDense(space.vectors[storyOrder[0] ?? 0]!, space.vocabularySize) : centroid;
  const lead = new Float64Array(space.vocabularySize);
  for (const i of storyOrder.slice(0, 3)) addScaled(lead, space.vectors[i]!, 1);
  const leadNorm = Math.sqrt(lead.reduce((s, x) => s + x * x, 0)) || 1;
  const wordCounts = texts.map(wordCount);
  const totalWords = wordCounts.reduce((a, b) => a + b, 0);
  const content = texts.map(contentWords);
  // SumBasic (Nenkova & Vanderwende 2005): a sentence's mean document probability of its content words.
  const frequency = new Map<string, number>();
  for (const list of content) for (const w of list) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const contentTotal = Math.max(1, content.reduce((a, list) => a + list.length, 0));
  const seen = new Set<string>();
  const scratch = new Float64Array(space.vocabularySize);
  const similarity = (i: number, j: number) => (j >= 0 && j < n ? sparseDot(space.vectors[i]!, space.vectors[j]!, scratch) : 0);
  let wordsBefore = 0;
  const rows = sentences.map((sentence, i) => {
    const words = wordCounts[i]!;
    const tokens = sentence.text.split(/\s+/).filter((t) => /\p{L}/u.test(t));
    const capitalised = tokens.slice(1).filter((t) => /^\p{Lu}/u.test(t)).length / Math.max(1, tokens.length - 1);
    const vector = space.vectors[i]!;
    const before = wordsBefore;
    wordsBefore += words;
    const own = content[i]!;
    const novel = own.filter((w) => !seen.has(w)).length;
    for (const w of own) seen.add(w);
    const sumBasic = own.reduce((a, w) => a + frequency.get(w)! / contentTotal, 0) / Math.max(1, own.length);
    const p = story[i];
    return Float64Array.from([
      p === 0 ? 1 : 0,
      p === 1 ? 1 : 0,
      p === 2 ? 1 : 0,
      p !== undefined && p < 5 ? 1 : 0,
      1 / ((p ?? i) + 1),
      n > 1 ? i / (n - 1) : 0,
      Math.log(1 + words),
      words < 8 ? 1 : 0,
      words > 45 ? 1 : 0,
      Math.log(centrality[i]!),
      dotDense(vector, opening),
      dotDense(vector, centroid) / centroidNorm,
      QUOTE.test(sentence.text) ? 1 : 0,
      DANGLING.test(sentence.text) ? 1 : 0,
      capitalised,
      /\d/.test(sentence.text) ? 1 : 0,
      CAPTION.test(sentence.text) ? 1 : 0,
      Math.log(1 + before),
      dotDense(vector, lead) / leadNorm,
      /[?？]\s*(?:''|"|”|'|」)?\s*$/.test(sentence.text) ? 1 : 0,
      ATTRIBUTION.test(sentence.text) ? 1 : 0,
      (sentence.text.match(/\d+/g) ?? []).length / Math.max(1, words),
      Math.log(1 + n),
      totalWords / Math.max(1, n),
      Math.log(1 + wordCounts[storyOrder[0] ?? 0]!),
      before / Math.max(1, totalWords),
      own.length > 0 ? novel / own.length : 0,
      100 * sumBasic,
      own.length / Math.max(1, words),
      similarity(i, i + 1),
      similarity(i, i - 1),
      OPENING_QUOTE.test(sentence.text) ? 1 : 0,
    ]);
  });
  // A line set apart as a title, byline, heading or running header in a punctuated text is not story; list items
  // are, however they end. A Markdown heading is never story, nor is a unit the splitter marked as a title while
  // such units are no more than the others (a short story under a headline, byline and dateline; not a transcript
  // whose every line stands alone).
  const headings = sentences.filter((s) => s.heading).length;
  const titlesAreFew = headings <= sentences.length - headings;
  const isTitleLine = (i: number) =>
    sentences[i]!.ownLine === true &&
    !isListItem(texts[i]!) &&
    (story[i] === undefined || isMarkdownHeading(texts[i]!) || (sentences[i]!.heading === true && titlesAreFew));
  const skipped = Uint8Array.from(texts, (text, i) => (isSkipped(text, wordCounts[i]!) || isTitleLine(i) ? 1 : 0));
  return { space, rows, wordCounts, skipped };
}
