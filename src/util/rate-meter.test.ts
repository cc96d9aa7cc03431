import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter';

describe('predictions-per-second meter', () => {
  it('counts completions within the last second', () => {
    const meter = new RateMeter(1000);
    for (let t = 0; t < 1000; t += 10) meter.record(t, 2);
    expect(meter.rate(999)).toBe(100);
    expect(meter.rate(1500)).toBe(49);
    expect(meter.rate(5000)).toBe(0);
  });

  it('averages the time per prediction over the same window', () => {
    const meter = new RateMeter(1000);
    expect(meter.meanMs(0)).toBeNull();
    meter.record(100, 2);
    meter.record(200, 4);
    expect(meter.meanMs(500)).toBe(3);
    meter.record(1150, 10);
    expect(meter.meanMs(1150)).toBe(7);
  });
});
