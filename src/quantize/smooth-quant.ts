/**
 * SmoothQuant (Xiao et al. 2022, "SmoothQuant: Accurate and Efficient Post-Training Quantization for Large
 * Language Models", arXiv:2211.10438): a few input channels of a MatMul carry most of an activation's range
 * (outliers), so one uint8 scale per tensor leaves the other channels a handful of steps. Y = X·W = (X/s)·(s·W)
 * for any per-channel factors s > 0; with s_j = max|X_j|^α / max|W_j|^(1−α) (j an input channel, i.e. a row of W)
 * the activation's channels even out and part of the difficulty moves into the weights, which int8 takes per
 * output channel. X/s costs nothing at run time when it is folded into the operator that produces X.
 *
 * Fold targets (X must be read only by MatMul/Gemm nodes that take it as their A input with a stored 2-D weight,
 * and X's channels are its last axis):
 * - LayerNormalization with stored scale (and bias) over the last axis: scale/s, bias/s;
 * - Mul by a stored per-channel vector or scalar: the constant/s;
 * - Add of a stored per-channel vector or scalar to a tensor that can itself be folded (Mul→Add as exporters
 *   write LayerNorm's γ and β; MatMul→Add as they write a bias): the constant/s, and the other input recursively;
 * - MatMul with a stored 2-D weight [M, K]: its columns / s; Gemm with stored B: its output columns and bias / s;
 * - through Relu, LeakyRelu and Identity (f(x/s) = f(x)/s for s > 0) to any of the above.
 * Every tensor on the way must be read by the next node only and not be a graph output. Anything else (a graph
 * input, Flatten, Softmax, Conv's channel axis 1…) is skipped with the reason in the report.
 */
import { decodeModel, encodeModel, type onnx } from './proto';
import { QuantizeError } from './errors';
import { attributeInt, graphOutputNames, initializerMap, NameAllocator, pruneUnusedInitializers } from './graph';
import { instrumentModel } from './calibration';
import { excludedNodes, nodeId } from './exclusion';
import { floatTensor, isFloatTensor, readFloatTensor, tensorDims } from './tensor';
import { foldWeightTransposes } from './weights';
import type { QuantizeOptions, QuantizeReport, SmoothedActivation } from './types';

export const DEFAULT_SMOOTH_QUANT_ALPHA = 0.5;
/** Factors are kept at least this large (as the paper's code clamps them), so no channel is blown up. */
const MIN_FACTOR = 1e-5;

type SmoothQuantReport = NonNullable<QuantizeReport['smoothQuant']>;

/** A stored tensor to divide (per channel along its `axis`, or a scalar broadcast to [K]). */
interface Division {
  node: onnx.INodeProto;
  input: number;
  axis: 'last' | 'first' | 'scalar';
}

interface SmoothingTarget {
  tensor: string;
  channels: number;
  /** Readers of X and how each one's weight rows are laid out (Gemm transB=1 keeps input channels on axis 1). */
  consumers: { node: onnx.INodeProto; channelAxis: 0 | 1 }[];
  divisions: Division[];
  foldedInto: string;
}

/**
 * s_j = max|X_j|^α / max|W_j|^(1−α), floored at 1e-5; a channel where either maximum is 0 keeps s_j = 1.
 * `activationMax` and `weightMax` are per input channel (same length).
 */
export function smoothingFactors(activationMax: ArrayLike<number>, weightMax: ArrayLike<number>, alpha: number): Float32Array {
  return Float32Array.from({ length: activationMax.length }, (_, j) => {
    const x = activationMax[j];
    const w = weightMax[j];
    if (!(x > 0) || !(w > 0)) return 1;
    return Math.max(MIN_FACTOR, x ** alpha / w ** (1 - alpha));
  });
}

/** Largest |value| per index along `axis` (0 or 1) of a 2-D tensor [rows, cols]. */
function maxAbsAlong(values: Float32Array, dims: readonly number[], axis: 0 | 1): Float64Array {
  const [rows, cols] = dims;
  const result = new Float64Array(axis === 0 ? rows : cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const index = axis === 0 ? r : c;
      result[index] = Math.max(result[index], Math.abs(values[r * cols + c]));
    }
  }
  return result;
}

class Planner {
  private readonly initializers: Map<string, onnx.ITensorProto>;
  private readonly outputs: Set<string>;
  private readonly producers = new Map<string, onnx.INodeProto>();
  private readonly readers = new Map<string, onnx.INodeProto[]>();

  constructor(
    graph: onnx.IGraphProto,
    private readonly excluded: ReadonlySet<string>,
  ) {
    this.initializers = initializerMap(graph);
    this.outputs = graphOutputNames(graph);
    for (const node of graph.node ?? []) {
      for (const output of node.output ?? []) this.producers.set(output, node);
      for (const input of node.input ?? []) {
        if (!this.readers.has(input)) this.readers.set(input, []);
        if (!this.readers.get(input)!.includes(node)) this.readers.get(input)!.push(node);
      }
    }
  }

  private floatInitializer(name: string | undefined): onnx.ITensorProto | undefined {
    const tensor = name ? this.initializers.get(name) : undefined;
    return tensor && isFloatTensor(tensor) ? tensor : undefined;
  }

  /** How a stored per-channel vector (K values, K the last dim) or scalar divides, or null. */
  private vectorAxis(name: string, channels: number): Division['axis'] | null {
    const tensor = this.floatInitializer(name);
    if (!tensor) return null;
    const dims = tensorDims(tensor);
    const count = dims.reduce((a, b) => a * b, 1);
    if (count === 1) return 'scalar';
    return count === channels && dims[dims.length - 1] === channels ? 'last' : null;
  }

  /** The MatMul/Gemm readers of `tensor` whose weights can take s, or the reason they cannot. */
  consumersOf(tensor: string): { consumers: SmoothingTarget['consumers']; channels: number } | string {
    if (this.outputs.has(tensor)) return 'it is a graph output';
    const consumers: SmoothingTarget['consumers'] = [];
    let channels = -1;
    for (const node of this.readers.get(tensor) ?? []) {
      const what = `${node.opType} "${nodeId(node)}"`;
      if (this.excluded.has(nodeId(node))) return `${what} reads it and is excluded`;
      if ((node.opType !== 'MatMul' && node.opType !== 'Gemm') || node.input?.[0] !== tensor || node.input?.[1] === tensor) {
        return `${what} reads it, and only MatMul/Gemm inputs A can be smoothed`;
      }
      if (node.opType === 'Gemm' && attributeInt(node, 'transA', 0) !== 0) return `${what} transposes it (transA)`;
      const weight = this.floatInitializer(node.input[1]);
      const dims = weight ? tensorDims(weight) : [];
      if (!weight || dims.length !== 2) return `${what} has no stored 2-D float weight`;
      const channelAxis = node.opType === 'Gemm' && attributeInt(node, 'transB', 0) === 1 ? 1 : 0;
      if (channels >= 0 && dims[channelAxis] !== channels) return 'its readers disagree on its channel count';
      channels = dims[channelAxis];
      consumers.push({ node, channelAxis });
    }
    return consumers.length ? { consumers, channels } : 'nothing reads it';
  }

  /** Stored tensors to divide by s so that `tensor` comes out divided by s, or the reason there are none. */
  foldInto(tensor: string, channels: number, path: string[] = []): { divisions: Division[]; foldedInto: string } | string {
    const producer = this.producers.get(tensor);
    if (!producer) return this.initializers.has(tensor) ? 'it is a stored tensor' : 'it is a graph input, with no operator before it to fold the factors into';
    const what = `${producer.opType} "${nodeId(producer)}"`;
    const via = path.length ? ` (via ${path.join(', ')})` : '';
    const found = (divisions: Division[]) => ({ divisions, foldedInto: `${what}${via}` });
    const data = (node: onnx.INodeProto, index: number): string | null => {
      const input = node.input![index];
      if (this.outputs.has(input)) return `${input} is a graph output`;
      if ((this.readers.get(input) ?? []).length !== 1) return `"${input}" is read by more than one node`;
      return null;
    };
    switch (producer.opType) {
      case 'LayerNormalization': {
        const axis = attributeInt(producer, 'axis', -1);
        const scale = this.vectorAxis(producer.input![1], channels);
        const bias = producer.input![2] ? this.vectorAxis(producer.input![2], channels) : 'last';
        if (scale !== 'last' || bias !== 'last' || axis !== -1) {
          return `${what} normalizes over more than the last axis or has no stored per-channel scale and bias`;
        }
        return found([{ node: producer, input: 1, axis: 'last' }, ...(producer.input![2] ? [{ node: producer, input: 2, axis: 'last' } as const] : [])]);
      }
      case 'Mul':
      case 'Add': {
        const constant = [0, 1].find((i) => this.vectorAxis(producer.input![i], channels) !== null);
        if (constant === undefined) return `${what} has no stored per-channel or scalar operand`;
        const division: Division = { node: producer, input: constant, axis: this.vectorAxis(producer.input![constant], channels)! };
        if (producer.opType === 'Mul') return found([division]);
        // x + c: both terms must shrink by s, so x's producer must absorb s too.
        const blocked = data(producer, 1 - constant);
        if (blocked) return `${what}: ${blocked}`;
        const inner = this.foldInto(producer.input![1 - constant], channels, [...path, what]);
        return typeof inner === 'string' ? inner : { divisions: [division, ...inner.divisions], foldedInto: inner.foldedInto };
      }
      case 'MatMul': {
        const weight = this.floatInitializer(producer.input![1]);
        if (!weight || tensorDims(weight).length !== 2 || tensorDims(weight)[1] !== channels) return `${what} has no stored 2-D weight with ${channels} columns`;
        return found([{ node: producer, input: 1, axis: 'last' }]);
      }
      case 'Gemm': {
        const weight = this.floatInitializer(producer.input![1]);
        const transB = attributeInt(producer, 'transB', 0) === 1;
        const dims = weight ? tensorDims(weight) : [];
        if (!weight || dims[transB ? 0 : 1] !== channels) return `${what} has no stored weight with ${channels} outputs`;
        const bias = producer.input![2] ? this.vectorAxis(producer.input![2], channels) : null;
        if (producer.input![2] && !bias) return `${what} has a bias that is not stored per channel`;
        const weightDivision: Division = { node: producer, input: 1, axis: transB ? 'first' : 'last' };
        return found([weightDivision, ...(bias ? [{ node: producer, input: 2, axis: bias }] : [])]);
      }
      case 'Relu':
      case 'LeakyRelu':
      case 'Identity': {
        const blocked = data(producer, 0);
        if (blocked) return `${what}: ${blocked}`;
        return this.foldInto(producer.input![0], channels, [...path, what]);
      }
      default:
        return `${what} produces it, and per-channel factors cannot be folded into ${producer.opType}`;
    }
  }
}

/** Every MatMul/Gemm A input and whether (and where) it can be smoothed. */
function planSmoothing(graph: onnx.IGraphProto, excluded: ReadonlySet<string>): { targets: SmoothingTarget[]; skipped: SmoothQuantReport['skipped'] } {
  const planner = new Planner(graph, excluded);
  const targets: SmoothingTarget[] = [];
  const skipped: SmoothQuantReport['skipped'] = [];
  const seen = new Set<string>();
  for (const node of graph.node ?? []) {
    if ((node.opType !== 'MatMul' && node.opType !== 'Gemm') || excluded.has(nodeId(node))) continue;
    const tensor = node.input?.[0] ?? '';
    if (seen.has(tensor)) continue;
    seen.add(tensor);
    const readers = planner.consumersOf(tensor);
    if (typeof readers === 'string') {
      skipped.push({ tensor, reason: readers });
      continue;
    }
    const fold = planner.foldInto(tensor, readers.channels);
    if (typeof fold === 'string') skipped.push({ tensor, reason: fold });
    else targets.push({ tensor, ...readers, ...fold });
  }
  return { targets, skipped };
}

/**
 * The float model with SmoothQuant applied (the same function up to float32 rounding), and what was smoothed.
 * Runs `options.calibration.run` once on the original model to measure each smoothed input's per-channel maximum.
 * Throws QuantizeError: 'invalid-options' (not static mode, precomputed ranges, α outside [0, 1]),
 * 'smoothquant-not-applicable' (no MatMul/Gemm input could be smoothed: the message gives each one's reason),
 * 'too-few-calibration-samples', 'calibration-mismatch'.
 */
export async function smoothModel(
  bytes: Uint8Array,
  options: QuantizeOptions,
  onSample: (count: number) => void = () => {},
): Promise<{ bytes: Uint8Array; report: SmoothQuantReport }> {
  const alpha = options.smoothQuant?.alpha ?? DEFAULT_SMOOTH_QUANT_ALPHA;
  if (options.mode !== 'static') throw new QuantizeError('invalid-options', `SmoothQuant prepares activations for static int8; it does not apply to ${options.mode} quantization.`);
  if (!(alpha >= 0 && alpha <= 1)) throw new QuantizeError('invalid-options', `SmoothQuant's α must be between 0 and 1; got ${alpha}.`);
  const calibration = options.calibration;
  if (!calibration || !('run' in calibration)) {
    throw new QuantizeError('invalid-options', 'SmoothQuant measures per-channel activation maxima, so it needs calibration samples to run (precomputed ranges are not enough).');
  }
  const model = decodeModel(bytes);
  const graph = model.graph!;
  foldWeightTransposes(graph);
  const { targets, skipped } = planSmoothing(graph, excludedNodes(graph, options.nodes?.exclude));
  if (targets.length === 0) {
    const reasons = skipped.map((s) => `"${s.tensor}": ${s.reason}`).join('; ');
    throw new QuantizeError(
      'smoothquant-not-applicable',
      reasons ? `SmoothQuant found no MatMul/Gemm input it can smooth: ${reasons}.` : 'SmoothQuant smooths the inputs of MatMul/Gemm operators, and this model has none.',
    );
  }

  const names = targets.map((target) => target.tensor);
  const activationMax = targets.map((target) => new Float64Array(target.channels));
  let samples = 0;
  for await (const values of await calibration.run(instrumentModel(bytes, names), names)) {
    targets.forEach((target, t) => {
      const data = values[target.tensor];
      if (!data || data.length % target.channels !== 0) {
        throw new QuantizeError('calibration-mismatch', `Calibration returned ${data?.length ?? 'no'} values for "${target.tensor}", which has ${target.channels} channels.`);
      }
      const max = activationMax[t];
      for (let i = 0; i < data.length; i++) {
        const j = i % target.channels;
        const magnitude = Math.abs(data[i]);
        if (magnitude > max[j]) max[j] = magnitude;
      }
    });
    onSample(++samples);
  }
  if (samples === 0) throw new QuantizeError('too-few-calibration-samples', 'SmoothQuant got no calibration samples: provide a few representative inputs.');

  const initializers = initializerMap(graph);
  const allocator = new NameAllocator(graph);
  /** Replaces input `index` of `node` by a fresh initializer holding `values` (never edits a shared tensor). */
  const replace = (node: onnx.INodeProto, index: number, dims: readonly number[], values: Float32Array): void => {
    const name = allocator.fresh(`${node.input![index]}_smoothed`);
    const tensor = floatTensor(name, dims, values);
    graph.initializer!.push(tensor);
    // A Gemm/MatMul can be both a reader of one smoothed input and the fold target of the next: its second
    // change must start from the first.
    initializers.set(name, tensor);
    node.input![index] = name;
  };
  const smoothed: SmoothedActivation[] = targets.map((target, t) => {
    const weightMax = new Float64Array(target.channels);
    for (const { node, channelAxis } of target.consumers) {
      const weight = initializers.get(node.input![1])!;
      const rowMax = maxAbsAlong(readFloatTensor(weight), tensorDims(weight), channelAxis);
      rowMax.forEach((m, j) => (weightMax[j] = Math.max(weightMax[j], m)));
    }
    const s = smoothingFactors(activationMax[t], weightMax, alpha);
    for (const { node, channelAxis } of target.consumers) {
      const weight = initializers.get(node.input![1])!;
      const dims = tensorDims(weight);
      const values = readFloatTensor(weight);
      for (let i = 0; i < values.length; i++) values[i] *= s[channelAxis === 0 ? Math.floor(i / dims[1]) : i % dims[1]];
      replace(node, 1, dims, values);
    }
    for (const { node, input, axis } of target.divisions) {
      const tensor = initializers.get(node.input![input])!;
      const original = readFloatTensor(tensor);
      const dims = tensorDims(tensor);
      if (axis === 'scalar') {
        replace(node, input, [target.channels], Float32Array.from(s, (f) => original[0] / f));
      } else {
        const inner = axis === 'first' ? original.length / target.channels : 1;
        replace(node, input, dims, original.map((v, i) => v / s[axis === 'first' ? Math.floor(i / inner) : i % target.channels]));
      }
    }
    let min = Infinity;
    let max = -Infinity;
    for (const f of s) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    return { tensor: target.tensor, consumers: target.consumers.map(({ node }) => nodeId(node)), foldedInto: target.foldedInto, factors: { min, max } };
  });
  pruneUnusedInitializers(graph);
  return { bytes: encodeModel(model), report: { alpha, smoothed, skipped } };
}
