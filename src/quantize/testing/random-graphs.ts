/**
 * Seeded random small ONNX graphs over every operator the quantizer handles, for differential testing
 * (`differential.ts`): MatMul with 2-D, 3-D, 4-D and broadcast weights, Gemm with transA/transB/alpha/beta with and
 * without C, Conv 1-D/2-D (grouped, dilated, strided, padded, with and without bias), initializers shared by several
 * nodes in different layouts, symbolic dimensions, opsets 10–21, weights also listed as graph inputs, weights
 * reaching MatMul/Gemm through Transpose, and signed or non-negative inputs. About one graph in five has a wide input
 * (11× the features or channels: 22–132 features, 11–44 channels), so int4 blocks of 32/64/128 see full, several
 * and partial blocks; that choice comes from its own seeded stream, so the other draws stay as they were.
 */
import type { TensorMap } from '../../types/tensor';
import { seededNormal, seededRandom } from '../../util/prng';
import { elementCount } from '../tensor';
import { decodeModel, encodeModel, onnx } from '../proto';
import { OnnxModelBuilder, valueInfo, type AttributeValue } from './model-builder';
import { SeededDraws } from './seeded-draws';

export const FUZZ_OPSETS = [10, 11, 13, 17, 21] as const;

export interface RandomGraph {
  /** Seed and the features the graph exercises, e.g. "seed 12: opset 13, Gemm(transB) shares W0 with MatMul". */
  name: string;
  /** The generator's seed (named cases: the one they were built with); differential runs vary options by it. */
  seed: number;
  opset: number;
  bytes: Uint8Array;
  /** Feeds for calibration and comparison: `count` samples drawn from the graph's input distribution. */
  samples(count: number, seed?: number): TensorMap[];
}

type Dim = number | string;

/** One graph under construction: the builder plus the shapes of the tensors made so far. */
class Draft extends SeededDraws {
  readonly builder: OnnxModelBuilder;
  readonly features: string[] = [];
  private readonly weights: { name: string; dims: number[] }[] = [];
  /** Input width multiplier: 11 for about one graph in five (drawn from a separate stream). */
  readonly widen: number;

  constructor(
    readonly opset: number,
    random: () => number,
    seed: number,
  ) {
    super(random);
    this.builder = new OnnxModelBuilder(opset, seed);
    this.widen = seededRandom(seed + 0x5eed)() < 0.2 ? 11 : 1;
  }

  node(op: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    const output = this.fresh(op.toLowerCase());
    this.builder.node(op, inputs, [output], attributes);
    return output;
  }

  /** A stored weight, or (sometimes) an earlier one of the same shape so two operators share it. */
  weight(dims: number[], shareable = true): string {
    const same = this.weights.filter((w) => w.dims.join() === dims.join());
    if (shareable && same.length > 0 && this.chance(0.5)) {
      this.features.push(`shares ${same[0].name}`);
      return same[0].name;
    }
    const name = this.fresh('W');
    this.builder.randomWeight(name, dims, dims.length >= 2 ? dims[dims.length - 2] : dims[0]);
    this.weights.push({ name, dims });
    return name;
  }

  /** A stored [rows, columns] weight usable as given or transposed; reuses an earlier one in either layout. */
  matrix(rows: number, columns: number): { name: string; transposed: boolean } {
    const flipped = this.weights.find((w) => w.dims.length === 2 && w.dims[0] === columns && w.dims[1] === rows);
    if (flipped && this.chance(0.6)) {
      this.features.push(`shares ${flipped.name} transposed${rows === columns ? ' (square)' : ''}`);
      return { name: flipped.name, transposed: true };
    }
    return { name: this.weight([rows, columns]), transposed: false };
  }

  bias(length: number): string {
    const name = this.fresh('b');
    this.builder.randomBias(name, length);
    return name;
  }

  maybeRelu(tensor: string): string {
    return this.chance(0.5) ? this.node('Relu', [tensor]) : tensor;
  }
}

/** Dense layers on [..., features]: MatMul (2-D to 4-D, broadcast) and Gemm on 2-D inputs. */
function denseGraph(draft: Draft): { input: Dim[]; feed: number[]; output: string; outputDims: Dim[] } {
  const batch: Dim = draft.chance(0.5) ? 'batch' : draft.int(1, 2);
  const feedBatch = typeof batch === 'number' ? batch : draft.int(1, 2);
  const rank = draft.pick([2, 2, 2, 3, 4]);
  const lead: Dim[] = rank === 2 ? [batch] : rank === 3 ? [batch, draft.chance(0.5) ? 'tokens' : 3] : [batch, 2, 3];
  const feedLead = lead.map((d, i) => (i === 0 ? feedBatch : typeof d === 'number' ? d : 3));
  let features = draft.int(2, 12) * draft.widen;
  if (draft.widen > 1) draft.features.push(`wide input (${features} features)`);
  const input = [...lead, features];
  let current = 'x';
  let leadDims: Dim[] = lead;
  const layers = draft.int(1, 3);
  for (let layer = 0; layer < layers; layer++) {
    const out = draft.chance(0.4) ? features : draft.int(2, 12);
    const kind = leadDims.length === 1 ? draft.pick(['matmul', 'gemm', 'gemm', 'batched', 'transpose']) : draft.pick(['matmul', 'matmul', 'batched', 'transpose']);
    if (kind === 'gemm') {
      const transB = draft.chance(0.5);
      const { name, transposed } = transB ? draft.matrix(out, features) : draft.matrix(features, out);
      // A weight stored in the other layout is read through transB's opposite.
      const useTransB = transB !== transposed;
      const attributes: Record<string, AttributeValue> = {};
      if (useTransB) attributes.transB = 1;
      if (draft.chance(0.3)) attributes.alpha = { float: draft.pick([0.5, 2, -1.5]) };
      const withC = draft.opset < 11 || draft.chance(0.6);
      if (withC && draft.chance(0.3)) attributes.beta = { float: draft.pick([0.5, 2]) };
      if (draft.chance(0.2) && leadDims[0] !== 'batch') {
        // transA: feed the activation transposed.
        current = draft.node('Transpose', [current], { perm: [1, 0] });
        attributes.transA = 1;
        draft.features.push('Gemm transA');
      }
      draft.features.push(`Gemm(${Object.keys(attributes).join(',') || 'plain'}${withC ? ',C' : ''})`);
      current = draft.node('Gemm', withC ? [current, name, draft.bias(out)] : [current, name], attributes);
    } else if (kind === 'batched') {
      // A weight with its own batch dimensions: the activation's, 1 (broadcast) or one more in front.
      const activationBatch = leadDims.slice(0, -1);
      const weightBatch = activationBatch.length === 0 ? [2] : activationBatch.map((d) => (typeof d === 'number' && draft.chance(0.7) ? d : 1));
      if (draft.chance(0.25)) weightBatch.unshift(2);
      const weightDims = [...weightBatch, features, out];
      draft.features.push(`MatMul weight [${weightDims}]`);
      current = draft.node('MatMul', [current, draft.weight(weightDims)]);
      const rank = Math.max(activationBatch.length, weightBatch.length);
      const a = [...Array<Dim>(rank - activationBatch.length).fill(1), ...activationBatch];
      const w = [...Array<number>(rank - weightBatch.length).fill(1), ...weightBatch];
      leadDims = [...a.map((d, i) => (d === 1 ? w[i] : d)), leadDims[leadDims.length - 1]];
    } else if (kind === 'transpose') {
      const name = draft.weight([out, features], false);
      draft.features.push('weight through Transpose');
      current = draft.node('MatMul', [current, draft.node('Transpose', [name], { perm: [1, 0] })]);
    } else {
      const { name, transposed } = draft.matrix(features, out);
      current = draft.node('MatMul', [current, transposed ? draft.node('Transpose', [name], { perm: [1, 0] }) : name]);
      draft.features.push(transposed ? 'MatMul through Transpose of a shared weight' : 'MatMul');
    }
    if (draft.chance(0.3)) current = draft.node('Add', [current, draft.bias(out)]);
    features = out;
    if (layer + 1 < layers) current = draft.maybeRelu(current);
  }
  return { input, feed: [...feedLead, input[input.length - 1] as number], output: current, outputDims: [...leadDims, features] };
}

/** Conv layers (1-D or 2-D; grouped, dilated, strided, padded; bias or not), then sometimes Flatten → Gemm. */
function convGraph(draft: Draft): { input: Dim[]; feed: number[]; output: string; outputDims: Dim[] } {
  const spatialRank = draft.pick([1, 2, 2]);
  const batch: Dim = draft.chance(0.5) ? 'batch' : 1;
  const feedBatch = batch === 'batch' ? draft.int(1, 2) : 1;
  let channels = draft.int(1, 4) * draft.widen;
  if (draft.widen > 1) draft.features.push(`wide input (${channels} channels)`);
  let spatial = Array.from({ length: spatialRank }, () => draft.int(5, 9));
  const input: Dim[] = [batch, channels, ...spatial];
  const feed = [feedBatch, channels, ...spatial];
  let current = 'x';
  const layers = draft.int(1, 2);
  for (let layer = 0; layer < layers; layer++) {
    const group = channels > 1 && draft.chance(0.3) ? channels : 1;
    const out = group > 1 ? channels * draft.int(1, 2) : draft.int(1, 6);
    const kernel = spatial.map(() => draft.int(1, 3));
    const strides = spatial.map(() => (draft.chance(0.3) ? 2 : 1));
    const dilations = spatial.map(() => (draft.chance(0.2) ? 2 : 1));
    const pads = draft.chance(0.5) ? [...spatial.map(() => draft.int(0, 1)), ...spatial.map(() => draft.int(0, 1))] : spatial.map(() => 0).concat(spatial.map(() => 0));
    const next = spatial.map((size, i) => Math.floor((size + pads[i] + pads[i + spatial.length] - dilations[i] * (kernel[i] - 1) - 1) / strides[i]) + 1);
    if (next.some((size) => size < 1)) break;
    const name = draft.weight([out, channels / group, ...kernel]);
    const withBias = draft.chance(0.6);
    const attributes: Record<string, AttributeValue> = { kernel_shape: kernel, strides, dilations, pads };
    if (group > 1) attributes.group = group;
    draft.features.push(`Conv${spatialRank}d(${group > 1 ? 'grouped,' : ''}${withBias ? 'bias' : 'no bias'})`);
    current = draft.maybeRelu(draft.node('Conv', withBias ? [current, name, draft.bias(out)] : [current, name], attributes));
    channels = out;
    spatial = next;
  }
  if (draft.chance(0.5)) {
    const flat = channels * elementCount(spatial);
    const out = draft.int(2, 8);
    const transB = draft.chance(0.5);
    const { name, transposed } = transB ? draft.matrix(out, flat) : draft.matrix(flat, out);
    current = draft.node('Flatten', [current], { axis: 1 });
    draft.features.push('Flatten→Gemm');
    current = draft.node('Gemm', [current, name, draft.bias(out)], transB !== transposed ? { transB: 1 } : {});
    return { input, feed, output: current, outputDims: [batch, out] };
  }
  return { input, feed, output: current, outputDims: [batch, channels, ...spatial] };
}

/**
 * The graph for `seed`: same seed, same graph. Inputs are signed normal values, or (sometimes) non-negative
 * ones in [0, 1] like pixels.
 */
export function randomGraph(seed: number): RandomGraph {
  const random = seededRandom(seed);
  const opset = FUZZ_OPSETS[Math.floor(random() * FUZZ_OPSETS.length)];
  const draft = new Draft(opset, random, seed);
  const { input, feed, output, outputDims } = draft.chance(0.55) ? denseGraph(draft) : convGraph(draft);
  const signed = draft.chance(0.7);
  const weightsAsInputs = draft.chance(0.15);
  draft.builder.input('x', input).output(output, outputDims);
  let bytes = draft.builder.build();
  if (weightsAsInputs) {
    bytes = listInitializersAsInputs(bytes);
    draft.features.push('weights listed as graph inputs');
  }
  return namedGraph(`seed ${seed}: opset ${opset}, x [${input}] ${signed ? 'signed' : 'in [0, 1]'}; ${draft.features.join('; ')}`, opset, bytes, feed, signed, seed);
}

/**
 * A graph with one float input "x" fed as `feed` (concrete dims): signed standard normal values, or uniform in
 * [0, 1] like pixels when `signed` is false. For named cases built by hand as well as the generated ones.
 */
export function namedGraph(name: string, opset: number, bytes: Uint8Array, feed: readonly number[], signed = true, seed = 1): RandomGraph {
  return {
    name,
    seed,
    opset,
    bytes,
    samples(count, sampleSeed = seed) {
      const normal = seededNormal(sampleSeed);
      const uniform = seededRandom(sampleSeed);
      return Array.from({ length: count }, () => ({
        x: { type: 'float32', data: Float32Array.from({ length: elementCount(feed) }, () => (signed ? normal() : uniform())), dims: [...feed] },
      }));
    },
  };
}

/** The model with every initializer also declared as a graph input, as exporters before ONNX IR 4 wrote them. */
export function listInitializersAsInputs(bytes: Uint8Array): Uint8Array {
  return rewriteModel(bytes, (graph) => {
    for (const tensor of graph.initializer ?? []) graph.input!.push(valueInfo(tensor.name!, (tensor.dims ?? []).map(Number)));
  });
}

function rewriteModel(bytes: Uint8Array, change: (graph: onnx.IGraphProto) => void): Uint8Array {
  const model = decodeModel(bytes);
  change(model.graph!);
  return encodeModel(model);
}
