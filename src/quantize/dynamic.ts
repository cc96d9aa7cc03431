import { onnx } from './proto';
import type { QuantizeContext } from './context';
import { attributeFloat, attributeInt, initializerMap, intAttribute, makeNode } from './graph';
import { readFloatTensor, tensorDims, paramDims, transposeValues, DataType } from './tensor';
import { integerKernelsTakePerChannel, perTensorNote, type WeightCandidate } from './weights';

interface QuantizedTensor {
  values: string;
  scale: string;
}

interface QuantizedInput extends QuantizedTensor {
  zeroPoint: string;
}

/** Whether a node can become an integer operator (its bias must be a stored tensor where we reshape or scale it). */
function canRewrite(node: onnx.INodeProto, initializers: Map<string, onnx.ITensorProto>): boolean {
  const bias = node.input?.[2];
  if (node.opType === 'Conv') return !bias || initializers.has(bias);
  if (node.opType === 'Gemm') {
    return attributeInt(node, 'transA', 0) === 0 && (!bias || attributeFloat(node, 'beta', 1) === 1 || initializers.has(bias));
  }
  return true;
}

/**
 * Dynamic mode, like onnxruntime's quantize_dynamic: activations become uint8 at run time
 * (DynamicQuantizeLinear), MatMul/Gemm run as MatMulInteger and Conv as ConvInteger on int8 weights
 * (zero point 0, so it is omitted), and the int32 result is cast to float and scaled by
 * activation scale × weight scale.
 */
export function quantizeDynamic(
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  perChannel: boolean,
  onNodeDone: () => void,
): void {
  const { graph, names } = context;
  const initializers = initializerMap(graph);
  const weightOf = new Map<onnx.INodeProto, WeightCandidate>();
  for (const candidate of candidates) {
    if (candidate.consumers.every((node) => canRewrite(node, initializers))) {
      // The float original goes when nothing reads it any more (pruned at the end).
      for (const node of candidate.consumers) weightOf.set(node, candidate);
    } else {
      context.report.notes.push(`"${candidate.name}" stays float: one of its operators has a bias computed at run time.`);
    }
  }
  const quantizedInputs = new Map<string, QuantizedInput>();
  const quantizedWeights = new Map<string, QuantizedTensor>();
  const output: onnx.INodeProto[] = [];

  const quantizeInput = (name: string): QuantizedInput => {
    let quantized = quantizedInputs.get(name);
    if (!quantized) {
      quantized = {
        values: names.fresh(`${name}_quantized`),
        scale: names.fresh(`${name}_scale`),
        zeroPoint: names.fresh(`${name}_zero_point`),
      };
      output.push(makeNode('DynamicQuantizeLinear', [name], [quantized.values, quantized.scale, quantized.zeroPoint], names.fresh(`${name}_DynamicQuantizeLinear`)));
      quantizedInputs.set(name, quantized);
      context.report.activations.push({ name, calibrated: null });
    }
    return quantized;
  };

  /**
   * int8 weight and its scale, laid out as `dims` (`layout` says whether that is the stored layout or its
   * transpose), with scales shaped `scaleDims` for broadcasting. One int8 copy per weight and layout: the layout,
   * not the dims, tells copies apart, since a square matrix and its transpose have the same dims.
   */
  const quantizeWeight = (
    candidate: WeightCandidate,
    layout: 'stored' | 'transposed',
    values: Float32Array,
    dims: number[],
    axis: number,
    scaleDims: (channels: number) => number[],
  ): QuantizedTensor => {
    const key = `${candidate.name}|${layout}`;
    let quantized = quantizedWeights.get(key);
    if (!quantized) {
      const channelAxis = perChannel && candidate.axis !== null && integerKernelsTakePerChannel(candidate) ? axis : null;
      if (perChannel && !integerKernelsTakePerChannel(candidate)) context.report.notes.push(perTensorNote(candidate));
      const { quantized: valuesName, result } = context.addSymmetricInt8(candidate.name, values, dims, channelAxis, candidate);
      const shape = channelAxis === null ? paramDims(1, false) : scaleDims(result.scales.length);
      quantized = { values: valuesName, scale: context.addFloat(`${candidate.name}_scale`, shape, result.scales) };
      quantizedWeights.set(key, quantized);
    }
    return quantized;
  };

  /** Cast(int32 → float) then × (activation scale × weight scale); the last step writes `result`. */
  const rescale = (integerOutput: string, input: QuantizedInput, weightScale: string, result: string, base: string): void => {
    const asFloat = names.fresh(`${base}_output_float`);
    const combinedScale = names.fresh(`${base}_combined_scale`);
    output.push(makeNode('Cast', [integerOutput], [asFloat], names.fresh(`${base}_Cast`), [intAttribute('to', DataType.FLOAT)]));
    output.push(makeNode('Mul', [input.scale, weightScale], [combinedScale], names.fresh(`${base}_scale_Mul`)));
    output.push(makeNode('Mul', [asFloat, combinedScale], [result], names.fresh(`${base}_output_Mul`)));
  };

  const matMul = (node: onnx.INodeProto, weight: QuantizedTensor, result: string): void => {
    const base = node.name || weight.values;
    const input = quantizeInput(node.input![0]);
    const product = names.fresh(`${base}_output_int32`);
    output.push(makeNode('MatMulInteger', [input.values, weight.values, input.zeroPoint], [product], names.fresh(`${base}_MatMulInteger`)));
    rescale(product, input, weight.scale, result, base);
  };

  const rewriteMatMul = (node: onnx.INodeProto, candidate: WeightCandidate): void => {
    const weight = quantizeWeight(candidate, 'stored', candidate.values, candidate.dims, candidate.dims.length - 1, (n) => [n]);
    matMul(node, weight, node.output![0]);
  };

  const rewriteGemm = (node: onnx.INodeProto, candidate: WeightCandidate): void => {
    const alpha = attributeFloat(node, 'alpha', 1);
    const beta = attributeFloat(node, 'beta', 1);
    const biasName = node.input![2];
    // MatMulInteger has no transpose flag: transB weights are stored already transposed to [K, N].
    const transposed = attributeInt(node, 'transB', 0) === 1;
    const { values, dims } = transposed ? transposeValues(candidate.values, candidate.dims, [1, 0]) : candidate;
    const weight = quantizeWeight(candidate, transposed ? 'transposed' : 'stored', values, dims, 1, (n) => [n]);
    const base = node.name || candidate.name;
    let current = alpha === 1 && !biasName ? node.output![0] : names.fresh(`${base}_matmul`);
    matMul(node, weight, current);
    if (alpha !== 1) {
      const alphaName = context.addFloat(`${base}_alpha`, [], Float32Array.of(alpha));
      const scaled = biasName ? names.fresh(`${base}_scaled`) : node.output![0];
      output.push(makeNode('Mul', [current, alphaName], [scaled], names.fresh(`${base}_alpha_Mul`)));
      current = scaled;
    }
    if (biasName) {
      const bias = initializers.get(biasName);
      const addend = beta === 1 ? biasName : context.addFloat(`${biasName}_times_beta`, tensorDims(bias!), readFloatTensor(bias!).map((v) => v * beta));
      output.push(makeNode('Add', [current, addend], [node.output![0]], names.fresh(`${base}_bias_Add`)));
    }
  };

  const rewriteConv = (node: onnx.INodeProto, candidate: WeightCandidate): void => {
    const biasName = node.input![2];
    const base = node.name || candidate.name;
    // Per-channel values must broadcast over [N, M, H, W] as [M, 1, 1].
    const perOutput = (channels: number) => [channels, ...candidate.dims.slice(2).map(() => 1)];
    const weight = quantizeWeight(candidate, 'stored', candidate.values, candidate.dims, 0, perOutput);
    const input = quantizeInput(node.input![0]);
    const convolved = names.fresh(`${base}_output_int32`);
    output.push(makeNode('ConvInteger', [input.values, weight.values, input.zeroPoint], [convolved], names.fresh(`${base}_ConvInteger`), node.attribute ?? []));
    if (!biasName) {
      rescale(convolved, input, weight.scale, node.output![0], base);
      return;
    }
    const scaled = names.fresh(`${base}_scaled`);
    rescale(convolved, input, weight.scale, scaled, base);
    const bias = initializers.get(biasName)!;
    const biasShaped = context.addFloat(`${biasName}_per_output`, perOutput(candidate.dims[0]), readFloatTensor(bias));
    output.push(makeNode('Add', [scaled, biasShaped], [node.output![0]], names.fresh(`${base}_bias_Add`)));
  };

  for (const node of graph.node!) {
    const candidate = weightOf.get(node);
    if (!candidate) output.push(node);
    else if (node.opType === 'Conv') rewriteConv(node, candidate);
    else if (node.opType === 'Gemm') rewriteGemm(node, candidate);
    else rewriteMatMul(node, candidate);
    onNodeDone();
  }
  graph.node = output;
}
