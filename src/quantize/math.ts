/** Quantization arithmetic, written to match ONNX QuantizeLinear / DequantizeLinear exactly. */
import { clamp } from '../util/clamp';

export const INT8_SYMMETRIC_MAX = 127;
export const UINT8_MAX = 255;

/** ONNX QuantizeLinear rounds half to even (banker's rounding), not half away from zero like Math.round. */
export function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A scale is stored as float32 in the model, so every computation uses the float32 value. */
function storedScale(scale: number): number {
  return Math.fround(scale);
}

/** Symmetric int8 scale for values whose largest magnitude is `maxAbs`; an all-zero tensor gets scale 1. */
export function symmetricInt8Scale(maxAbs: number): number {
  return maxAbs > 0 ? storedScale(maxAbs / INT8_SYMMETRIC_MAX) : 1;
}

export function quantizeSymmetricInt8(value: number, scale: number): number {
  return clamp(roundHalfToEven(value / scale), -INT8_SYMMETRIC_MAX, INT8_SYMMETRIC_MAX);
}

export interface AffineParams {
  scale: number;
  zeroPoint: number;
}

/**
 * Asymmetric uint8 parameters for an observed range. The range is widened to include 0 so that
 * zero (padding, ReLU output) is represented exactly, as ONNX requires for zero points.
 */
export function asymmetricUint8Params(min: number, max: number): AffineParams {
  const low = Math.min(min, 0);
  const high = Math.max(max, 0);
  if (high === low) return { scale: 1, zeroPoint: 0 };
  const scale = storedScale((high - low) / UINT8_MAX);
  const zeroPoint = clamp(roundHalfToEven((0 - low) / scale), 0, UINT8_MAX);
  return { scale, zeroPoint };
}

export function quantizeUint8(value: number, params: AffineParams): number {
  return clamp(roundHalfToEven(value / params.scale) + params.zeroPoint, 0, UINT8_MAX);
}

export function dequantize(quantized: number, params: AffineParams): number {
  return (quantized - params.zeroPoint) * params.scale;
}

/**
 * Geometry of a tensor seen as channels along `axis`: element i belongs to channel
 * floor(i / inner) % channels, with `inner` the product of the dimensions after the axis.
 */
export interface ChannelLayout {
  channels: number;
  inner: number;
}

export function channelLayout(dims: readonly number[], axis: number): ChannelLayout {
  let inner = 1;
  for (let d = axis + 1; d < dims.length; d++) inner *= dims[d];
  return { channels: dims[axis], inner };
}

export function channelOf(index: number, layout: ChannelLayout): number {
  return Math.floor(index / layout.inner) % layout.channels;
}

export interface SymmetricQuantized {
  values: Int8Array;
  /** One scale per channel, or a single scale when quantized per tensor. */
  scales: Float32Array;
}

/** Symmetric int8 per-channel quantization (`axis` null = one scale for the whole tensor). */
export function quantizeSymmetricPerChannel(
  data: Float32Array,
  dims: readonly number[],
  axis: number | null,
): SymmetricQuantized {
  const layout: ChannelLayout = axis === null ? { channels: 1, inner: data.length } : channelLayout(dims, axis);
  const maxAbs = new Float64Array(layout.channels);
  for (let i = 0; i < data.length; i++) {
    const c = channelOf(i, layout);
    const magnitude = Math.abs(data[i]);
    if (magnitude > maxAbs[c]) maxAbs[c] = magnitude;
  }
  const scales = Float32Array.from(maxAbs, symmetricInt8Scale);
  const values = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) values[i] = quantizeSymmetricInt8(data[i], scales[channelOf(i, layout)]);
  return { values, scales };
}
