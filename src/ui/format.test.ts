import { describe, expect, it } from 'vitest';
import { formatPercent } from './format';

describe('format', () => {
  it('writes percentages, capped at 100 and blank when the total is unknown', () => {
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(5, 4)).toBe('100%');
    expect(formatPercent(5, 0)).toBe('—');
  });
});
