import { onnx } from './proto';
import { attributeInt, graphOutputNames, initializerMap } from './graph';
import { floatTensor, isFloatTensor, readFloatTensor, tensorDims, transposeValues } from './tensor';

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

function skipReason(tensor: onnx.ITensorProto | undefined): string | null {
  if (!tensor) return 'computed at run time, not a stored weight';
  if (!isFloatTensor(tensor)) return 'not float32';
  if (tensorDims(tensor).length < 2) return 'fewer than 2 dimensions';
  return null;
}

/**
 * Float initializers used as Conv/Gemm/MatMul weights (also those older exporters list as graph inputs too:
 * overridable defaults, which nobody feeds in practice), plus the weight inputs that had to be left alone.
 */
export function findWeightCandidates(graph: onnx.IGraphProto): {
  candidates: WeightCandidate[];
  skipped: SkippedTensor[];
  /** Every weight input that cannot be quantized, as "<op> "<node>" reads "<tensor>", <reason>". */
  unusable: string[];
} {
  const initializers = initializerMap(graph);
  const byName = new Map<string, WeightCandidate>();
  const skipped = new Map<string, string>();
  const unusable: string[] = [];
  for (const node of graph.node ?? []) {
    if (!WEIGHT_OPS.has(node.opType ?? '') || (node.input?.length ?? 0) < 2) continue;
    const name = node.input![1];
    const tensor = initializers.get(name);
    const reason = skipReason(tensor);
    if (reason) {
      if (tensor) skipped.set(name, reason);
      unusable.push(`${node.opType} "${node.name || node.output?.[0]}" reads "${name}", ${reason}`);
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
    unusable,
  };
}

/**
 * Folds `Transpose` nodes that turn a stored float weight into a Conv/Gemm/MatMul weight input: the transposed
 * values become an initializer under the Transpose's output name, so every reader sees the same numbers and the
 * weight is quantizable. Returns the folded weights' names.
 */
export function foldWeightTransposes(graph: onnx.IGraphProto): string[] {
  const initializers = initializerMap(graph);
  const outputs = graphOutputNames(graph);
  const weightInputs = new Set((graph.node ?? []).filter((node) => WEIGHT_OPS.has(node.opType ?? '')).map((node) => node.input?.[1] ?? ''));
  const folded: string[] = [];
  graph.node = (graph.node ?? []).filter((node) => {
    const source = initializers.get(node.input?.[0] ?? '');
    const target = node.output?.[0] ?? '';
    if (node.opType !== 'Transpose' || !source || !isFloatTensor(source) || !weightInputs.has(target) || outputs.has(target)) return true;
    const dims = tensorDims(source);
    const permAttribute = node.attribute?.find((a) => a.name === 'perm');
    const perm = permAttribute ? (permAttribute.ints ?? []).map(Number) : dims.map((_, i) => dims.length - 1 - i);
    const transposed = transposeValues(readFloatTensor(source), dims, perm);
    graph.initializer!.push(floatTensor(target, transposed.dims, transposed.values));
    folded.push(source.name ?? '');
    return false;
  });
  return folded;
}

/**
 * Whether onnxruntime's integer MatMul kernels can take this weight with one scale per output channel. Its fused
 * QLinearMatMul / MatMulIntegerToFloat refuse per-channel zero points of a batched (3-D, 4-D, broadcast) weight
 * ("b zero point is not valid") and DynamicQuantizeMatMul computes wrong results with per-column scales there
 * (measured with onnxruntime-node 1.30 at its default optimization level), so such weights get one scale.
 */
export function integerKernelsTakePerChannel(candidate: WeightCandidate): boolean {
  return !(candidate.dims.length > 2 && candidate.consumers.some((node) => node.opType === 'MatMul'));
}

/** The note for a weight kept per tensor by `integerKernelsTakePerChannel`. */
export function perTensorNote(candidate: WeightCandidate): string {
  return `"${candidate.name}" [${candidate.dims.join(', ')}] has one scale for the whole tensor: onnxruntime's integer MatMul kernels take per-channel scales only for 2-D weights.`;
}
