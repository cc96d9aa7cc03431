import { describe, expect, it } from 'vitest';
import { inkViewBox, strokeOutlinePath } from './ink';

describe('ink rendering helpers', () => {
  it('outlines a stroke as a closed path around its points', () => {
    const d = strokeOutlinePath([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 10 }], 10);
    expect(d).toMatch(/^M[-\d.]+,[-\d.]+ Q.* Z$/);
    const xs = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeLessThan(0);
    expect(Math.max(...xs)).toBeGreaterThan(100);
  });

  it('draws a single tap as a dot', () => {
    expect(strokeOutlinePath([{ x: 5, y: 5 }], 10)).not.toBe('');
  });

  it('frames the ink in a square box with a margin', () => {
    expect(inkViewBox([[{ x: 10, y: 20 }, { x: 30, y: 60 }]], 5)).toEqual({ x: -5, y: 15, width: 50, height: 50 });
    expect(inkViewBox([], 5)).toBeNull();
  });
});
