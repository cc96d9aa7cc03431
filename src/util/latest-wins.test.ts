import { describe, expect, it } from 'vitest';
import { LatestWins } from './latest-wins';

function deferredRunner() {
  const calls: { input: number; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const results: [string, number][] = [];
  const errors: number[] = [];
  const scheduler = new LatestWins<number, string>({
    run: (input) => new Promise((resolve, reject) => calls.push({ input, resolve, reject })),
    onResult: (output, input) => results.push([output, input]),
    onError: (_e, input) => errors.push(input),
  });
  return { scheduler, calls, results, errors };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('latest-wins scheduler', () => {
  it('sends immediately when idle', () => {
    const { scheduler, calls } = deferredRunner();
    scheduler.submit(1);
    expect(calls.map((c) => c.input)).toEqual([1]);
  });

  it('keeps only the newest input while one is in flight, and sends it when that returns', async () => {
    const { scheduler, calls, results } = deferredRunner();
    scheduler.submit(1);
    scheduler.submit(2);
    scheduler.submit(3);
    scheduler.submit(4);
    expect(calls.map((c) => c.input)).toEqual([1]);
    calls[0]!.resolve('one');
    await settle();
    expect(results).toEqual([['one', 1]]);
    expect(calls.map((c) => c.input)).toEqual([1, 4]);
    calls[1]!.resolve('four');
    await settle();
    expect(results).toEqual([['one', 1], ['four', 4]]);
    expect(calls).toHaveLength(2);
    scheduler.submit(5);
    expect(calls.map((c) => c.input)).toEqual([1, 4, 5]);
  });

  it('reports a failed run and carries on with the newest input', async () => {
    const { scheduler, calls, errors, results } = deferredRunner();
    scheduler.submit(1);
    scheduler.submit(2);
    calls[0]!.reject(new Error('worker died'));
    await settle();
    expect(errors).toEqual([1]);
    calls[1]!.resolve('two');
    await settle();
    expect(results).toEqual([['two', 2]]);
  });

  it('dropPending forgets the waiting input', async () => {
    const { scheduler, calls } = deferredRunner();
    scheduler.submit(1);
    scheduler.submit(2);
    scheduler.dropPending();
    calls[0]!.resolve('one');
    await settle();
    expect(calls).toHaveLength(1);
  });
});
