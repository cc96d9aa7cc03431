import { describe, expect, it } from 'vitest';
import { loadBestScore, saveBestScore } from './best-score';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('best score', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    expect(loadBestScore(storage)).toBe(0);
    saveBestScore(storage, 7);
    expect(loadBestScore(storage)).toBe(7);
  });

  it('reads a damaged entry as 0', () => {
    expect(loadBestScore(memoryStorage({ 'mlwb.doodle.best': 'lots' }))).toBe(0);
    expect(loadBestScore(memoryStorage({ 'mlwb.doodle.best': '-3' }))).toBe(0);
  });
});
