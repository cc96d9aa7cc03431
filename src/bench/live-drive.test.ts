import { describe, expect, it } from 'vitest';
import type { SketchClassifier } from '../sketch/live-predictor';
import { driveLivePredictions } from './live-drive';

const labels = ['cat', 'dog', 'sun', 'car', 'cup', 'hat'];

function classifierTaking(ms: number, seen: Uint8Array[] = []): SketchClassifier {
  return {
    labels,
    async classify(bitmap) {
      seen.push(bitmap);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return Float32Array.from(labels, (_, i) => i);
    },
  };
}

describe('driveLivePredictions', () => {
  it('renders the top five of every answer and counts answers per second', async () => {
    const rendered: number[] = [];
    const result = await driveLivePredictions(classifierTaking(5), (guesses) => rendered.push(guesses.length), 300);
    // How many answers fit in 300 ms depends on the machine's load (speed belongs in benchmarks): at least one.
    expect(result.predictions).toBeGreaterThan(0);
    expect(rendered).toHaveLength(result.predictions);
    expect(new Set(rendered)).toEqual(new Set([5]));
    expect(result.predictionsPerSecond).toBeCloseTo(result.predictions / result.seconds, 6);
  });

  it('sends a drawing that grew since the last answer, never a backlog', async () => {
    const seen: Uint8Array[] = [];
    await driveLivePredictions(classifierTaking(20, seen), () => {}, 200);
    // 20 ms per answer over 200 ms: about ten requests, not one per pen point (400 of them).
    expect(seen.length).toBeLessThan(15);
    expect(new Set(seen.map((b) => b.join(','))).size).toBeGreaterThan(seen.length / 2);
  });

  it('passes a failing model on to the caller', async () => {
    const broken: SketchClassifier = { labels, classify: () => Promise.reject(new Error('session lost')) };
    await expect(driveLivePredictions(broken, () => {}, 200)).rejects.toThrow('session lost');
  });
});
