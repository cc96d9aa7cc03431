import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent } from './format';

describe('format', () => {
  it('writes sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(12_779)).toBe('12.8 kB');
    expect(formatBytes(26_861_770)).toBe('26.9 MB');
    expect(formatBytes(345_000_000)).toBe('345 MB');
    expect(formatBytes(-1)).toBe('—');
  });
  it('writes percentages, capped at 100 and blank when the total is unknown', () => {
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(5, 4)).toBe('100%');
    expect(formatPercent(5, 0)).toBe('—');
  });
});
