import spec from './input-spec.json';

/**
 * The sketch model's input contract. The JSON is the single source: models/tools/train_sketch.py reads the same
 * file, so training and every TypeScript caller normalise drawings identically.
 */
export interface SketchInputSpec {
  /** Bitmap side in pixels (square). */
  readonly size: number;
  /** Multiplier from a uint8 pixel to the model's value range. */
  readonly scale: number;
  /** True when ink is the high value (Quick, Draw! numpy_bitmap polarity: ink 255 on background 0). */
  readonly inkHigh: boolean;
  readonly mean: number;
  readonly std: number;
  /** How strokes are drawn to look like the dataset's bitmaps (see rasterise.ts). */
  readonly raster: {
    /** Side of the virtual canvas the drawing is fitted into, in Quick, Draw! units. */
    readonly canvas: number;
    /** Empty margin kept on each side of that canvas. */
    readonly padding: number;
    /** Stroke width in canvas units. */
    readonly lineWidth: number;
    /** Sub-pixels per output pixel along each axis, averaged for anti-aliasing. */
    readonly supersample: number;
  };
}

export const SKETCH_INPUT_SPEC: SketchInputSpec = spec;
