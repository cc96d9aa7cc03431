// `npm run train:summarize` — fits the extractive engine's sentence scorer on both shared news sets (SummEval and
// REALSumm) and writes src/summarize/sentence-scorer.json. Everything it prints is held out: 5-fold
// cross-validation over the pooled articles (folds drawn within each set), and each set predicted by a scorer
// trained only on the other one.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, type ScoredSummaries, type SummaryRow } from '../../src/summarize/evaluation';
import { LENGTH_PRESETS } from '../../src/summarize/extractive';
import type { ScorerModel } from '../../src/summarize/scorer';
import { DEFAULT_FIT, fitScorer, labelRows, type LabelledDocument } from '../../src/summarize/training';
import { loadRows, SHARED_SUMMARIZATION_FILES } from './summarize-data';

const FOLDS = 5;
const REDUNDANCY_PENALTIES = [1, 2, 3, 4];
const OUTPUT = resolve(import.meta.dirname, '../../src/summarize/sentence-scorer.json');
// Oracle summaries up to 1.3× a medium summary: more positives per article than 1×, and as good as 1.5× in
// cross-validation.
const ORACLE_WORDS = Math.round(LENGTH_PRESETS.medium * 1.3);

interface TrainingSet {
  name: string;
  rows: SummaryRow[];
  labelled: LabelledDocument[];
}

const sets: TrainingSet[] = SHARED_SUMMARIZATION_FILES.map(loadRows).map(({ name, rows }) => ({
  name,
  rows,
  labelled: labelRows(rows, ORACLE_WORDS),
}));

interface Scores {
  n: number;
  extractive: ScoredSummaries;
  lead: ScoredSummaries;
}

function weightedMean(parts: readonly Scores[]): Scores {
  const n = parts.reduce((a, p) => a + p.n, 0);
  const mean = (pick: (p: Scores) => ScoredSummaries): ScoredSummaries => {
    const of = (key: keyof ScoredSummaries) => parts.reduce((a, p) => a + p.n * pick(p)[key], 0) / n;
    return { rouge1: of('rouge1'), rouge2: of('rouge2'), rougeL: of('rougeL'), words: of('words') };
  };
  return { n, extractive: mean((p) => p.extractive), lead: mean((p) => p.lead) };
}

function test(rows: readonly SummaryRow[], model: ScorerModel): Scores {
  const report = evaluate(rows, 'medium', model);
  return { n: rows.length, extractive: report.extractive, lead: report.lead_same_length };
}

const fit = (documents: readonly LabelledDocument[], redundancyPenalty: number) =>
  fitScorer(documents, { ...DEFAULT_FIT, redundancyPenalty });

/** Held-out scores per set; fold k holds out every FOLDS-th article of each set. */
function crossValidate(redundancyPenalty: number): Scores[] {
  const perSet = sets.map(() => [] as Scores[]);
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (i: number) => i % FOLDS === fold;
    const model = fit(sets.flatMap((set) => set.labelled.filter((_, i) => !inFold(i))), redundancyPenalty);
    sets.forEach((set, s) => perSet[s]!.push(test(set.rows.filter((_, i) => inFold(i)), model)));
  }
  return perSet.map(weightedMean);
}

const pct = (s: ScoredSummaries) => [s.rouge1, s.rouge2, s.rougeL].map((v) => (100 * v).toFixed(2)).join(' / ');
function print(title: string, s: Scores): void {
  console.log(`${title} (${s.n} articles, ${s.extractive.words.toFixed(1)} words)`);
  console.log(`  extractive         ${pct(s.extractive)}`);
  console.log(`  Lead, same length  ${pct(s.lead)}`);
}

// The MMR penalty is the one hyper-parameter; it is chosen by cross-validated ROUGE over all articles.
const total = (s: Scores) => s.extractive.rouge1 + s.extractive.rouge2 + s.extractive.rougeL;
const candidates = REDUNDANCY_PENALTIES.map((penalty) => ({ penalty, perSet: crossValidate(penalty) }));
const best = candidates.reduce((a, b) => (total(weightedMean(b.perSet)) > total(weightedMean(a.perSet)) ? b : a));
console.log(`R1 / R2 / RL F1 ×100, medium length; MMR penalty ${best.penalty} (cross-validated)`);
sets.forEach((set, s) => print(`${set.name}, ${FOLDS}-fold cross-validation`, best.perSet[s]!));
print(`all, ${FOLDS}-fold cross-validation`, weightedMean(best.perSet));
sets.forEach((set, s) => {
  const others = sets.filter((_, o) => o !== s);
  const model = fit(others.flatMap((o) => o.labelled), best.penalty);
  print(`${set.name}, scorer trained on ${others.map((o) => o.name).join(' + ')} only`, test(set.rows, model));
});

const final = fit(sets.flatMap((set) => set.labelled), best.penalty);
writeFileSync(OUTPUT, `${JSON.stringify(final)}\n`);
const articles = sets.reduce((a, set) => a + set.rows.length, 0);
console.log(
  `wrote ${OUTPUT}: logistic regression, MMR penalty ${final.redundancyPenalty}, l2 ${DEFAULT_FIT.l2}, ` +
    `${DEFAULT_FIT.iterations} iterations, trained on all ${articles} articles (${sets.map((s) => s.name).join(', ')})`,
);
