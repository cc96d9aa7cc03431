import { describe, expect, it } from 'vitest';
import { inJapanese } from '../../i18n/testing/in-japanese';
import type { SelfCheckResult, UnboundedOutput } from '../../quantize/types';
import { selfCheckText } from './self-check-text';

const base: SelfCheckResult = { samples: 8, maxAbsError: 0.153, bound: 2.1e9, output: 'logits', unbounded: [] };
const FORMATS = [undefined, 'int8', 'int4', 'fp16', 'palette'] as const;
/** Each kind of bound the result can carry: layered tighter, end-to-end tighter, none finite. */
const BOUNDS: Pick<SelfCheckResult, 'bound' | 'layered'>[] = [
  { bound: 2.1e9, layered: { maxAbsError: 0.153, bound: 1.67 } },
  { bound: 0.5, layered: { maxAbsError: 0.153, bound: 0.9 } },
  { bound: 0.5 },
  { bound: Infinity, layered: { maxAbsError: 0.153, bound: Infinity } },
  { bound: Infinity },
];
/** What `unbounded` can hold, including a result stored before it held operator types (a node path inside). */
const UNBOUNDED: unknown[][] = [
  [],
  [{ output: 'probs', op: 'Sqrt' }],
  [{ output: 'probs', op: 'LayerNormalization' }, { output: 'embedding', op: 'LayerNormalization' }, { output: 'mask' }],
  ['logits (past /blocks/blocks.0/norm1/LayerNormalization (LayerNormalization))'],
];
const every = FORMATS.flatMap((format) =>
  BOUNDS.flatMap((bounds) => UNBOUNDED.map((unbounded) => ({ ...base, ...bounds, format, unbounded: unbounded as UnboundedOutput[] }))),
);
/** The field's names that stay as they are in Japanese: formats, output and operator names. */
const TECHNICAL = /\b(int8|int4|fp16|logits|probs|embedding|mask|Sqrt|LayerNormalization)\b/g;

describe('selfCheckText', () => {
  it('says the largest error and the tighter bound in one sentence, with the format it derives from', () => {
    expect(selfCheckText({ ...base, layered: { maxAbsError: 0.153, bound: 1.67 }, format: 'int4' })).toBe(
      'Self-check passed: on 8 inputs the largest error on logits was 0.153, within the int4 bound of 1.67 (checked layer by layer).',
    );
    expect(selfCheckText({ ...base, bound: 0.5 })).toBe(
      'Self-check passed: on 8 inputs the largest error on logits was 0.153, within the int8 bound of 0.500 from input to output.',
    );
  });

  it('says past which operator no bound exists and which outputs were only run, with no node path', () => {
    expect(selfCheckText({ ...base, bound: Infinity, unbounded: [{ output: 'logits', op: 'LayerNormalization' }] })).toBe(
      'Self-check passed: on 8 inputs the largest error on logits was 0.153. No error bound can be derived past LayerNormalization, so logits was only checked to run.',
    );
  });

  it('never says an output was held to a bound and only checked to run, for any result', () => {
    for (const result of every) {
      const text = selfCheckText(result);
      const bounded = text.includes('within the');
      expect(bounded && new RegExp(`so [^.]*\\b${result.output}\\b[^.]* only checked to run`).test(text), text).toBe(false);
      expect(text, text).not.toMatch(/\/|\bpast\b.*\(/);
    }
  });

  it('is worded wholly in Japanese in a Japanese interface, for every kind of result', async () => {
    const texts: string[] = [];
    await inJapanese(() => {
      for (const result of every) texts.push(selfCheckText(result));
    });
    expect(texts[0]).toBe('セルフチェック合格：入力 8 件で logits の最大誤差は 0.153 で、int8 の誤差上限 1.67 以内でした（層ごとに確認）。');
    for (const text of texts) {
      expect(text.replace(TECHNICAL, ''), text).not.toMatch(/[A-Za-z]/);
      expect(text, text).not.toMatch(/\/|）（/);
      // Japanese sentences follow a 。 without a space.
      expect(text, text).not.toMatch(/[。！？]\s/);
    }
  });
});
