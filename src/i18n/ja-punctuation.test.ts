// Japanese interface text uses full-width punctuation after Japanese words: 「読み込めませんでした：…」, never an ASCII
// colon ("…でした: …"), which looks out of place and uneven in Japanese type.
import { describe, expect, it } from 'vitest';
import { templates } from './ja/index';

// Kana, kanji, the long-vowel mark and the CJK/full-width punctuation a Japanese phrase ends with.
const JAPANESE_BEFORE_COLON = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30fc\u3000-\u303f\uff01-\uff60]:/u;

/** The literal text of an entry: a plain string, or a `str` template's pieces between its values. */
function pieces(template: unknown): string[] {
  if (typeof template === 'string') return [template];
  return [...(template as { strings: readonly string[] }).strings];
}

describe('Japanese punctuation', () => {
  it('no entry has an ASCII colon right after Japanese text (the full-width ：is used)', () => {
    const offenders = Object.entries(templates).flatMap(([id, template]) => pieces(template).filter((text) => JAPANESE_BEFORE_COLON.test(text)).map((text) => `${id}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it('the rule catches every kind of Japanese character before a colon, and nothing else', () => {
    for (const text of ['失敗しました: x', 'データ: x', 'ストレージ: x', '（例: x）', '注: x', '要約: fp32', 'スコア:', '）: x', '」: x']) expect(JAPANESE_BEFORE_COLON.test(text), text).toBe(true);
    for (const text of ['失敗しました：x', 'photo.png: x', 'fp32: x', 'https://huggingface.co', '3:30']) expect(JAPANESE_BEFORE_COLON.test(text), text).toBe(false);
  });
});
