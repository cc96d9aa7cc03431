/**
 * Palettization (Core ML's weight "palettization": Apple, coremltools Optimization guide, "Palettization Overview"
 * and `coremltools.optimize.coreml.OpPalettizerConfig(mode="kmeans", nbits, granularity="per_grouped_channel",
 * group_size)`): every value of a weight is replaced by an index into a lookup table of 2^bits floats found by
 * k-means over the tensor (`kmeans.ts`, unweighted), or one table per group of output channels.
 *
 * Stored in the file: the table(s) as float32 [groups · 2^bits], the indices with the weight's dims — 4-bit as ONNX
 * UINT4 (two per byte, opset 21; uint8 when the opset cannot be raised), 6-bit as uint8 (ONNX has no 6-bit type, so
 * a 6-bit index costs a byte: the file size says so) — and, with several groups, each output channel's table offset
 * (int32, one per channel). Expanded by graph ops: Cast(indices → int32) [→ Add(offsets)] → Gather(table), whose
 * output keeps the weight's name. All inputs are initializers, so onnxruntime folds them once when the session loads.
 */
import { onnx, type onnx as OnnxTypes } from './proto';
import { intAttribute, makeNode } from './graph';
import { raiseToOpset21 } from './opset21';
import { int32Tensor } from './tensor';
import { kMeans1d } from './kmeans';
import { packNibbles } from './int4-blocks';
import { reportStoredWeight } from './format-report';
import { channelLayout, channelOf } from './math';
import type { QuantizeContext } from './context';
import type { WeightCandidate } from './weights';

export type PaletteBits = 4 | 6;

export interface PaletteOptions {
  bits: PaletteBits;
  /** Output channels sharing one table; undefined = one table for the whole tensor. */
  groupSize?: number;
  /** k-means++ seed (the same weights and seed give the same file). */
  seed?: number;
}

const UINT4 = 21;
const INT32 = onnx.TensorProto.DataType.INT32;

export function quantizePalette(
  model: OnnxTypes.IModelProto,
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  options: PaletteOptions,
  onWeightDone: () => void,
): void {
  const { report } = context;
  let packed4 = false;
  if (options.bits === 4) {
    const refused = raiseToOpset21(model, report, '4-bit indices (UINT4)');
    packed4 = refused === null;
    if (refused) report.notes.push(`4-bit indices are stored one per byte (uint8): packing two per byte needs the UINT4 type of opset 21, and ${refused}.`);
  }
  if (options.bits === 6) report.notes.push('6-bit indices are stored one per byte (uint8): ONNX has no 6-bit type, so the file holds 8 bits per weight plus the tables.');
  report.notes.push('Lookup tables come from unweighted k-means (every weight value counts the same; no sensitivity or activation weighting).');
  const expand: OnnxTypes.INodeProto[] = [];
  for (const candidate of candidates) {
    expand.push(...palettize(context, candidate, options, packed4));
    onWeightDone();
  }
  // The expansion reads only initializers, so placing it first keeps the node list topologically sorted.
  context.graph.node = [...expand, ...context.graph.node!];
}

function palettize(context: QuantizeContext, candidate: WeightCandidate, options: PaletteOptions, packed4: boolean): OnnxTypes.INodeProto[] {
  const entries = 2 ** options.bits;
  const { values, dims, name } = candidate;
  const axis = options.groupSize !== undefined && candidate.axis !== null ? candidate.axis : null;
  const layout = axis === null ? { channels: 1, inner: values.length } : channelLayout(dims, axis);
  const groupSize = axis === null ? 1 : Math.min(options.groupSize!, layout.channels);
  const groups = axis === null ? 1 : Math.ceil(layout.channels / groupSize);
  const groupOf = (i: number) => (axis === null ? 0 : Math.floor(channelOf(i, layout) / groupSize));
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < values.length; i++) members[groupOf(i)].push(i);
  const table = new Float32Array(groups * entries);
  const indices = new Uint8Array(values.length);
  const stored = new Float32Array(values.length);
  members.forEach((group, g) => {
    const { centroids, assignments } = kMeans1d(group.map((i) => values[i]), entries, { seed: (options.seed ?? 1) + g });
    table.set(centroids, g * entries);
    group.forEach((i, j) => {
      indices[i] = assignments[j];
      stored[i] = centroids[assignments[j]];
    });
  });
  const format = `palette ${options.bits}-bit (${groups} table${groups > 1 ? 's' : ''} of ${entries}${groups > 1 ? `, ${groupSize} output channels each` : ''})`;
  reportStoredWeight(context.report, candidate, stored, format, axis);

  const { names } = context;
  const base = `${name}_palette`;
  const indexTensor = packed4
    ? onnx.TensorProto.create({ name: names.fresh(`${base}_indices`), dims, dataType: UINT4, rawData: packNibbles(indices) })
    : onnx.TensorProto.create({ name: names.fresh(`${base}_indices`), dims, dataType: onnx.TensorProto.DataType.UINT8, rawData: indices });
  const indexName = context.addInitializer(indexTensor);
  const tableName = context.addFloat(`${base}_table`, [table.length], table);
  const nodes: OnnxTypes.INodeProto[] = [];
  let position = names.fresh(`${base}_positions`);
  nodes.push(makeNode('Cast', [indexName], [position], names.fresh(`${base}_Cast`), [intAttribute('to', INT32)]));
  if (groups > 1) {
    // Each output channel's table starts at group · entries; broadcast along the channel axis.
    const offsets = Int32Array.from({ length: layout.channels }, (_, c) => Math.floor(c / groupSize) * entries);
    const offsetDims = dims.map((d, i) => (i === axis ? d : 1));
    const offsetName = context.addInitializer(int32Tensor(names.fresh(`${base}_offsets`), offsetDims, offsets));
    const shifted = names.fresh(`${base}_table_positions`);
    nodes.push(makeNode('Add', [position, offsetName], [shifted], names.fresh(`${base}_Add`)));
    position = shifted;
  }
  context.removeInitializer(name);
  nodes.push(makeNode('Gather', [tableName, position], [name], names.fresh(`${base}_Gather`)));
  return nodes;
}
