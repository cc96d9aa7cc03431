import { describe, expect, it } from 'vitest';
import { MAX_SENTENCES, MIN_SENTENCES, sentenceCountFrom } from './sentence-count';

describe('sentenceCountFrom', () => {
  it('keeps every whole number in range', () => {
    for (let n = MIN_SENTENCES; n <= MAX_SENTENCES; n++) expect(sentenceCountFrom(String(n))).toBe(n);
  });

  it('clamps every out-of-range, fractional, empty or non-numeric value into range as a whole number', () => {
    const raws = ['', ' ', 'abc', 'e', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '0', '-0', '-0.4', '0.4'];
    for (let n = -120; n <= 120; n += 0.25) raws.push(String(n));
    for (const raw of raws) {
      const count = sentenceCountFrom(raw);
      expect(Number.isInteger(count), raw).toBe(true);
      expect(count, raw).toBeGreaterThanOrEqual(MIN_SENTENCES);
      expect(count, raw).toBeLessThanOrEqual(MAX_SENTENCES);
    }
  });

  it('maps below-range values to the minimum, above-range to the maximum, fractions to the nearest whole number', () => {
    expect(sentenceCountFrom('-1')).toBe(MIN_SENTENCES);
    expect(sentenceCountFrom('-37.5')).toBe(MIN_SENTENCES);
    expect(sentenceCountFrom('0')).toBe(MIN_SENTENCES);
    expect(sentenceCountFrom('')).toBe(MIN_SENTENCES);
    expect(sentenceCountFrom('99')).toBe(MAX_SENTENCES);
    expect(sentenceCountFrom('1e400')).toBe(MAX_SENTENCES);
    expect(sentenceCountFrom('abc')).toBe(MIN_SENTENCES);
    expect(sentenceCountFrom('2.4')).toBe(2);
    expect(sentenceCountFrom('2.6')).toBe(3);
  });
});
