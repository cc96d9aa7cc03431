/**
 * IEEE 754 binary16 ("half", ONNX FLOAT16) conversion: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
 * Largest finite value 65504, smallest normal 2^-14, smallest subnormal 2^-24. float32 → float16 rounds to
 * nearest, ties to even (IEEE 754-2019 §4.3.1, the default rounding of every hardware and runtime conversion).
 */

export const FLOAT16_MAX = 65504;
/** Unit roundoff of float16: a normal value x is stored within |x|·2^-11. */
export const FLOAT16_UNIT_ROUNDOFF = 2 ** -11;
/** Half the spacing of subnormals (2^-24 apart): the absolute error bound below 2^-14. */
export const FLOAT16_SUBNORMAL_HALF_STEP = 2 ** -25;

const scratch = new DataView(new ArrayBuffer(4));

/**
 * The float16 bit pattern nearest to `value` (first rounded to float32, as an ONNX float tensor holds it).
 * Ties go to the even pattern; values from 65520 up (the midpoint past 65504) become ±Infinity, NaN stays NaN.
 */
export function float16Bits(value: number): number {
  scratch.setFloat32(0, value);
  const bits = scratch.getUint32(0);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const fraction = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (fraction ? 0x200 : 0);
  // Re-biased exponent: float32 bias 127, float16 bias 15.
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal float16 (or zero): the 24-bit significand (implicit 1 included) shifted right by 14 − e places.
    if (e < -10) return sign;
    const significand = fraction | 0x800000;
    const shift = 14 - e;
    return sign | roundShift(significand, shift);
  }
  // Normal: keep 10 of the 23 fraction bits; a carry out of the fraction correctly bumps the exponent (up to Inf).
  return sign | ((e << 10) + roundShift(fraction, 13));
}

/** `value >> shift` rounded to nearest, ties to even (shift ≥ 1). */
function roundShift(value: number, shift: number): number {
  const kept = Math.floor(value / 2 ** shift);
  const rest = value - kept * 2 ** shift;
  const half = 2 ** (shift - 1);
  return rest > half || (rest === half && kept % 2 === 1) ? kept + 1 : kept;
}

/** The number a float16 bit pattern holds. */
export function float16Value(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

export interface Float16Conversion {
  /** Little-endian float16 bytes (ONNX raw_data for FLOAT16). */
  bytes: Uint8Array;
  /** Largest |stored − original| over finite originals (after clamping). */
  maxError: number;
  /** Finite values beyond ±65504 that were clamped to ±65504 instead of becoming ±Infinity. */
  clamped: number;
}

/**
 * Stores float32 values as float16. Finite values beyond the float16 range are clamped to ±65504 (an infinite
 * weight would turn every output it touches into Inf or NaN); callers report `clamped` to the user.
 */
export function toFloat16(values: ArrayLike<number>): Float16Conversion {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  let maxError = 0;
  let clamped = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let bits = float16Bits(value);
    if (Number.isFinite(value) && (bits & 0x7c00) === 0x7c00) {
      bits = (bits & 0x8000) | 0x7bff;
      clamped++;
    }
    view.setUint16(i * 2, bits, true);
    if (Number.isFinite(value)) maxError = Math.max(maxError, Math.abs(float16Value(bits) - value));
  }
  return { bytes, maxError, clamped };
}

/** float16 bit patterns (as onnxruntime returns FLOAT16 tensors: Uint16Array) → numbers. */
export function fromFloat16Bits(bits: ArrayLike<number>): Float32Array {
  return Float32Array.from({ length: bits.length }, (_, i) => float16Value(bits[i]));
}
