// The drawing as a picture for image models (e.g. the hub's MobileViT sketch classifier): black ink on white,
// square, cropped to the ink with a margin, like Doodle Dash's canvas crop. The model's own preprocessor resizes it.
import { SKETCH_INPUT_SPEC, type SketchInputSpec } from './input-spec';
import { rasteriseStrokes, type Stroke } from './rasterise';

export interface SketchImage {
  /** Grey values, row-major, 0 = ink (black), 255 = paper (white). */
  data: Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1;
}

/** Side of the rendered picture: Doodle Dash's model crops 256×256, so this keeps its detail. */
export const SKETCH_IMAGE_SIZE = 256;

/** The strokes (any unit, y down) as a `size`×`size` black-on-white picture, or null when nothing is drawn. */
export function renderSketchImage(strokes: readonly Stroke[], size = SKETCH_IMAGE_SIZE): SketchImage | null {
  // Same crop, margin and line weight as the sketch model's input, drawn at `size` without supersampling: a
  // picture this large needs no extra anti-aliasing and stays cheap (one pass per segment's bounding box).
  const spec: SketchInputSpec = { ...SKETCH_INPUT_SPEC, size, raster: { ...SKETCH_INPUT_SPEC.raster, supersample: 1 } };
  const ink = rasteriseStrokes(strokes, spec);
  if (!ink) return null;
  const data = new Uint8ClampedArray(ink.length);
  for (let i = 0; i < ink.length; i++) data[i] = 255 - ink[i];
  return { data, width: size, height: size, channels: 1 };
}
