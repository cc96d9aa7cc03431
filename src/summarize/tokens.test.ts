import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { contentWords, scriptLocale, wordCount, words, wordSegments } from './tokens';

const JAPANESE = '東京都は新しい図書館を来月開くと発表した。図書館には二十万冊の本が並ぶ。開館時間は夜九時までに延びる。';

describe('words', () => {
  it('tokenises text in spaced scripts exactly as before: lower-case runs of letters and digits (generated)', () => {
    const random = seededRandom(3);
    const alphabet = "abcXYZéßäöüДжё0129 .,;:'`-–()[]\"!?\n\t@#%&/".split('');
    for (let trial = 0; trial < 500; trial++) {
      const text = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
      expect(words(text)).toEqual(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    }
    expect(words("Paul 's team won , he said .")).toEqual(['paul', 's', 'team', 'won', 'he', 'said']);
    // A decomposed accent in Latin text splits the word, as it always did.
    expect(words('cafe\u0301 au lait')).toEqual(['cafe', 'au', 'lait']);
  });

  it('cuts Japanese, Chinese and Thai into dictionary words', () => {
    expect(words('東京都は新しい図書館を開く')).toEqual(['東京', '都', 'は', '新しい', '図書館', 'を', '開く']);
    expect(words('我们今天去北京大学')).toEqual(['我们', '今天', '去', '北京', '大学']);
    expect(words('ฉันไปตลาด')).toEqual(['ฉัน', 'ไป', 'ตลาด']);
    // Latin words inside Japanese text are cut as in English text.
    expect(words('BBCのU.S.記事')).toEqual(['bbc', 'の', 'u', 's', '記事']);
  });

  it('counts Japanese words by the segmenter, not by spaces', () => {
    const count = wordCount(JAPANESE);
    expect(count).toBe(words(JAPANESE).length);
    // 48 characters, no spaces: about two characters a word, never "1 word".
    expect(count).toBeGreaterThan([...JAPANESE].length / 3);
    expect(count).toBeLessThan([...JAPANESE].length);
  });

  it('keeps topic words and drops function words for similarity', () => {
    expect(contentWords('The library opened in the city')).toEqual(['library', 'opened', 'city']);
    expect(contentWords('東京都は新しい図書館を開く')).toEqual(['東京', '都', '新しい', '図書館', '開く']);
    expect(contentWords('我们今天去北京大学')).toEqual(['今天', '去', '北京', '大学']);
  });

  it('segments text into pieces that concatenate back to it', () => {
    expect(wordSegments(JAPANESE).join('')).toBe(JAPANESE);
  });
});

describe('scriptLocale', () => {
  it('takes the locale from the script most letters are in', () => {
    expect(scriptLocale(JAPANESE)).toBe('ja');
    expect(scriptLocale('我们今天去北京大学参观。')).toBe('zh');
    expect(scriptLocale('오늘은 날씨가 좋습니다.')).toBe('ko');
    expect(scriptLocale('ฉันไปตลาดเมื่อวานนี้')).toBe('th');
    expect(scriptLocale('The council met. 東京')).toBe('en');
    expect(scriptLocale('Привет, как дела?')).toBeUndefined();
    expect(scriptLocale('123 !!!')).toBeUndefined();
  });
});

describe('words in spaced scripts with vowel signs', () => {
  it('keeps Devanagari and Arabic words whole', () => {
    expect(words('यह पहला वाक्य है')).toEqual(['यह', 'पहला', 'वाक्य', 'है']);
    expect(wordCount('مَرْحَبًا بِكُمْ')).toBe(2);
  });
});
