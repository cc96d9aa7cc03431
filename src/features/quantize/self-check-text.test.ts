import { describe, expect, it } from 'vitest';
import { inJapanese } from '../../i18n/testing/in-japanese';
import type { SelfCheckResult } from '../../quantize/types';
import { selfCheckText } from './self-check-text';

const base: SelfCheckResult = { samples: 8, maxAbsError: 0.075, bound: 2.1e9, output: 'logits', unbounded: [] };

describe('selfCheckText', () => {
  it('shows the tighter bound, with the format it derives from', () => {
    expect(selfCheckText({ ...base, layered: { maxAbsError: 0.075, bound: 1.85 }, format: 'int4' })).toBe(
      '8 inputs: largest error 0.0750 on "logits" (int4 bound 1.85 layer by layer)',
    );
    expect(selfCheckText({ ...base, bound: 0.5 })).toBe('8 inputs: largest error 0.0750 on "logits" (int8 bound 0.500 end to end)');
  });

  it('says when no bound exists and which outputs were only run', () => {
    expect(selfCheckText({ ...base, bound: Infinity, unbounded: ['probs'] })).toBe(
      '8 inputs: largest error 0.0750 on "logits" (no bound derivable; checked that it runs); checked for running only: probs',
    );
  });

  it('is worded in Japanese in a Japanese interface', async () => {
    let text = '';
    await inJapanese(() => {
      text = selfCheckText({ ...base, layered: { maxAbsError: 0.075, bound: 1.85 }, unbounded: ['probs'] });
    });
    expect(text).toBe('入力 8 件で最大誤差 0.0750（「logits」）（int8 の誤差上限 1.85、層ごと）。動作のみ確認した出力: probs');
    expect(text).not.toMatch(/inputs|largest|bound|layer/);
  });
});
