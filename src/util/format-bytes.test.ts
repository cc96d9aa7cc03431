import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('writes sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(12_779)).toBe('12.8 kB');
    expect(formatBytes(26_861_770)).toBe('26.9 MB');
    expect(formatBytes(345_000_000)).toBe('345 MB');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('formatBytes in other locales', () => {
  it('writes the number as the locale does, keeping the unit', () => {
    expect(formatBytes(12_779, 'de')).toBe('12,8 kB');
    expect(formatBytes(4_200_000_000_000_000, 'en')).toBe('4,200 TB');
    expect(formatBytes(26_861_770, 'ja')).toBe('26.9 MB');
  });
});
