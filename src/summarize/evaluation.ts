// Evaluation of summaries against the shared reference rows: the extractive engine, the Lead baselines and the
// published systems in each row, all scored with the same ROUGE (see rouge.ts).
import { summarizeExtractive, type LengthSetting } from './extractive';
import { meanScores, rougeMulti, type RougeScores } from './rouge';
import type { ScorerModel } from './scorer';
import { splitSentences } from './sentences';
import { hasUnspacedScript, wordCount, wordSegments } from './tokens';
import { percentile } from '../util/percentile';

export interface SummaryRow {
  id: string;
  article: string;
  references: string[];
  systems?: Record<string, string>;
}

export interface ScoredSummaries extends RougeScores {
  /** Mean word count of the summaries. */
  words: number;
}

export interface EvaluationReport {
  n: number;
  extractive: ScoredSummaries;
  lead_same_length: ScoredSummaries;
  lead3: ScoredSummaries;
  systems: Record<string, ScoredSummaries>;
  systems_median: ScoredSummaries | null;
  /** Per row, the median of that row's systems; then the mean over rows (fair when sets carry different systems). */
  systems_row_median: RougeScores | null;
}

export function parseRows(jsonl: string, source = 'input'): SummaryRow[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      const row = JSON.parse(line) as Partial<SummaryRow>;
      if (typeof row.article !== 'string' || !Array.isArray(row.references) || row.references.length === 0) {
        throw new Error(`${source} line ${index + 1}: needs "article" (string) and "references" (non-empty array)`);
      }
      return { id: String(row.id ?? index), article: row.article, references: row.references, systems: row.systems };
    });
}

/**
 * The start of `text` that holds at most `targetWords` words (as ROUGE counts them): whole whitespace tokens, or in
 * text without spaces (Japanese, Chinese, Thai) whole Intl.Segmenter word segments.
 */
export function truncateToWords(text: string, targetWords: number): string {
  const unspaced = hasUnspacedScript(text);
  const kept: string[] = [];
  let count = 0;
  for (const token of unspaced ? wordSegments(text) : text.split(/\s+/).filter(Boolean)) {
    const tokenWords = wordCount(token);
    if (count + tokenWords > targetWords) break;
    kept.push(token);
    count += tokenWords;
  }
  return unspaced ? kept.join('').trim() : kept.join(' ');
}

export function leadSentences(article: string, count: number): string {
  return splitSentences(article)
    .slice(0, count)
    .map((s) => s.text)
    .join(' ');
}

function scoreOne(summary: string, row: SummaryRow): ScoredSummaries {
  return { ...rougeMulti(summary, row.references), words: wordCount(summary) };
}

function meanScored(scored: readonly ScoredSummaries[]): ScoredSummaries {
  return { ...meanScores(scored), words: scored.reduce((sum, s) => sum + s.words, 0) / Math.max(1, scored.length) };
}

function scoreAll(summaries: readonly string[], rows: readonly SummaryRow[]): ScoredSummaries {
  return meanScored(summaries.map((summary, i) => scoreOne(summary, rows[i]!)));
}

const median = (values: readonly number[]) => percentile(values, 50);

function medianScored(scored: readonly ScoredSummaries[]): ScoredSummaries {
  return {
    rouge1: median(scored.map((s) => s.rouge1)),
    rouge2: median(scored.map((s) => s.rouge2)),
    rougeL: median(scored.map((s) => s.rougeL)),
    words: median(scored.map((s) => s.words)),
  };
}

export function extractiveSummaries(rows: readonly SummaryRow[], length?: LengthSetting, model?: ScorerModel): string[] {
  return rows.map((row) => summarizeExtractive(row.article, length, model).summary);
}

export function evaluate(rows: readonly SummaryRow[], length?: LengthSetting, model?: ScorerModel): EvaluationReport {
  const extractive = extractiveSummaries(rows, length, model);
  const leadSameLength = rows.map((row, i) => truncateToWords(row.article, wordCount(extractive[i]!)));
  // Each system summary is scored once: the per-system means and the per-row medians both read these.
  const scoredSystems = rows.map((row) =>
    Object.entries(row.systems ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([name, summary]) => ({ name, scores: scoreOne(summary, row) })),
  );
  const systems: Record<string, ScoredSummaries> = {};
  for (const name of [...new Set(scoredSystems.flat().map((s) => s.name))].sort()) {
    systems[name] = meanScored(scoredSystems.flat().filter((s) => s.name === name).map((s) => s.scores));
  }
  const systemScores = Object.values(systems);
  const rowMedians = scoredSystems.filter((scored) => scored.length > 0).map((scored) => medianScored(scored.map((s) => s.scores)));
  return {
    n: rows.length,
    extractive: scoreAll(extractive, rows),
    lead_same_length: scoreAll(leadSameLength, rows),
    lead3: scoreAll(rows.map((row) => leadSentences(row.article, 3)), rows),
    systems,
    systems_median: systemScores.length === 0 ? null : medianScored(systemScores),
    systems_row_median: rowMedians.length === 0 ? null : meanScores(rowMedians),
  };
}
