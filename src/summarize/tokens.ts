// Word tokens shared by the ROUGE scorer, the extractive engine and the page's counts. Text in scripts that put
// spaces between words (Latin, Cyrillic, Greek, Hangul…) is cut into lower-case runs of letters and digits, so PTB
// spacing ("team 's") and ordinary prose ("team's") tokenise alike. Text containing a script written without
// spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) is cut by Intl.Segmenter's dictionary word breaks (UAX #29
// plus ICU's dictionaries), keeping its word-like segments; Latin words inside such text are cut as above.

const WORD = /[\p{L}\p{N}]+/gu;
// Outside the Latin script vowel signs and tone marks (Thai, Devanagari, Arabic…) are part of the word.
const WORD_WITH_MARKS = /[\p{L}\p{M}\p{N}]+/gu;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether `text` holds a script written without spaces between words (its words need a dictionary). */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text);
}

const SCRIPT_LETTERS = {
  latin: /\p{Script=Latin}/gu,
  han: /\p{Script=Han}/gu,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  hangul: /\p{Script=Hangul}/gu,
  thai: /\p{Script=Thai}/gu,
  letter: /\p{L}/gu,
};
// Chinese text may quote a Japanese name; Japanese prose is a third or more kana.
const MIN_KANA_SHARE_FOR_JAPANESE = 0.05;
// The first characters decide: enough to tell the script of a document, and a 5 MB text costs no more.
const LOCALE_SAMPLE_CHARS = 20_000;

/**
 * The segmentation locale for `text` from the script most of its letters are in: Han with kana → "ja", Han only →
 * "zh", Hangul → "ko", Thai → "th", Latin → "en"; another script (Cyrillic, Arabic, Devanagari…) → undefined
 * (Intl.Segmenter's root rules).
 */
export function scriptLocale(text: string): string | undefined {
  const sample = text.slice(0, LOCALE_SAMPLE_CHARS);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const han = count(SCRIPT_LETTERS.han);
  const kana = count(SCRIPT_LETTERS.kana);
  const letters = count(SCRIPT_LETTERS.letter);
  const candidates: [string | undefined, number][] = [
    ['en', count(SCRIPT_LETTERS.latin)],
    [kana >= MIN_KANA_SHARE_FOR_JAPANESE * (han + kana) ? 'ja' : 'zh', han + kana],
    ['ko', count(SCRIPT_LETTERS.hangul)],
    ['th', count(SCRIPT_LETTERS.thai)],
  ];
  const [locale, best] = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (best === 0) return undefined;
  // Letters of another script outnumber the winner: root rules suit it better than a wrong language's.
  return letters - candidates.reduce((sum, [, n]) => sum + n, 0) > best ? undefined : locale;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One cached word segmenter per locale (constructing one loads ICU data). */
export function wordSegmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** `text` cut at Intl.Segmenter word boundaries (words, spaces and punctuation alike; they concatenate to `text`). */
export function wordSegments(text: string): string[] {
  return Array.from(wordSegmenter(scriptLocale(text)).segment(text), (s) => s.segment);
}

function tokenize(text: string): string[] {
  // Text in Latin letters only keeps the original rule, so ROUGE on it is what it always was.
  const word = NON_LATIN_LETTER.test(text) ? WORD_WITH_MARKS : WORD;
  if (!hasUnspacedScript(text)) return text.match(word) ?? [];
  const tokens: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter(scriptLocale(text)).segment(text)) {
    if (isWordLike) for (const piece of segment.match(word) ?? []) tokens.push(piece);
  }
  return tokens;
}

/** Lower-case word tokens of `text` (see the file comment for how words are found). */
export function words(text: string): string[] {
  return tokenize(text.toLowerCase());
}

/** The number of words in `text`, as `words` counts them. */
export function wordCount(text: string): number {
  return tokenize(text).length;
}

// Function words carry no topic; dropping them keeps TF-IDF similarities about content.
export const STOPWORDS = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves s t n re ve ll d m said says also')
    .split(' '),
);
// Chinese function words (particles, pronouns, prepositions) that the segmenter returns as words. Chinese only:
// in Japanese the same characters are often content (東京都's 都).
const CHINESE_STOPWORDS = new Set(
  '的 了 是 在 和 与 及 也 有 就 不 都 而 被 把 这 那 之 其 为 对 从 以 将 等 中 我 你 他 她 它 们 我们 他们 说'.split(' '),
);
// Japanese particles, auxiliaries and inflections are written in hiragana; the topic is in kanji and katakana.
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

/** `words` without function words: English stopwords, Japanese hiragana-only words, Chinese function words. */
export function contentWords(text: string): string[] {
  const chinese = hasUnspacedScript(text) && scriptLocale(text) === 'zh';
  return words(text).filter((w) => !STOPWORDS.has(w) && !HIRAGANA_ONLY.test(w) && !(chinese && CHINESE_STOPWORDS.has(w)));
}
