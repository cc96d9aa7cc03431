import { onnx } from './proto';
import { attributeInt, graphInputNames, initializerMap } from './graph';
import { isFloatTensor, readFloatTensor, tensorDims } from './tensor';

/** Operators whose second input is a weight matrix/kernel worth quantizing. */
export const WEIGHT_OPS = new Set(['Conv', 'Gemm', 'MatMul']);

/** Axis of the weight that indexes output channels, for per-channel scales. */
export function outputChannelAxis(node: onnx.INodeProto, rank: number): number {
  switch (node.opType) {
    case 'Conv':
      return 0;
    case 'Gemm':
      return attributeInt(node, 'transB', 0) === 1 ? 0 : 1;
    default:
      return rank - 1;
  }
}

export interface WeightCandidate {
  name: string;
  dims: number[];
  values: Float32Array;
  /** Nodes that read this initializer as their weight input. */
  consumers: onnx.INodeProto[];
  /** Output-channel axis agreed by every consumer, or null when they disagree. */
  axis: number | null;
}

export interface SkippedTensor {
  name: string;
  reason: string;
}

function skipReason(tensor: onnx.ITensorProto | undefined, inputs: Set<string>, name: string): string | null {
  if (!tensor) return 'computed at run time, not a stored weight';
  if (inputs.has(name)) return 'also a graph input, so callers may replace it';
  if (!isFloatTensor(tensor)) return 'not float32';
  if (tensorDims(tensor).length < 2) return 'fewer than 2 dimensions';
  return null;
}

/** Float initializers used as Conv/Gemm/MatMul weights, plus the weight inputs that had to be left alone. */
export function findWeightCandidates(graph: onnx.IGraphProto): { candidates: WeightCandidate[]; skipped: SkippedTensor[] } {
  const initializers = initializerMap(graph);
  const inputs = graphInputNames(graph);
  const byName = new Map<string, WeightCandidate>();
  const skipped = new Map<string, string>();
  for (const node of graph.node ?? []) {
    if (!WEIGHT_OPS.has(node.opType ?? '') || (node.input?.length ?? 0) < 2) continue;
    const name = node.input![1];
    const tensor = initializers.get(name);
    const reason = skipReason(tensor, inputs, name);
    if (reason) {
      if (tensor) skipped.set(name, reason);
      continue;
    }
    let candidate = byName.get(name);
    if (!candidate) {
      const dims = tensorDims(tensor!);
      candidate = { name, dims, values: readFloatTensor(tensor!), consumers: [], axis: outputChannelAxis(node, dims.length) };
      byName.set(name, candidate);
    } else if (candidate.axis !== outputChannelAxis(node, candidate.dims.length)) {
      candidate.axis = null;
    }
    candidate.consumers.push(node);
  }
  return {
    candidates: [...byName.values()],
    skipped: [...skipped].map(([name, reason]) => ({ name, reason })),
  };
}
