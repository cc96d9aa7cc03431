import { describe, expect, it } from 'vitest';
import { operatorShares, type TraceEvent } from './operator-profile';

const kernel = (ts: number, node: string, op: string, dur: number): TraceEvent => ({ cat: 'Node', name: `${node}_kernel_time`, ts, dur, args: { op_name: op } });
/** One session run starting at `ts`: its model_run event and four kernels. */
const run = (ts: number, scale = 1): TraceEvent[] => [
  { cat: 'Session', name: 'model_run', ts, dur: 200 * scale },
  { cat: 'Node', name: 'q_fence_before', ts, dur: 5, args: { op_name: 'MatMul' } },
  kernel(ts + 1, 'q', 'MatMul', 30 * scale),
  kernel(ts + 2, 'k', 'MatMul', 20 * scale),
  kernel(ts + 3, 'ln', 'LayerNormalization', 40 * scale),
  kernel(ts + 4, 'sm', 'Softmax', 10 * scale),
];

describe('operatorShares', () => {
  it('adds kernel time per operator type over the last runs, counts its nodes and ranks by time, leaving out a slow first run and fence events', () => {
    const events: TraceEvent[] = [{ cat: 'Session', name: 'session_initialization', ts: 0, dur: 10_000 }, ...run(10_000, 100), ...run(40_000), ...run(41_000)];
    expect(operatorShares(events, 2)).toEqual([
      { op: 'MatMul', nodes: 2, microsecondsPerRun: 50, share: 0.5 },
      { op: 'LayerNormalization', nodes: 1, microsecondsPerRun: 40, share: 0.4 },
      { op: 'Softmax', nodes: 1, microsecondsPerRun: 10, share: 0.1 },
    ]);
  });
});
