export { SKETCH_INPUT_SPEC, type SketchInputSpec } from './input-spec';
export { isStroke, rasteriseStrokes, type Stroke } from './rasterise';
export { bitmapToInput, sketchInputShape, strokesToInput } from './model-input';
export { labelsFromConfig, topPredictions, type SketchPrediction } from './predictions';
export { renderSketchImage, SKETCH_IMAGE_SIZE, type SketchImage } from './sketch-image';
