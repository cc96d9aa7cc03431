import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatNumber, formatPercent } from './format';
import { setAppLocaleTag } from '../util/app-locale';

describe('format', () => {
  it('writes percentages, capped at 100 and blank when the total is unknown', () => {
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(5, 4)).toBe('100%');
    expect(formatPercent(5, 0)).toBe('—');
  });
});

describe('formats follow the interface locale', () => {
  afterEach(() => setAppLocaleTag('en'));

  it('writes numbers, durations and dates as the locale does', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatDuration(12.345)).toBe('12.3 ms');
    expect(formatDuration(2500)).toBe('2.5 s');
    const sunday = Date.UTC(2026, 10, 29, 12, 0);
    expect(formatDate(sunday)).toMatch(/Nov/);
    setAppLocaleTag('ja');
    expect(formatDate(sunday)).toMatch(/2026\/11\/29/);
    setAppLocaleTag('de');
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });
});
