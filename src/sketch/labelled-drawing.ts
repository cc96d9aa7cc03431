// A drawing the game kept with the target the player was asked to draw: labelled data for the quantization lab
// (calibration and accuracy samples). The game writes these records and the lab reads them
// (src/runtime/drawing-store.ts keeps them in IndexedDB).
import type { SketchPrediction } from './predictions';
import type { Stroke } from './sketchpad';

/** How a turn of the game ended. */
export type TurnOutcome = 'recognised' | 'skipped' | 'timed-out';

export interface LabelledDrawing {
  id: string;
  /** What the player was asked to draw: the label. */
  target: string;
  /** Recognised drawings are the trustworthy labels; skipped or timed-out ones may be unfinished. */
  outcome: TurnOutcome;
  guess: SketchPrediction | null;
  /** As drawn, in `strokeSpace` coordinates. */
  strokes: Stroke[];
  /**
   * 'sketch': units of the canvas's SKETCH_SIDE square (src/sketch/sketchpad.ts); 'css-px': CSS pixels of
   * the canvas at the time, as versions before sketch units stored them (records without the field). The bitmap
   * and the model input are the same either way: rasterising crops to the ink and scales.
   */
  strokeSpace: 'sketch' | 'css-px';
  /** The model input as 28×28 uint8, row-major, ink high (255) on 0, the training data's polarity. */
  bitmap: Uint8Array;
  /** Model that guessed, e.g. "doodle-cnn/int8". */
  model: string;
  createdAt: number;
}
