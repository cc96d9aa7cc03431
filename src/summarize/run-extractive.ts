// Validation plus the extractive engine, as one call: what the summarize worker runs.
import { selectSentences, budgetFor, type LengthSetting } from './extractive';
import defaultModel from './sentence-scorer.json';
import { joinSentences } from './sentences';
import { checkText } from './validation';
import type { ExtractiveOutcome } from './worker-api';

export function runExtractive(text: string, length: LengthSetting): ExtractiveOutcome {
  const started = performance.now();
  const check = checkText(text);
  if (!check.ok) return check;
  const selected = selectSentences(check.sentences, budgetFor(length), defaultModel);
  return {
    ok: true,
    summary: joinSentences(selected.map((i) => check.sentences[i]!)),
    spans: check.sentences.map(({ start, end }) => ({ start, end })),
    selected,
    engineMs: performance.now() - started,
  };
}
