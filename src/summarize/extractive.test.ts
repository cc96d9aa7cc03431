import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexRank } from './centrality';
import { evaluate, parseRows, truncateToWords } from './evaluation';
import { LENGTH_PRESETS, summarizeExtractive, tokenOverlap, WORD_BUDGET_OVERRUN } from './extractive';
import { buildTfidf } from './tfidf';
import { wordCount, words } from './tokens';

const ARTICLE = [
  'The city council approved a new budget for public libraries on Monday.',
  'The budget adds two million dollars for library books and longer opening hours.',
  'Council members said the libraries had been underfunded for a decade.',
  'Library staff welcomed the budget and the longer opening hours.',
  'The new hours start next month at every library in the city.',
  'The weather on Monday was sunny and warm.',
  'A local bakery sold out of bread early.',
].join(' ');

describe('lexRank', () => {
  it('ranks a sentence that shares words with many others above an isolated one', () => {
    const scores = lexRank(buildTfidf(['library budget hours', 'library budget', 'budget hours', 'sunny weather']));
    expect(scores[0]).toBeGreaterThan(scores[3]!);
    expect(Array.from(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(4, 6);
  });
});

describe('summarizeExtractive', () => {
  it('keeps document order, stays near the word budget and leaves out late off-topic sentences', () => {
    const result = summarizeExtractive(ARTICLE, 'short');
    expect(result.selected).toEqual([...result.selected].sort((a, b) => a - b));
    expect(wordCount(result.summary)).toBeLessThanOrEqual(LENGTH_PRESETS.short * WORD_BUDGET_OVERRUN);
    expect(result.summary).not.toMatch(/bakery|weather/);
    expect(result.summary).toMatch(/budget/);
  });

  it('returns exactly the requested number of sentences', () => {
    const result = summarizeExtractive(ARTICLE, { sentences: 4 });
    expect(result.selected).toHaveLength(4);
    expect(result.summary).toBe(result.selected.map((i) => result.sentences[i]!.text).join(' '));
  });

  it('gives a text whose best sentence alone nearly fills the budget a summary of two sentences at every preset', () => {
    // The opening sentence reaches 85–95 % of the budget on its own, yet one sentence is not yet a summary.
    const clauses = ['the council approved the library budget', 'which adds money for books and staff', 'keeps every branch open later', 'repairs the roof of the central library', 'and hires ten new librarians for the children'];
    for (const preset of ['short', 'medium', 'long'] as const) {
      const words: string[] = ['On', 'Monday'];
      const stream = clauses.join(' ').split(' ');
      for (let k = 0; words.length < 0.85 * LENGTH_PRESETS[preset]; k++) words.push(stream[k % stream.length]!);
      const text = [`${words.join(' ')}.`, 'Library staff welcomed the budget.', 'The new hours start next month.', 'Readers asked for more books.'].join(' ');
      expect(wordCount(text.split('.')[0]!), preset).toBeLessThanOrEqual(0.95 * LENGTH_PRESETS[preset]);
      expect(summarizeExtractive(text, preset).selected.length, preset).toBeGreaterThanOrEqual(2);
      expect(summarizeExtractive(text, { sentences: 1 }).selected).toHaveLength(1);
    }
  });

  it('gives longer summaries for longer settings', () => {
    const lengths = (['short', 'medium', 'long'] as const).map((l) => wordCount(summarizeExtractive(ARTICLE, l).summary));
    expect(lengths[0]).toBeLessThan(lengths[2]!);
    expect(lengths[0]).toBeLessThanOrEqual(lengths[1]!);
  });

  it('leaves photo captions, video prompts and fragments out while story sentences remain', () => {
    const text = [
      'Library staff ( pictured ) welcomed the budget at the council library on Monday.',
      'Scroll down for video of the council library budget.',
      'Library budget!',
      ARTICLE,
    ].join(' ');
    const { summary } = summarizeExtractive(text, { sentences: 3 });
    expect(summary).not.toMatch(/pictured|Scroll down|budget!/);
    expect(summarizeExtractive('Scroll down for video. Library staff ( left ) and the mayor ( right ).', { sentences: 1 }).summary).not.toBe('');
  });

  it('does not quote Markdown code blocks or table rows', () => {
    const markdown = [
      '```sh\nnpm install library budget && npm start library budget hours\n```',
      '',
      '| library | budget | hours |\n|---|---|---|\n| city library | two million budget | longer hours |',
      '',
      ARTICLE,
    ].join('\n');
    const { summary } = summarizeExtractive(markdown, { sentences: 3 });
    expect(summary).not.toMatch(/```|\|/);
    expect(summary).toMatch(/budget/);
  });

  it('does not pick two near-duplicate sentences', () => {
    const text = `${ARTICLE} The city council approved a new budget for public libraries on Monday evening.`;
    const { selected, sentences } = summarizeExtractive(text, { sentences: 3 });
    const picked = selected.map((i) => sentences[i]!.text);
    expect(picked.filter((t) => t.startsWith('The city council approved')).length).toBe(1);
  });
});

describe('evaluation helpers', () => {
  it('cuts a lead to a word count as ROUGE counts words', () => {
    expect(truncateToWords("Paul 's team won , he said .", 3)).toBe("Paul 's team");
    // 東京|都|は|新しい|図書館|を|開く: Japanese is cut at dictionary words, not at spaces.
    expect(truncateToWords('東京都は新しい図書館を開く。本が並ぶ。', 5)).toBe('東京都は新しい図書館');
  });

  it('reports the extractive engine, both Lead baselines and the median of the systems in the rows', () => {
    const reference = 'The council approved a library budget with longer opening hours.';
    const row = (id: string) => ({
      id,
      article: ARTICLE,
      references: [reference],
      systems: { perfect: reference, empty: 'unrelated words only here' },
    });
    const report = evaluate(parseRows([row('a'), row('b')].map((r) => JSON.stringify(r)).join('\n')), 'short');
    expect(report.n).toBe(2);
    expect(report.systems.perfect!.rouge1).toBeCloseTo(1, 10);
    // The median of two systems is their mean.
    expect(report.systems_median!.rouge1).toBeCloseTo((report.systems.perfect!.rouge1 + report.systems.empty!.rouge1) / 2, 10);
    expect(report.systems_row_median!.rouge1).toBeCloseTo(report.systems_median!.rouge1, 10);
    expect(report.lead_same_length.words).toBeCloseTo(report.extractive.words, 0);
    expect(report.lead3.words).toBeGreaterThan(0);
  });

  it('names the line of a row that lacks an article or references', () => {
    expect(() => parseRows('{"article":"x","references":["y"]}\n{"article":"x"}', 'rows.jsonl')).toThrow(/rows\.jsonl line 2/);
  });
});

const SHARED = resolve(import.meta.dirname, '../../../shared/data/summarization');
describe.skipIf(!existsSync(SHARED))('on the shared news rows (skipped: ../shared/data/summarization absent)', () => {
  it('beats the same-length Lead baseline on ROUGE-1/2/L over all rows', () => {
    const rows = ['summeval.jsonl', 'realsumm.jsonl'].flatMap((f) => parseRows(readFileSync(resolve(SHARED, f), 'utf8')));
    const report = evaluate(rows);
    expect(report.extractive.rouge1).toBeGreaterThan(report.lead_same_length.rouge1);
    expect(report.extractive.rouge2).toBeGreaterThan(report.lead_same_length.rouge2);
    expect(report.extractive.rougeL).toBeGreaterThan(report.lead_same_length.rougeL);
  });

  it('gives every Japanese article a summary of several sentences', () => {
    const rows = parseRows(readFileSync(resolve(SHARED, 'ja/xlsum-ja-a.jsonl'), 'utf8'));
    for (const row of rows) expect(summarizeExtractive(row.article).selected.length).toBeGreaterThan(1);
  });
});

describe('no repeats', () => {
  it('never chooses a sentence twice, nor one that differs from a chosen one by a word in ten', () => {
    const repeated = 'The city council approved a new budget for public libraries on Monday.';
    const nearly = 'The city council approved a new budget for the public libraries on Monday.';
    const text = [repeated, repeated, ARTICLE, repeated, nearly, repeated].join(' ');
    for (const length of ['short', 'medium', 'long', { sentences: 4 }, { sentences: 50 }] as const) {
      const { summary } = summarizeExtractive(text, length);
      expect((summary.match(/approved a new budget/g) ?? []).length).toBe(1);
    }
  });

  it('measures overlap as shared tokens over the longer sentence', () => {
    expect(tokenOverlap(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(1);
    expect(tokenOverlap(words('one two three four five six seven eight nine ten'), words('one two three four five six seven eight nine eleven'))).toBe(0.9);
    expect(tokenOverlap(['a', 'b'], ['a', 'b', 'c', 'd'])).toBe(0);
  });
});

describe('summaries of other languages and layouts', () => {
  const JAPANESE = [
    '東京都は新しい図書館を来月開くと発表した。',
    '図書館には二十万冊の本が並び、夜九時まで開く。',
    '都の担当者は「若い人に使ってほしい」と話した。',
    '建設費は約五十億円で、都の予算から支出される。',
    '一方、近くの商店街では駐車場不足を心配する声もある。',
    '図書館の開館式には知事も出席する予定だ。',
    '天気は晴れの予報だ。',
  ].join('');

  it('gives a Japanese text a summary of several sentences, joined without spaces', () => {
    const { sentences, selected, summary } = summarizeExtractive(JAPANESE, 'short');
    expect(sentences).toHaveLength(7);
    expect(selected.length).toBeGreaterThan(1);
    expect(selected.length).toBeLessThan(7);
    expect(summary).toBe(selected.map((i) => sentences[i]!.text).join(''));
  });

  it('summarizes a transcript without punctuation line by line, one line per chosen utterance', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `speaker ${i % 3} says the release of version ${i} needs the migration and the tests first`);
    const { summary, selected } = summarizeExtractive(lines.join('\n'), 'short');
    expect(selected.length).toBeGreaterThan(1);
    expect(summary.split('\n')).toEqual(selected.map((i) => lines[i]));
  });

  it('leaves out a title, byline or heading on a line of its own while story sentences remain, but keeps list items', () => {
    const article = [
      'Storm closes schools across the region',
      'By Maria Lopez, Weather Correspondent',
      'Heavy snow forced more than 300 schools to close on Tuesday, as roads froze across the region. Officials said buses could not run safely and would stay in depots until Thursday. Parents scrambled to find care for their children while offices stayed open. The weather service expects another 20 centimetres of snow overnight.',
    ].join('\n');
    const japanese = '大雪で学校300校が休校\n【記者：山田花子】\n大雪の影響で、県内の学校300校が20日、休校となった。鉄道は朝から運転を見合わせ、高速道路も一部で通行止めとなった。気象台によると、21日にかけてさらに30センチの降雪が見込まれる。県教育委員会は、21日の授業について20日夕方に判断するとしている。';
    for (const text of [article, japanese]) {
      for (const length of ['short', 'medium', { sentences: 2 }] as const) {
        const { summary } = summarizeExtractive(text, length);
        expect(summary).not.toMatch(/Storm closes|Maria Lopez|休校\n|山田花子/);
        expect(summary).not.toBe('');
      }
    }
    const markdown = '# Release notes\n\nThe team shipped the new library budget dashboard this week.\n\n- Migrated the budget database to the council servers\n- Cut the budget report build time from ten minutes to two\n- Fixed the login of library staff';
    expect(summarizeExtractive(markdown, { sentences: 3 }).summary).not.toMatch(/Release notes/);
    expect(summarizeExtractive(markdown, { sentences: 3 }).summary).toMatch(/^- /m);
  });

  it('keeps chosen Markdown list items on their own lines with their markers', () => {
    const markdown = [
      '# Quarterly report',
      '',
      'The team moved the library budget system to the new council servers this quarter.',
      '',
      '1. Migrated the library budget database to the council servers',
      '2. Cut the budget report build time from ten minutes to two',
      '3. Added opening hours to the library budget dashboard',
      '',
      '- Fixed the login of library staff on the budget dashboard',
      '- Removed the old budget export that nobody used',
    ].join('\n');
    const { summary } = summarizeExtractive(markdown, { sentences: 4 });
    for (const line of summary.split('\n').slice(1)) expect(line).toMatch(/^(?:\d\.|-) \S/);
    expect(summary).not.toMatch(/\S (?:\d\.|-) [A-Z]/);
  });
});
