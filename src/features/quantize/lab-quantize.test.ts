import { describe, expect, it } from 'vitest';
import { sizeChange } from './lab-quantize';

describe('sizeChange', () => {
  it('says how many times smaller or larger, always with a factor of at least 1', () => {
    expect(sizeChange(1237, 479)).toBe('2.58× smaller');
    expect(sizeChange(479, 1237)).toBe('2.58× larger');
    expect(sizeChange(500, 500)).toBe('the same size');
    expect(sizeChange(0, 10)).toBe('size unknown');
    for (let seed = 1; seed < 200; seed++) {
      const before = (seed * 7919) % 5000 + 1;
      const after = (seed * 104729) % 5000 + 1;
      const text = sizeChange(before, after);
      const factor = Number.parseFloat(text);
      if (before !== after) expect(factor, text).toBeGreaterThanOrEqual(1);
      expect(text.endsWith(before > after ? 'smaller' : before < after ? 'larger' : 'size'), `${before} → ${after}: ${text}`).toBe(true);
    }
  });
});
