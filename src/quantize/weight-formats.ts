/** The weight-format modes (fp16, int4 blocks, palettization): option checks and dispatch. */
import type { onnx } from './proto';
import { QuantizeError } from './errors';
import { convertToFloat16 } from './float16-graph';
import { quantizeInt4 } from './int4-weights';
import { INT4_BLOCK_SIZES } from './int4-blocks';
import { quantizePalette } from './palette-weights';
import { graphOutputNames, initializerMap } from './graph';
import { elementCount, isFloatTensor, readFloatTensor, tensorDims } from './tensor';
import { nodeId } from './exclusion';
import type { QuantizeContext } from './context';
import { WEIGHT_OPS, type WeightCandidate } from './weights';
import type { QuantizeMode, QuantizeOptions } from './types';

export type WeightFormatMode = Extract<QuantizeMode, 'fp16' | 'int4' | 'palette'>;

export function isWeightFormat(mode: QuantizeMode): mode is WeightFormatMode {
  return mode === 'fp16' || mode === 'int4' || mode === 'palette';
}

/** Throws QuantizeError 'invalid-options' for a block size, bit count or group size the mode cannot use. */
export function checkWeightFormatOptions(options: QuantizeOptions): void {
  const invalid = (message: string) => new QuantizeError('invalid-options', message);
  if (options.mode === 'int4' && options.blockSize !== undefined && !INT4_BLOCK_SIZES.includes(options.blockSize)) {
    throw invalid(`int4 block size must be ${INT4_BLOCK_SIZES.join(', ')}; got ${options.blockSize}.`);
  }
  if (options.mode === 'palette') {
    if (options.bits !== undefined && options.bits !== 4 && options.bits !== 6) throw invalid(`Palette bits must be 4 (16 entries) or 6 (64 entries); got ${options.bits}.`);
    const group = options.paletteGroupSize;
    if (group !== undefined && (!Number.isInteger(group) || group < 1)) throw invalid(`Palette group size must be a whole number of output channels ≥ 1; got ${group}.`);
  }
}

/** Learned tensors with at least this many values are stored in int4 / palette form even when no Conv/MatMul reads them. */
export const LARGE_PARAMETER_ELEMENTS = 1024;

/**
 * Float32 initializers that are no Conv/Gemm/MatMul weight but large learned parameters — ≥ LARGE_PARAMETER_ELEMENTS
 * values and at least two dimensions above 1, such as a ViT's position embeddings [1, tokens, width] feeding an
 * Add — as candidates for int4 and palettes (their dequantized tensor keeps the name, so every reader is unchanged).
 * Biases and normalisation parameters are vectors and stay float32; so does a tensor an excluded node reads, or one
 * that is a graph output. `candidates` are the Conv/Gemm/MatMul weights already chosen.
 */
export function largeFloatParameters(graph: onnx.IGraphProto, candidates: readonly WeightCandidate[], excluded: ReadonlySet<string>): WeightCandidate[] {
  const taken = new Set(candidates.map((c) => c.name));
  const outputs = graphOutputNames(graph);
  const readers = new Map<string, onnx.INodeProto[]>();
  for (const node of graph.node ?? []) {
    for (const [slot, name] of (node.input ?? []).entries()) {
      // A Conv/Gemm/MatMul weight slot belongs to findWeightCandidates (quantized or skipped there).
      if (slot === 1 && WEIGHT_OPS.has(node.opType ?? '')) taken.add(name);
      readers.set(name, [...(readers.get(name) ?? []), node]);
    }
  }
  const found: WeightCandidate[] = [];
  for (const [name, tensor] of initializerMap(graph)) {
    const dims = tensorDims(tensor);
    const consumers = readers.get(name) ?? [];
    const large = elementCount(dims) >= LARGE_PARAMETER_ELEMENTS && dims.filter((d) => d > 1).length >= 2;
    if (!large || !isFloatTensor(tensor) || taken.has(name) || outputs.has(name) || consumers.length === 0) continue;
    if (consumers.some((node) => excluded.has(nodeId(node)))) continue;
    found.push({ name, dims, values: readFloatTensor(tensor), consumers: [...new Set(consumers)], axis: null });
  }
  return found;
}

/** The report note naming the float32 initializers a weight format leaves as they are, and why. */
function keptFloatNote(graph: onnx.IGraphProto, stored: readonly WeightCandidate[]): string | null {
  const storedNames = new Set(stored.map((c) => c.name));
  const kept = [...initializerMap(graph)].filter(([name, tensor]) => !storedNames.has(name) && isFloatTensor(tensor) && elementCount(tensorDims(tensor)) > 1);
  if (kept.length === 0) return null;
  const values = kept.reduce((sum, [, tensor]) => sum + elementCount(tensorDims(tensor)), 0);
  return `${kept.length} float tensors (${values} values) stay float32: biases, normalisation scales and shifts and other vectors or tensors under ${LARGE_PARAMETER_ELEMENTS} values, whose rounding would cost accuracy for few bytes, and any read by an excluded node.`;
}

/** Rewrites `context`'s graph (of `model`) in the mode's weight format; `excluded` nodes stay float32. */
export function quantizeWeightFormat(
  model: onnx.IModelProto,
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  options: QuantizeOptions & { mode: WeightFormatMode },
  excluded: ReadonlySet<string>,
  onStep: (total: number) => void,
): void {
  checkWeightFormatOptions(options);
  if (options.mode === 'fp16') {
    const total = context.graph.node!.length;
    convertToFloat16(context, excluded, () => onStep(total));
    return;
  }
  const stored = [...candidates, ...largeFloatParameters(context.graph, candidates, excluded)];
  const note = keptFloatNote(context.graph, stored);
  if (options.mode === 'int4') {
    quantizeInt4(model, context, stored, { blockSize: options.blockSize ?? 32, symmetric: options.symmetric ?? true }, () => onStep(stored.length));
  } else {
    quantizePalette(model, context, stored, { bits: options.bits ?? 4, groupSize: options.paletteGroupSize }, () => onStep(stored.length));
  }
  if (note) context.report.notes.push(note);
}
