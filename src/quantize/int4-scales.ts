/**
 * int4 block scales stored as float16 where that is legal and makes the file smaller.
 *
 * ONNX DequantizeLinear's output type is its scale's type, and MatMulNBits' scales must have input A's type
 * (onnxruntime docs/ContribOperators.md#com.microsoft.MatMulNBits), so a float32 graph reads float16 scales through
 * a Cast to float32. Its input is an initializer, so onnxruntime folds the Cast once when the session loads; with
 * optimizations disabled it runs on every inference (the differential tests run both levels, in onnxruntime-node
 * and -web). Worth it when the 2 bytes saved per scale outweigh the Cast node (one 64×64 weight at block 32 has
 * 128 scales: 256 B saved; its Cast, named after the weight, takes about 100–130 B), and legal when every scale is a normal float16 (2^-14 … 65504),
 * so rounding costs at most 2^-11 of a scale and nothing underflows.
 */
import { onnx, type onnx as OnnxTypes } from './proto';
import { intAttribute, makeNode } from './graph';
import { floatTensor } from './tensor';
import { toFloat16, FLOAT16_MAX } from './float16';
import { quantizeInt4Blocks, type Int4Blocks } from './int4-blocks';
import type { QuantizeContext } from './context';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const FLOAT16 = onnx.TensorProto.DataType.FLOAT16;
const SMALLEST_NORMAL_FLOAT16 = 2 ** -14;

/** Cast `input` (float16 scales) to float32 `output`: the node the graph gets, and the one `castBytes` measures. */
function castToFloat(input: string, output: string, name: string): OnnxTypes.INodeProto {
  return makeNode('Cast', [input], [output], name, [intAttribute('to', FLOAT)]);
}

/** The Cast that turns `<base>_scales` (float16) into float32 for the graph. */
function scaleCast(context: QuantizeContext, stored: string, base: string): OnnxTypes.INodeProto {
  return castToFloat(stored, context.names.fresh(`${base}_scales_float`), context.names.fresh(`${base}_scales_Cast`));
}

/**
 * Bytes the Cast of weight `base` adds to the file: the node as a graph's `node` field (tag, length prefix and
 * NodeProto), with the names it gets when none is taken yet (a name made fresh is a few bytes longer).
 */
function castBytes(base: string): number {
  const node = castToFloat(`${base}_scales`, `${base}_scales_float`, `${base}_scales_Cast`);
  return onnx.GraphProto.encode({ node: [node] }).finish().length;
}

/**
 * `quantizeInt4Blocks` with float16 scales when every float32 scale is a normal float16 and 2 bytes per scale
 * outweigh the Cast (`castBytes`); otherwise float32 scales. `base` is the weight's name (for the Cast's size).
 */
export function quantizeInt4BlocksCompact(
  base: string,
  columns: number,
  length: number,
  valueAt: (column: number, k: number) => number,
  blockSize: number,
  symmetric: boolean,
): { blocks: Int4Blocks; float16Scales: boolean } {
  const blocks = quantizeInt4Blocks(columns, length, valueAt, blockSize, symmetric);
  const legal = blocks.scales.every((scale) => scale >= SMALLEST_NORMAL_FLOAT16 && scale <= FLOAT16_MAX);
  if (!legal || 2 * blocks.scales.length <= castBytes(base)) return { blocks, float16Scales: false };
  return { blocks: quantizeInt4Blocks(columns, length, valueAt, blockSize, symmetric, 'float16'), float16Scales: true };
}

/**
 * Adds the block scales (`dims`) of weight `base` as an initializer; as float16, also the Cast to float32, pushed
 * onto `nodes` (to place before the scales' reader). Returns the float32 scales' tensor name.
 */
export function addBlockScales(
  context: QuantizeContext,
  base: string,
  dims: readonly number[],
  scales: Float32Array,
  float16: boolean,
  nodes: OnnxTypes.INodeProto[],
): string {
  if (!float16) return context.addInitializer(floatTensor(context.names.fresh(`${base}_scales`), dims, scales));
  const stored = context.addInitializer(onnx.TensorProto.create({ name: context.names.fresh(`${base}_scales`), dims: [...dims], dataType: FLOAT16, rawData: toFloat16(scales).bytes }));
  const cast = scaleCast(context, stored, base);
  nodes.push(cast);
  return cast.output![0];
}
