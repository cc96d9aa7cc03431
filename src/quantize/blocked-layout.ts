/**
 * A tensor seen as columns of values along one axis: with dims (D0…Dn) and `axis` = i, column c holds the Di values
 * x[o, 0…Di−1, j] for o = ⌊c / inner⌋ over the axes before i and j = c mod inner over the axes after it. Blocked
 * quantization (int4) and per-column runs (MatMulNBits' B, whose columns are output channels) read weights this way.
 */
import { elementCount } from './tensor';

export interface ColumnLayout {
  columns: number;
  /** Values per column (the size of `axis`). */
  length: number;
  inner: number;
  /** Flat index in the tensor of value k of column c. */
  index(column: number, k: number): number;
}

export function columnLayout(dims: readonly number[], axis: number): ColumnLayout {
  const inner = elementCount(dims.slice(axis + 1));
  const length = dims[axis];
  const columns = elementCount(dims) / length;
  return {
    columns,
    length,
    inner,
    index: (column, k) => (Math.floor(column / inner) * length + k) * inner + (column % inner),
  };
}
