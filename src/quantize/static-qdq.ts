import { onnx } from './proto';
import type { QuantizeContext } from './context';
import { makeNode } from './graph';
import { asymmetricUint8Params } from './math';
import { floatTensor, uint8Tensor } from './tensor';
import type { ActivationRanges } from './types';
import { integerKernelsTakePerChannel, perTensorNote, type WeightCandidate } from './weights';
import { nodeId } from './exclusion';

/**
 * Static mode (QDQ format): weights as int8 + DequantizeLinear, and every calibrated activation passes
 * through QuantizeLinear → DequantizeLinear (uint8, asymmetric) right after it is produced. Runtimes that
 * understand QDQ (onnxruntime) fuse these into integer kernels; others still compute the same numbers.
 * `excluded` nodes (ids as `nodeId`) keep reading the float tensors; `observed` (clipping calibration methods)
 * are the extremes seen, reported beside the calibrated range.
 */
export function quantizeStatic(
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  perChannel: boolean,
  ranges: ActivationRanges,
  onStepDone: () => void,
  excluded: ReadonlySet<string> = new Set(),
  observed?: ActivationRanges,
): void {
  const { graph, names } = context;
  const weightNodes = candidates.map((candidate) => {
    const channels = perChannel && integerKernelsTakePerChannel(candidate);
    if (perChannel && !channels) context.report.notes.push(perTensorNote(candidate));
    const node = context.dequantizedWeight(candidate, channels);
    onStepDone();
    return node;
  });
  const renamed = new Map<string, string>();
  const qdqAfter = (tensor: string): onnx.NodeProto[] => {
    const range = ranges[tensor];
    if (!range || renamed.has(tensor)) return [];
    const params = asymmetricUint8Params(range.min, range.max);
    const scale = context.addInitializer(floatTensor(names.fresh(`${tensor}_scale`), [], Float32Array.of(params.scale)));
    const zeroPoint = context.addInitializer(uint8Tensor(names.fresh(`${tensor}_zero_point`), [], Uint8Array.of(params.zeroPoint)));
    const quantized = names.fresh(`${tensor}_quantized`);
    const dequantized = names.fresh(`${tensor}_dequantized`);
    renamed.set(tensor, dequantized);
    const seen = observed?.[tensor];
    context.report.activations.push({ name: tensor, calibrated: { min: range.min, max: range.max, ...params }, ...(seen ? { observed: seen } : {}) });
    return [
      makeNode('QuantizeLinear', [tensor, scale, zeroPoint], [quantized], names.fresh(`${tensor}_QuantizeLinear`)),
      makeNode('DequantizeLinear', [quantized, scale, zeroPoint], [dequantized], names.fresh(`${tensor}_DequantizeLinear`)),
    ];
  };

  const output: onnx.INodeProto[] = [...weightNodes];
  for (const input of graph.input ?? []) output.push(...qdqAfter(input.name ?? ''));
  for (const node of graph.node!) {
    // Readers see the dequantized copy; graph outputs keep the original tensor, so callers get float results.
    if (!excluded.has(nodeId(node))) node.input = node.input!.map((name) => renamed.get(name) ?? name);
    output.push(node);
    for (const name of node.output ?? []) output.push(...qdqAfter(name));
    onStepDone();
  }
  graph.node = output;
}
