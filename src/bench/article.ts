// A news-style article of a set length, generated (not copied from any dataset) so the summarization timing
// always reads the same text: sentences built from templates with a seeded choice of words.

const PLACES = ['Riverton', 'the harbour district', 'North Valley', 'the old mill town', 'Lakeside', 'the coastal region'];
const ACTORS = ['the city council', 'local engineers', 'a group of residents', 'the transport agency', 'university researchers', 'the regional board'];
const TOPICS = ['a new bridge', 'the flood barrier', 'a solar farm', 'the tram extension', 'a water treatment plant', 'the public library'];
const VERBS = ['approved', 'questioned', 'studied', 'welcomed', 'delayed', 'funded'];
const DETAILS = [
  'after months of public meetings and several revised budgets',
  'citing rising costs and the need for careful planning',
  'because the previous design failed two independent safety reviews',
  'with support from neighbouring towns that share the same roads',
  'although some shop owners worry about years of construction noise',
  'as part of a ten-year plan to cut traffic and protect the river',
];
const TEMPLATES: ((pick: <T>(list: readonly T[]) => T, n: () => number) => string)[] = [
  (pick) => `In ${pick(PLACES)}, ${pick(ACTORS)} ${pick(VERBS)} plans for ${pick(TOPICS)} ${pick(DETAILS)}.`,
  (pick, n) => `Officials said ${pick(TOPICS)} would cost about ${n()} million and take ${2 + (n() % 5)} years to finish.`,
  (pick) => `Critics argued that ${pick(ACTORS)} had not explained how ${pick(TOPICS)} would be maintained.`,
  (pick, n) => `A survey of ${n() * 10} households found that most people in ${pick(PLACES)} backed the project.`,
  (pick) => `The proposal for ${pick(TOPICS)} returns to ${pick(ACTORS)} next month, ${pick(DETAILS)}.`,
];

/** Deterministic pseudo-random integers (a 32-bit LCG): the same seed gives the same article. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** An article of exactly `words` words (the last sentence is cut short and closed with a full stop). */
export function generateArticle(words = 800, seed = 6): string {
  const next = generator(seed);
  const pick = <T>(list: readonly T[]): T => list[next() % list.length]!;
  const number = () => 10 + (next() % 90);
  const out: string[] = [];
  while (out.length < words) out.push(...pick(TEMPLATES)(pick, number).split(' '));
  const text = out.slice(0, words).join(' ');
  return /[.!?]$/.test(text) ? text : `${text.replace(/[,;:]$/, '')}.`;
}
