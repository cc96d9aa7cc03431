import { SKETCH_INPUT_SPEC, type SketchInputSpec } from './input-spec';
import { rasteriseStrokes, type Stroke } from './rasterise';

/** The model's input tensor shape for one drawing: [batch, channels, height, width]. */
export function sketchInputShape(batch = 1, spec: SketchInputSpec = SKETCH_INPUT_SPEC): [number, number, number, number] {
  return [batch, 1, spec.size, spec.size];
}

/**
 * Dataset-polarity uint8 pixels (ink high, row-major size×size) → the float values the model was trained on.
 * Writes into `out` at `offset` when given, so a batch is filled without copies.
 */
export function bitmapToInput(
  bitmap: ArrayLike<number>,
  spec: SketchInputSpec = SKETCH_INPUT_SPEC,
  out: Float32Array = new Float32Array(spec.size * spec.size),
  offset = 0,
): Float32Array {
  const pixels = spec.size * spec.size;
  if (bitmap.length !== pixels) {
    throw new Error(`A sketch bitmap must have ${pixels} pixels (${spec.size}×${spec.size}); got ${bitmap.length}.`);
  }
  for (let i = 0; i < pixels; i++) {
    const value = bitmap[i] * spec.scale;
    out[offset + i] = ((spec.inkHigh ? value : 1 - value) - spec.mean) / spec.std;
  }
  return out;
}

/** Strokes in any coordinate space → model input, or null when nothing has been drawn. */
export function strokesToInput(strokes: readonly Stroke[], spec: SketchInputSpec = SKETCH_INPUT_SPEC): Float32Array | null {
  const bitmap = rasteriseStrokes(strokes, spec);
  return bitmap && bitmapToInput(bitmap, spec);
}
