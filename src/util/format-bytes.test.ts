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
