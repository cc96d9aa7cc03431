import { describe, expect, it } from 'vitest';
import { paragraph } from './paragraph';

const ENGLISH = ['Self-check passed.', 'No bound past Sqrt, so probs was only checked to run.', 'Is it ticked?', 'It is (see below).', 'Note: "x".'];
const JAPANESE = ['セルフチェック合格でした。', '入力は 8 件です。', '比較しますか？', '保存しました！', '「テスト」です。」', '（層ごとに確認）。'];

/** Every ordered pair and triple of `pool`, each with the sentences' own leading and trailing spaces varied. */
function runs(pool: readonly string[]): string[][] {
  const pairs = pool.flatMap((a) => pool.map((b) => [a, b]));
  return [...pairs, ...pairs.flatMap((pair) => pool.map((c) => [...pair, ` ${c}  `]))];
}

describe('paragraph', () => {
  it('puts one space after an English sentence, for every run of sentences', () => {
    for (const sentences of runs(ENGLISH)) {
      const text = paragraph(sentences);
      expect(text, text).toBe(sentences.map((s) => s.trim()).join(' '));
    }
  });

  it('puts no space after a Japanese sentence ending in 。！？ (closing brackets included), for every run', () => {
    for (const sentences of runs(JAPANESE)) {
      const text = paragraph(sentences);
      expect(text, text).toBe(sentences.map((s) => s.trim()).join(''));
      expect(text, text).not.toMatch(/[。！？」]\s/);
    }
  });

  it('spaces by the sentence before, so English inside Japanese and Japanese after English read right', () => {
    expect(paragraph(['Failed to fetch.', '以前の読み込みは残ります。'])).toBe('Failed to fetch. 以前の読み込みは残ります。');
    expect(paragraph(['保存しました。', 'onnx/model.onnx is damaged.'])).toBe('保存しました。onnx/model.onnx is damaged.');
  });

  it('leaves out missing and empty sentences without doubling a space', () => {
    expect(paragraph([undefined, 'One.', '', false, '  ', 'Two.'])).toBe('One. Two.');
    expect(paragraph([undefined, false, ''])).toBe('');
  });
});
