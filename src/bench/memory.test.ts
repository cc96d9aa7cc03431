import { describe, expect, it } from 'vitest';
import { formatBytes } from '../util/format-bytes';
import { formatBytesDelta, formatSignedBytes, memoryMeter } from './memory';

const withApi = (bytes: number) => ({ measureUserAgentSpecificMemory: async () => ({ bytes, breakdown: [] }) }) as unknown as Performance;

describe('memoryMeter', () => {
  it('reads the total bytes the browser reports', async () => {
    const meter = memoryMeter({ performance: withApi(123_456), crossOriginIsolated: true });
    expect(await meter!()).toBe(123_456);
  });

  it('offers no meter where the browser lacks the API or the page is not cross-origin isolated', () => {
    expect(memoryMeter({ performance: {} as Performance, crossOriginIsolated: true })).toBeUndefined();
    expect(memoryMeter({ performance: withApi(1), crossOriginIsolated: false })).toBeUndefined();
  });
});

describe('formatBytesDelta', () => {
  const english = (bytes: number) => formatBytes(bytes, 'en');

  it('signs growth and shrinkage and writes the size as formatBytes does', () => {
    for (let exponent = 0; exponent <= 10; exponent++) {
      for (const mantissa of [1, 2.5, 7.77]) {
        const size = Math.round(mantissa * 10 ** exponent);
        expect(formatBytesDelta(size, english)).toBe(`+${english(size)}`);
        expect(formatBytesDelta(-size, english)).toBe(`−${english(size)}`);
        expect(formatSignedBytes(size, english)).toBe(english(size));
        expect(formatSignedBytes(-size, english)).toBe(`−${english(size)}`);
      }
    }
    expect(formatBytesDelta(0, english)).toBe('0 B');
    expect(formatBytesDelta(Number.NaN, english)).toBe('—');
  });
});
