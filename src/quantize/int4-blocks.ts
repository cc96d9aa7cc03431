/**
 * 4-bit block quantization of a weight matrix: each run of `blockSize` consecutive values along the reduction axis
 * (K) gets its own scale, and in asymmetric mode its own zero point, as in onnxruntime's `MatMulNBits`
 * (docs/ContribOperators.md#com.microsoft.MatMulNBits) and ONNX `DequantizeLinear` with `block_size` (opset 21,
 * docs/Operators.md#DequantizeLinear): value ≈ (q − zeroPoint) · scale.
 * - symmetric: q ∈ [−8, 7] as int4 with zero point 0 (DequantizeLinear) — equivalently uint4 q + 8 with the
 *   implicit zero point 8 of MatMulNBits; scale = max|w| / 7, so the largest magnitude is exact and −8 is unused
 *   except where rounding reaches it (it never does: |w|/scale ≤ 7).
 * - asymmetric: q ∈ [0, 15] as uint4, scale = (max − min) / 15 over the block widened to include 0, zero point
 *   round(−min / scale) (zero stays exact, as ONNX requires).
 * Rounding is half to even, like ONNX QuantizeLinear.
 */
import { clamp } from '../util/clamp';
import { roundHalfToEven } from './math';
import { float16Bits, float16Value } from './float16';

export type Int4BlockSize = 32 | 64 | 128;
export const INT4_BLOCK_SIZES: readonly Int4BlockSize[] = [32, 64, 128];

export interface Int4Blocks {
  /** Unsigned codes 0…15 per value, in the input's order (symmetric: signed value + 8). */
  codes: Uint8Array;
  /** One scale per block, ordered column by column (column c's blocks are c·blocksPerColumn …). */
  scales: Float32Array;
  /** Unsigned zero point 0…15 per block (8 for every block when symmetric). */
  zeroPoints: Uint8Array;
  blocksPerColumn: number;
  /** (code − zeroPoint) · scale per value, as the runtime computes it in float32. */
  dequantized: Float32Array;
}

/** How block scales are stored: float16 scales are rounded to float16 before the codes are chosen. */
export type ScaleType = 'float32' | 'float16';

/**
 * Quantizes `columns` runs of `length` values each (`valueAt(column, k)`; column = an output channel, k along the
 * reduction), block by block. Codes come back in column-major order: codes[column · length + k]. With
 * `scaleType` 'float16' every scale is rounded to a float16 value before the block's codes are chosen against it,
 * so storing the scales as float16 adds no error beyond what `dequantized` shows (rounding moves a scale by at
 * most 2^-11 of itself, too little to push a code out of its range).
 */
export function quantizeInt4Blocks(
  columns: number,
  length: number,
  valueAt: (column: number, k: number) => number,
  blockSize: number,
  symmetric: boolean,
  scaleType: ScaleType = 'float32',
): Int4Blocks {
  const stored = scaleType === 'float16' ? (scale: number) => float16Value(float16Bits(scale)) : (scale: number) => scale;
  const blocksPerColumn = Math.ceil(length / blockSize);
  const codes = new Uint8Array(columns * length);
  const dequantized = new Float32Array(columns * length);
  const scales = new Float32Array(columns * blocksPerColumn);
  const zeroPoints = new Uint8Array(columns * blocksPerColumn);
  for (let column = 0; column < columns; column++) {
    for (let block = 0; block < blocksPerColumn; block++) {
      const start = block * blockSize;
      const end = Math.min(length, start + blockSize);
      let min = 0;
      let max = 0;
      for (let k = start; k < end; k++) {
        const value = valueAt(column, k);
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      let scale: number;
      let zeroPoint: number;
      if (symmetric) {
        const magnitude = Math.max(-min, max);
        scale = magnitude > 0 ? stored(Math.fround(magnitude / 7)) : 1;
        zeroPoint = 8;
      } else {
        scale = max > min ? stored(Math.fround((max - min) / 15)) : 1;
        zeroPoint = clamp(roundHalfToEven(-min / scale), 0, 15);
      }
      const index = column * blocksPerColumn + block;
      scales[index] = scale;
      zeroPoints[index] = zeroPoint;
      for (let k = start; k < end; k++) {
        const code = clamp(roundHalfToEven(valueAt(column, k) / scale) + zeroPoint, 0, 15);
        codes[column * length + k] = code;
        dequantized[column * length + k] = Math.fround((code - zeroPoint) * scale);
      }
    }
  }
  return { codes, scales, zeroPoints, blocksPerColumn, dequantized };
}

/**
 * Packs 4-bit values two per byte, the first of each pair in the low nibble (bits 0–3) and the second in the high
 * nibble — the layout of ONNX INT4/UINT4 tensors (onnx docs/docs/Operators.md and IR.md "4 bit integer types":
 * "packed ... the first element in the 4 LSB") and of MatMulNBits' B blobs. An odd count leaves the last high
 * nibble 0. `values` are taken modulo 16 (so int4 −1 is written as 0xF).
 */
export function packNibbles(values: ArrayLike<number>): Uint8Array {
  const packed = new Uint8Array(Math.ceil(values.length / 2));
  for (let i = 0; i < values.length; i++) packed[i >> 1] |= (values[i] & 0x0f) << ((i & 1) * 4);
  return packed;
}

/** Inverse of `packNibbles` for `count` unsigned values. */
export function unpackNibbles(packed: Uint8Array, count: number): Uint8Array {
  return Uint8Array.from({ length: count }, (_, i) => (packed[i >> 1] >> ((i & 1) * 4)) & 0x0f);
}
