import { describe, expect, it } from 'vitest';
import { describeSizeChange } from './size-change';

describe('describeSizeChange', () => {
  it('says smaller or larger with a factor of at least 1 either way', () => {
    expect(describeSizeChange(1237, 479)).toBe('2.58× smaller');
    expect(describeSizeChange(479, 1237)).toBe('2.58× larger');
    expect(describeSizeChange(500, 500)).toBe('the same size');
    for (let before = 1; before < 3000; before += 97) {
      for (let after = 1; after < 3000; after += 89) {
        const text = describeSizeChange(before, after);
        if (after > before) expect(text).toMatch(/larger$/);
        if (after < before) expect(text).toMatch(/smaller$/);
        if (before !== after) expect(Number.parseFloat(text)).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('does not divide by zero', () => {
    expect(describeSizeChange(0, 10)).toBe('size unknown');
    expect(describeSizeChange(10, 0)).toBe('size unknown');
  });
});
