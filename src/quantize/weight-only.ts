import type { QuantizeContext } from './context';
import type { WeightCandidate } from './weights';

/** Weight-only mode: each weight becomes int8 + DequantizeLinear; the original operators run in float. */
export function quantizeWeightsOnly(
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  perChannel: boolean,
  onWeightDone: () => void,
): void {
  const dequantizeNodes = candidates.map((candidate) => {
    const node = context.dequantizedWeight(candidate, perChannel);
    onWeightDone();
    return node;
  });
  // DequantizeLinear reads only initializers, so placing it first keeps the node list topologically sorted.
  context.graph.node = [...dequantizeNodes, ...context.graph.node!];
}
