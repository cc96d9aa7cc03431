import { onnx } from './proto';
import { NameAllocator, intAttribute, makeNode } from './graph';
import { dequantize, quantizeSymmetricPerChannel, channelLayout, channelOf, type SymmetricQuantized } from './math';
import { floatTensor, int8Tensor, paramDims } from './tensor';
import type { QuantizeReport } from './types';
import type { WeightCandidate } from './weights';

/** The graph being rewritten, with the bookkeeping every mode shares. */
export class QuantizeContext {
  readonly graph: onnx.IGraphProto;
  readonly names: NameAllocator;

  constructor(
    model: onnx.IModelProto,
    readonly report: QuantizeReport,
  ) {
    this.graph = model.graph!;
    this.names = new NameAllocator(this.graph);
  }

  addInitializer(tensor: onnx.ITensorProto): string {
    this.graph.initializer!.push(tensor);
    return tensor.name!;
  }

  addFloat(base: string, dims: readonly number[], values: Float32Array): string {
    return this.addInitializer(floatTensor(this.names.fresh(base), dims, values));
  }

  removeInitializer(name: string): void {
    this.graph.initializer = this.graph.initializer!.filter((tensor) => tensor.name !== name);
  }

  /** Stores `values` (laid out as `dims`) as int8 with symmetric scales along `axis`, and reports it. */
  addSymmetricInt8(
    baseName: string,
    values: Float32Array,
    dims: readonly number[],
    axis: number | null,
    candidate: WeightCandidate,
  ): { quantized: string; result: SymmetricQuantized } {
    const result = quantizeSymmetricPerChannel(values, dims, axis);
    const quantized = this.addInitializer(int8Tensor(this.names.fresh(`${baseName}_quantized`), dims, result.values));
    this.recordWeight(candidate, axis, maxSymmetricError(values, dims, axis, result));
    return { quantized, result };
  }

  private recordWeight(candidate: WeightCandidate, axis: number | null, maxError: number): void {
    this.report.weights.push({
      name: candidate.name,
      ops: [...new Set(candidate.consumers.map((node) => node.opType ?? ''))],
      dims: candidate.dims,
      axis,
      maxError,
    });
  }

  /**
   * Replaces a float weight by int8 + DequantizeLinear whose output keeps the weight's name, so every
   * consumer reads the dequantized weight unchanged. Returns the DequantizeLinear node to place in the graph.
   */
  dequantizedWeight(candidate: WeightCandidate, perChannel: boolean): onnx.NodeProto {
    const axis = perChannel ? candidate.axis : null;
    const { quantized, result } = this.addSymmetricInt8(candidate.name, candidate.values, candidate.dims, axis, candidate);
    const dims = paramDims(result.scales.length, axis !== null);
    const scale = this.addFloat(`${candidate.name}_scale`, dims, result.scales);
    const zeroPoint = this.addInitializer(int8Tensor(this.names.fresh(`${candidate.name}_zero_point`), dims, new Int8Array(result.scales.length)));
    this.removeInitializer(candidate.name);
    const attributes = axis === null ? [] : [intAttribute('axis', axis)];
    return makeNode('DequantizeLinear', [quantized, scale, zeroPoint], [candidate.name], this.names.fresh(`${candidate.name}_DequantizeLinear`), attributes);
  }
}

function maxSymmetricError(values: Float32Array, dims: readonly number[], axis: number | null, result: SymmetricQuantized): number {
  const layout = axis === null ? { channels: 1, inner: values.length } : channelLayout(dims, axis);
  let worst = 0;
  for (let i = 0; i < values.length; i++) {
    const restored = dequantize(result.values[i], { scale: result.scales[channelOf(i, layout)], zeroPoint: 0 });
    worst = Math.max(worst, Math.abs(restored - values[i]));
  }
  return worst;
}
