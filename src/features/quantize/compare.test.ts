import { describe, expect, it } from 'vitest';
import { compareModels, type LogitsRunner } from './compare';

/** A fake model whose prediction is input[0] and whose run takes `cost` ticks of the fake clock. */
function fakeModel(clock: { t: number }, cost: number, flipAbove = Infinity): LogitsRunner {
  return async (input) => {
    clock.t += cost;
    const predicted = input[0] > flipAbove ? 1 - input[0] : input[0];
    return predicted === 0 ? [1, 0] : [0, 1];
  };
}

describe('compareModels', () => {
  const samples = [
    { input: Float32Array.of(0), label: 0 },
    { input: Float32Array.of(1), label: 1 },
    { input: Float32Array.of(1), label: 0 },
    { input: Float32Array.of(0) },
  ];

  it('reports agreement, accuracy on the labelled samples and latency percentiles of each model', async () => {
    const clock = { t: 0 };
    const now = () => clock.t;
    // The candidate flips class-1 predictions, so it disagrees on the two samples with input 1.
    const result = await compareModels(fakeModel(clock, 2), fakeModel(clock, 5, 0.5), samples, undefined, now);
    expect(result.samples).toBe(4);
    expect(result.top1Agreement).toBe(0.5);
    expect(result.referenceAccuracy).toBeCloseTo(2 / 3, 12);
    expect(result.candidateAccuracy).toBeCloseTo(2 / 3, 12);
    expect(result.meanKlDivergence).toBeGreaterThan(0);
    expect(result.referenceLatency).toEqual({ p50: 2, p95: 2, runs: 4 });
    expect(result.candidateLatency).toEqual({ p50: 5, p95: 5, runs: 4 });
  });

  it('reports progress per sample and no accuracy without labels', async () => {
    const clock = { t: 0 };
    const progress: number[] = [];
    const unlabelled = samples.map(({ input }) => ({ input }));
    const result = await compareModels(fakeModel(clock, 1), fakeModel(clock, 1), unlabelled, (done) => progress.push(done), () => clock.t);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(result.top1Agreement).toBe(1);
    expect(result.meanKlDivergence).toBe(0);
    expect(result.referenceAccuracy).toBeNull();
  });

  it('asks for samples when given none', async () => {
    const clock = { t: 0 };
    await expect(compareModels(fakeModel(clock, 1), fakeModel(clock, 1), [])).rejects.toThrow(/at least one sample/);
  });
});
