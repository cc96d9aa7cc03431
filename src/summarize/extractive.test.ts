import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexRank } from './centrality';
import { evaluate, parseRows, truncateToWords } from './evaluation';
import { LENGTH_PRESETS, summarizeExtractive, WORD_BUDGET_OVERRUN } from './extractive';
import { buildTfidf } from './tfidf';
import { wordCount } from './tokens';

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
});
