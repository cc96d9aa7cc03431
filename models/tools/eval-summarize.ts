// `npm run eval:summarize -- --data <file.jsonl | folder> [--data …] [--length short|medium|long|N] [--json] [--systems]`
// ROUGE-1/2/L F1 of the extractive engine, same-length Lead, Lead-3 and every system in the rows; a folder's .jsonl
// files are one set. Text without spaces (Japanese, Chinese, Thai) is scored on Intl.Segmenter words (tokens.ts).
import { parseArgs } from 'node:util';
import { evaluate, type EvaluationReport, type ScoredSummaries } from '../../src/summarize/evaluation';
import type { LengthSetting } from '../../src/summarize/extractive';
import { loadRows, SHARED_SUMMARIZATION_FILES } from './summarize-data';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    length: { type: 'string', default: 'medium' },
    json: { type: 'boolean', default: false },
    systems: { type: 'boolean', default: false },
  },
});

function parseLength(value: string): LengthSetting {
  if (value === 'short' || value === 'medium' || value === 'long') return value;
  const sentences = Number(value);
  if (!Number.isInteger(sentences) || sentences < 1) throw new Error(`--length: short, medium, long or a count, not ${value}`);
  return { sentences };
}

const pct = (v: number) => (100 * v).toFixed(2).padStart(6);
function line(label: string, s: ScoredSummaries): string {
  return `${label.padEnd(34)} ${pct(s.rouge1)} ${pct(s.rouge2)} ${pct(s.rougeL)} ${s.words.toFixed(1).padStart(6)}`;
}

function printTable(name: string, report: EvaluationReport, withSystems: boolean): void {
  console.log(`\n${name} (${report.n} rows)  ROUGE F1 ×100, references averaged per row`);
  console.log(`${''.padEnd(34)}     R1     R2     RL  words`);
  console.log(line('extractive (this engine)', report.extractive));
  console.log(line('Lead, same length', report.lead_same_length));
  console.log(line('Lead-3', report.lead3));
  const { extractive, lead3 } = report;
  const delta = (a: number, b: number) => (100 * (a - b)).toFixed(2).padStart(6);
  const gain = `${delta(extractive.rouge1, lead3.rouge1)} ${delta(extractive.rouge2, lead3.rouge2)} ${delta(extractive.rougeL, lead3.rougeL)}`;
  console.log(`${'extractive − Lead-3'.padEnd(34)} ${gain} ${(extractive.words - lead3.words).toFixed(1).padStart(6)}`);
  if (report.systems_median) console.log(line(`published systems, median of ${Object.keys(report.systems).length}`, report.systems_median));
  if (report.systems_row_median) {
    const { rouge1, rouge2, rougeL } = report.systems_row_median;
    console.log(`${'published systems, median per row'.padEnd(34)} ${pct(rouge1)} ${pct(rouge2)} ${pct(rougeL)}`);
  }
  if (withSystems) for (const [system, s] of Object.entries(report.systems)) console.log(line(`  ${system}`, s));
}

const files = values.data?.length ? values.data : SHARED_SUMMARIZATION_FILES;
const length = parseLength(values.length!);
const sets = files.map(loadRows);
for (const set of sets) printTable(set.name, evaluate(set.rows, length), values.systems!);
const all = sets.flatMap((set) => set.rows);
const overall = evaluate(all, length);
if (sets.length > 1) printTable('all rows', overall, false);
if (values.json) {
  const { n, extractive, lead_same_length, lead3, systems_median } = overall;
  console.log(JSON.stringify({ n, extractive, lead_same_length, lead3, systems_median }));
}
