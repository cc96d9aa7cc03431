import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/summarize/features';
import { scoreSentences, SCORER_KIND, type RegressionTree } from '../../src/summarize/scorer';
import { seededRandom } from '../../src/util/prng';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const hasXgboost = spawnSync(PYTHON, ['-c', 'import xgboost'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasXgboost)('train_summarizer.py export (skipped: no Python 3 with xgboost; apt-get install python3-xgboost)', () => {
  it('writes trees that the TS scorer evaluates to the rule XGBoost learned', () => {
    const d = FEATURE_NAMES.length;
    const random = seededRandom(11);
    const rows = Array.from({ length: 3000 }, () => Array.from({ length: d }, random));
    // An interaction a single split cannot express: positive when feature 3 is high and feature 9 low.
    const labels = rows.map((r) => (r[3]! > 0.5 && r[9]! < 0.3 ? 1 : 0));
    const work = mkdtempSync(join(tmpdir(), 'train-summarizer-test-'));
    try {
      writeFileSync(join(work, 'features.f32'), new Float32Array(rows.flat()));
      const groups = [
        { name: 'fold0', rows: [0, 3000], train: true },
        { name: 'final', rows: [3000, 3000], train: false },
      ];
      const params = { max_depth: 3, eta: 0.3, rounds: 30, subsample: 1, colsample_bytree: 1, min_child_weight: 1, monotone_constraints: `(${Array(d).fill(0).join(',')})` };
      writeFileSync(join(work, 'job.json'), JSON.stringify({ feature_names: FEATURE_NAMES, labels, weights: labels.map(() => 1), groups, params }));
      const run = spawnSync(PYTHON, [resolve(import.meta.dirname, 'train_summarizer.py'), work], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const fitted = JSON.parse(readFileSync(join(work, 'final.model.json'), 'utf8')) as { bias: number; trees: RegressionTree[] };
      const model = { kind: SCORER_KIND, features: [...FEATURE_NAMES], trees: fitted.trees, bias: fitted.bias, openingBonus: 0, redundancyPenalty: 0 };
      const scores = scoreSentences(model, rows);
      const correct = labels.filter((label, i) => (scores[i]! > 0 ? 1 : 0) === label).length;
      expect(correct / labels.length).toBeGreaterThan(0.98);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
