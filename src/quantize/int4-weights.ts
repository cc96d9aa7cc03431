/**
 * int4 weight-only mode: weights stored as 4-bit codes in blocks along the reduction axis (`int4-blocks.ts`).
 * - MatMul with a 2-D weight, and Gemm (rewritten as MatMul + Add): onnxruntime's `com.microsoft.MatMulNBits`
 *   (docs/ContribOperators.md#com.microsoft.MatMulNBits): B is uint8 [N, blocks, blockSize/2], column n holding
 *   output channel n's K codes two per byte (first in the low nibble); scales float [N · blocks]; asymmetric zero
 *   points uint8 [N · ⌈blocks/2⌉], packed the same way per column; symmetric blocks omit them (implicit 8).
 *   `accuracy_level` is left at 0: the activation stays float32 (level 4 would round it to int8).
 *   Runs in onnxruntime-node and onnxruntime-web's WASM build (checked in the differential tests).
 * - Conv and batched (3-D+) MatMul weights: ONNX `DequantizeLinear` with `block_size` (opset 21) on INT4
 *   (symmetric) or UINT4 + zero points (asymmetric), blocked along Conv's input channels / MatMul's K axis. A model
 *   whose opset cannot be raised to 21 keeps those weights in int8 per channel (weight-only int8), with a note.
 */
import { onnx, type onnx as OnnxTypes } from './proto';
import { attributeFloat, attributeInt, intAttribute, makeNode, defaultOpset } from './graph';
import { raiseToOpset21 } from './opset21';
import { floatTensor } from './tensor';
import { columnLayout } from './blocked-layout';
import { packNibbles, quantizeInt4Blocks, type Int4BlockSize } from './int4-blocks';
import { reportStoredWeight } from './format-report';
import type { QuantizeContext } from './context';
import type { WeightCandidate } from './weights';

export interface Int4Options {
  blockSize: Int4BlockSize;
  symmetric: boolean;
}

const UINT4 = 21;
const INT4 = 22;
const UINT8 = onnx.TensorProto.DataType.UINT8;

/** Whether `node` can read `candidate` through MatMulNBits (a 2-D weight as MatMul's or Gemm's B). */
function takesMatMulNBits(node: OnnxTypes.INodeProto, candidate: WeightCandidate): boolean {
  return (node.opType === 'MatMul' || node.opType === 'Gemm') && candidate.dims.length === 2;
}

/** Rewrites every weight of `candidates`; `model` is the one `context` edits (its opset may be raised to 21). */
export function quantizeInt4(
  model: OnnxTypes.IModelProto,
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  options: Int4Options,
  onWeightDone: () => void,
): void {
  const { report } = context;
  const needsBlockedDequantize = candidates.filter((c) => c.consumers.some((node) => !takesMatMulNBits(node, c)));
  let blockedDequantize = false;
  if (needsBlockedDequantize.length > 0) {
    const refused = raiseToOpset21(model, report, 'int4 DequantizeLinear with block_size');
    blockedDequantize = refused === null;
    if (refused) {
      report.notes.push(`Conv and batched MatMul weights (${needsBlockedDequantize.map((c) => `"${c.name}"`).join(', ')}) stay int8 per channel: int4 DequantizeLinear with blocks needs opset 21 and ${refused}.`);
    }
  }
  const replaced = new Map<OnnxTypes.INodeProto, OnnxTypes.INodeProto[]>();
  const front: OnnxTypes.INodeProto[] = [];
  let usesMatMulNBits = false;
  for (const candidate of candidates) {
    const viaNBits = candidate.consumers.filter((node) => takesMatMulNBits(node, candidate));
    for (const node of viaNBits) replaced.set(node, matMulNBits(context, candidate, node, options));
    usesMatMulNBits ||= viaNBits.length > 0;
    if (viaNBits.length < candidate.consumers.length) {
      front.push(blockedDequantize ? blockedInt4Dequantize(context, candidate, options) : context.dequantizedWeight(candidate, defaultOpset(model) >= 13));
      if (!blockedDequantize) report.weights[report.weights.length - 1].format = 'int8 DequantizeLinear (per channel)';
    }
    onWeightDone();
  }
  if (usesMatMulNBits && !model.opsetImport!.some((o) => o.domain === 'com.microsoft')) {
    model.opsetImport!.push({ domain: 'com.microsoft', version: 1 });
  }
  // DequantizeLinear reads only initializers, so placing it first keeps the node list topologically sorted.
  context.graph.node = [...front, ...context.graph.node!.flatMap((node) => replaced.get(node) ?? [node])];
}

/**
 * The nodes replacing `node` (MatMul, or Gemm with its transA/alpha/beta/C) by MatMulNBits on `candidate` quantized
 * in the layout this node reads it (Gemm's transB decides which axis is K; alpha is folded into the weights).
 */
function matMulNBits(context: QuantizeContext, candidate: WeightCandidate, node: OnnxTypes.INodeProto, options: Int4Options): OnnxTypes.INodeProto[] {
  const { names } = context;
  const gemm = node.opType === 'Gemm';
  const transB = gemm && attributeInt(node, 'transB', 0) === 1;
  const alpha = gemm ? attributeFloat(node, 'alpha', 1) : 1;
  // Columns are output channels n; k runs along the reduction axis (0 for [K, N], 1 for transB's [N, K]).
  const layout = columnLayout(candidate.dims, transB ? 1 : 0);
  const { columns: N, length: K } = layout;
  const blocks = quantizeInt4Blocks(N, K, (n, k) => alpha * candidate.values[layout.index(n, k)], options.blockSize, options.symmetric);
  const stored = new Float32Array(candidate.values.length);
  for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) stored[layout.index(n, k)] = blocks.dequantized[n * K + k] / alpha;
  reportStoredWeight(context.report, candidate, stored, `int4 MatMulNBits (block ${options.blockSize}, ${options.symmetric ? 'symmetric' : 'asymmetric'})`, transB ? 0 : 1);

  const perColumn = blocks.blocksPerColumn * options.blockSize;
  const padded = new Uint8Array(N * perColumn);
  for (let n = 0; n < N; n++) {
    // Padding past K holds the block's zero point, i.e. the value 0.
    for (let k = 0; k < perColumn; k++) padded[n * perColumn + k] = k < K ? blocks.codes[n * K + k] : blocks.zeroPoints[n * blocks.blocksPerColumn + Math.floor(k / options.blockSize)];
  }
  const base = candidate.name;
  const b = context.addInitializer(onnx.TensorProto.create({ name: names.fresh(`${base}_int4`), dims: [N, blocks.blocksPerColumn, options.blockSize / 2], dataType: UINT8, rawData: packNibbles(padded) }));
  const scales = context.addFloat(`${base}_scales`, [N * blocks.blocksPerColumn], blocks.scales);
  const inputs = [b, scales];
  if (!options.symmetric) {
    const zeroPoints = new Uint8Array(N * Math.ceil(blocks.blocksPerColumn / 2));
    const rowBytes = Math.ceil(blocks.blocksPerColumn / 2);
    for (let n = 0; n < N; n++) zeroPoints.set(packNibbles(blocks.zeroPoints.subarray(n * blocks.blocksPerColumn, (n + 1) * blocks.blocksPerColumn)), n * rowBytes);
    inputs.push(context.addInitializer(onnx.TensorProto.create({ name: names.fresh(`${base}_zero_points`), dims: [zeroPoints.length], dataType: UINT8, rawData: zeroPoints })));
  }
  const nodes: OnnxTypes.INodeProto[] = [];
  let a = node.input![0];
  if (gemm && attributeInt(node, 'transA', 0) === 1) {
    const transposed = names.fresh(`${a}_transposed`);
    nodes.push(makeNode('Transpose', [a], [transposed], names.fresh(`${node.name || 'Gemm'}_transA`), [{ name: 'perm', type: onnx.AttributeProto.AttributeType.INTS, ints: [1, 0] }]));
    a = transposed;
  }
  const output = node.output![0];
  const c = gemm ? node.input![2] : undefined;
  const product = c ? names.fresh(`${output}_product`) : output;
  const matMul = makeNode('MatMulNBits', [a, ...inputs], [product], names.fresh(`${node.name || output}_MatMulNBits`), [
    intAttribute('K', K),
    intAttribute('N', N),
    intAttribute('bits', 4),
    intAttribute('block_size', options.blockSize),
  ]);
  matMul.domain = 'com.microsoft';
  nodes.push(matMul);
  if (c) {
    const beta = attributeFloat(node, 'beta', 1);
    let bias = c;
    if (beta !== 1) {
      // Gemm's C times beta, in a Mul placed right before the Add (C may be computed).
      bias = names.fresh(`${c}_scaled`);
      nodes.push(makeNode('Mul', [c, context.addFloat(`${c}_beta`, [], Float32Array.of(beta))], [bias], names.fresh(`${node.name || c}_beta`)));
    }
    nodes.push(makeNode('Add', [product, bias], [output], names.fresh(`${node.name || output}_bias`)));
  }
  return nodes;
}

/**
 * int4 + DequantizeLinear(axis, block_size) whose output keeps the weight's name, blocked along Conv's input
 * channels (axis 1) or a MatMul weight's K axis (rank − 2). Returns the node to place first in the graph.
 */
function blockedInt4Dequantize(context: QuantizeContext, candidate: WeightCandidate, options: Int4Options): OnnxTypes.INodeProto {
  const axis = candidate.consumers.every((node) => node.opType === 'Conv') ? 1 : candidate.dims.length - 2;
  const layout = columnLayout(candidate.dims, axis);
  const blocks = quantizeInt4Blocks(layout.columns, layout.length, (column, k) => candidate.values[layout.index(column, k)], options.blockSize, options.symmetric);
  const count = candidate.values.length;
  const codes = new Uint8Array(count);
  const stored = new Float32Array(count);
  for (let column = 0; column < layout.columns; column++) {
    for (let k = 0; k < layout.length; k++) {
      const at = layout.index(column, k);
      // Symmetric codes are int4 (code − 8); asymmetric ones uint4 with their zero points.
      codes[at] = options.symmetric ? blocks.codes[column * layout.length + k] - 8 : blocks.codes[column * layout.length + k];
      stored[at] = blocks.dequantized[column * layout.length + k];
    }
  }
  // Scales (and zero points) have the weight's dims with the blocked axis shortened to its block count.
  const scaleDims = candidate.dims.map((d, i) => (i === axis ? blocks.blocksPerColumn : d));
  const scaleLayout = columnLayout(scaleDims, axis);
  const scales = new Float32Array(blocks.scales.length);
  const zeroPoints = new Uint8Array(blocks.scales.length);
  for (let column = 0; column < layout.columns; column++) {
    for (let b = 0; b < blocks.blocksPerColumn; b++) {
      scales[scaleLayout.index(column, b)] = blocks.scales[column * blocks.blocksPerColumn + b];
      zeroPoints[scaleLayout.index(column, b)] = blocks.zeroPoints[column * blocks.blocksPerColumn + b];
    }
  }
  reportStoredWeight(context.report, candidate, stored, `int4 DequantizeLinear (block ${options.blockSize} along axis ${axis}, ${options.symmetric ? 'symmetric' : 'asymmetric'})`, null);
  const { names } = context;
  const quantized = context.addInitializer(
    onnx.TensorProto.create({ name: names.fresh(`${candidate.name}_int4`), dims: candidate.dims, dataType: options.symmetric ? INT4 : UINT4, rawData: packNibbles(codes) }),
  );
  const inputs = [quantized, context.addInitializer(floatTensor(names.fresh(`${candidate.name}_scale`), scaleDims, scales))];
  if (!options.symmetric) {
    inputs.push(context.addInitializer(onnx.TensorProto.create({ name: names.fresh(`${candidate.name}_zero_point`), dims: scaleDims, dataType: UINT4, rawData: packNibbles(zeroPoints) })));
  }
  context.removeInitializer(candidate.name);
  return makeNode('DequantizeLinear', inputs, [candidate.name], names.fresh(`${candidate.name}_DequantizeLinear`), [
    intAttribute('axis', axis),
    intAttribute('block_size', options.blockSize),
  ]);
}
