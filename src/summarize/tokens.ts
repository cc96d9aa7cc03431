// Word tokens shared by the ROUGE scorer and the extractive engine: lower-case runs of letters and digits, so
// PTB spacing ("team 's") and ordinary prose ("team's") tokenise alike.

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function wordCount(text: string): number {
  return (text.match(WORD) ?? []).length;
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

export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w));
}
