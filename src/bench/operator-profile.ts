/** One event of onnxruntime's profiler (Chrome trace format, the same in onnxruntime-node and -web). */
export interface TraceEvent {
  cat: string;
  name: string;
  /** Start and duration, microseconds. */
  ts: number;
  dur: number;
  args?: { op_name?: string };
}

export interface OperatorShare {
  op: string;
  /** Distinct nodes of this type that ran (names, after the runtime's fusions: e.g. "FusedConv", "Gelu"). */
  nodes: number;
  microsecondsPerRun: number;
  /** Of all kernel time. */
  share: number;
}

/**
 * Kernel time per operator type over the last `runs` session runs of a profile ("Node" events named
 * "<node>_kernel_time" that start within those runs' "model_run" events; fence events and the slower first runs are
 * left out), largest first.
 */
export function operatorShares(events: readonly TraceEvent[], runs: number): OperatorShare[] {
  const sessionRuns = events.filter((e) => e.cat === 'Session' && e.name === 'model_run').sort((a, b) => a.ts - b.ts);
  const counted = sessionRuns.slice(-runs);
  const from = counted[0]?.ts ?? -Infinity;
  const byOp = new Map<string, { nodes: Set<string>; total: number }>();
  let total = 0;
  for (const event of events) {
    if (event.cat !== 'Node' || !event.name.endsWith('_kernel_time') || !event.args?.op_name || event.ts < from) continue;
    const entry = byOp.get(event.args.op_name) ?? { nodes: new Set<string>(), total: 0 };
    entry.nodes.add(event.name);
    entry.total += event.dur;
    byOp.set(event.args.op_name, entry);
    total += event.dur;
  }
  const perRun = counted.length || runs;
  return [...byOp]
    .map(([op, { nodes, total: time }]) => ({ op, nodes: nodes.size, microsecondsPerRun: time / perRun, share: total > 0 ? time / total : 0 }))
    .sort((a, b) => b.microsecondsPerRun - a.microsecondsPerRun);
}
