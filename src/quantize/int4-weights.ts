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
 * - Large learned tensors no Conv/MatMul reads (position embeddings; weight-formats.ts `largeFloatParameters`): the
 *   same blocked DequantizeLinear along their last axis.
 * - Block scales are float16 behind a Cast to float32 where that is legal and pays (int4-scales.ts).
 */
import { onnx, type onnx as OnnxTypes } from './proto';
import { attributeFloat, attributeInt, intAttribute, makeNode, defaultOpset } from './graph';
import { raiseToOpset21 } from './opset21';
import { columnLayout } from './blocked-layout';
import { packNibbles, type Int4BlockSize } from './int4-blocks';
import { addBlockScales, quantizeInt4BlocksCompact } from './int4-scales';
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
      if (blockedDequantize) front.push(...blockedInt4Dequantize(context, candidate, options));
      else front.push(context.dequantizedWeight(candidate, defaultOpset(model) >= 13));
      if (!blockedDequantize) report.weights[report.weights.length - 1].format = `int8 DequantizeLinear (per ${candidate.axis === null ? 'tensor' : 'channel'})`;
    }
    onWeightDone();
  }
  // A weight read by two MatMulNBits layouts has two report entries.
  const halfScales = new Set(report.weights.filter((weight) => weight.format?.includes(FLOAT16_SCALES)).map((weight) => weight.name)).size;
  if (halfScales > 0) {
    const others = candidates.length - halfScales;
    report.notes.push(`The block scales of ${halfScales} of ${candidates.length} weights are stored as float16 and cast to float32 when the model loads (each rounded to float16 by at most 2^-11 of itself before the codes were chosen)${others > 0 ? `; ${others} keep float32 scales: too few for the Cast to pay, or outside float16's normal range` : ''}.`);
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
  const { blocks, float16Scales } = quantizeInt4BlocksCompact(candidate.name, N, K, (n, k) => alpha * candidate.values[layout.index(n, k)], options.blockSize, options.symmetric);
  const stored = new Float32Array(candidate.values.length);
  for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) stored[layout.index(n, k)] = blocks.dequantized[n * K + k] / alpha;
  reportStoredWeight(context.report, candidate, stored, `int4 MatMulNBits (block ${options.blockSize}, ${options.symmetric ? 'symmetric' : 'asymmetric'}${scaleNote(float16Scales)})`, transB ? 0 : 1);

  const perColumn = blocks.blocksPerColumn * options.blockSize;
  const padded = new Uint8Array(N * perColumn);
  for (let n = 0; n < N; n++) {
    // Padding past K holds the block's zero point, i.e. the value 0.
    for (let k = 0; k < perColumn; k++) padded[n * perColumn + k] = k < K ? blocks.codes[n * K + k] : blocks.zeroPoints[n * blocks.blocksPerColumn + Math.floor(k / options.blockSize)];
  }
  const base = candidate.name;
  const nodes: OnnxTypes.INodeProto[] = [];
  const b = context.addInitializer(onnx.TensorProto.create({ name: names.fresh(`${base}_int4`), dims: [N, blocks.blocksPerColumn, options.blockSize / 2], dataType: UINT8, rawData: packNibbles(padded) }));
  const scales = addBlockScales(context, base, [N * blocks.blocksPerColumn], blocks.scales, float16Scales, nodes);
  const inputs = [b, scales];
  if (!options.symmetric) {
    const zeroPoints = new Uint8Array(N * Math.ceil(blocks.blocksPerColumn / 2));
    const rowBytes = Math.ceil(blocks.blocksPerColumn / 2);
    for (let n = 0; n < N; n++) zeroPoints.set(packNibbles(blocks.zeroPoints.subarray(n * blocks.blocksPerColumn, (n + 1) * blocks.blocksPerColumn)), n * rowBytes);
    inputs.push(context.addInitializer(onnx.TensorProto.create({ name: names.fresh(`${base}_zero_points`), dims: [zeroPoints.length], dataType: UINT8, rawData: zeroPoints })));
  }
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

const FLOAT16_SCALES = ', float16 scales';

/** FLOAT16_SCALES for a weight whose block scales are stored as float16 (int4-scales.ts), else "". */
function scaleNote(float16Scales: boolean): string {
  return float16Scales ? FLOAT16_SCALES : '';
}

/**
 * The axis blocks run along: Conv's input channels (1), a MatMul weight's K axis (rank − 2), and for a learned
 * tensor no Conv or MatMul reads (a position embedding feeding Add) its last, contiguous axis.
 */
function blockAxis(candidate: WeightCandidate): number {
  const rank = candidate.dims.length;
  if (candidate.consumers.every((node) => node.opType === 'Conv')) return 1;
  return candidate.consumers.some((node) => node.opType === 'MatMul' || node.opType === 'Gemm') ? rank - 2 : rank - 1;
}

/**
 * int4 + DequantizeLinear(axis, block_size) whose output keeps the weight's name, blocked along `blockAxis`.
 * Returns the nodes to place first in the graph (a Cast of float16 scales, then the DequantizeLinear).
 */
function blockedInt4Dequantize(context: QuantizeContext, candidate: WeightCandidate, options: Int4Options): OnnxTypes.INodeProto[] {
  const axis = blockAxis(candidate);
  const layout = columnLayout(candidate.dims, axis);
  const { blocks, float16Scales } = quantizeInt4BlocksCompact(candidate.name, layout.columns, layout.length, (column, k) => candidate.values[layout.index(column, k)], options.blockSize, options.symmetric);
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
  reportStoredWeight(context.report, candidate, stored, `int4 DequantizeLinear (block ${options.blockSize} along axis ${axis}, ${options.symmetric ? 'symmetric' : 'asymmetric'}${scaleNote(float16Scales)})`, null);
  const { names } = context;
  const quantized = context.addInitializer(
    onnx.TensorProto.create({ name: names.fresh(`${candidate.name}_int4`), dims: candidate.dims, dataType: options.symmetric ? INT4 : UINT4, rawData: packNibbles(codes) }),
  );
  const nodes: OnnxTypes.INodeProto[] = [];
  const inputs = [quantized, addBlockScales(context, candidate.name, scaleDims, scales, float16Scales, nodes)];
  if (!options.symmetric) {
    inputs.push(context.addInitializer(onnx.TensorProto.create({ name: names.fresh(`${candidate.name}_zero_point`), dims: scaleDims, dataType: UINT4, rawData: packNibbles(zeroPoints) })));
  }
  context.removeInitializer(candidate.name);
  nodes.push(makeNode('DequantizeLinear', inputs, [candidate.name], names.fresh(`${candidate.name}_DequantizeLinear`), [
    intAttribute('axis', axis),
    intAttribute('block_size', options.blockSize),
  ]));
  return nodes;
}
