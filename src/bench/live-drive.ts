// End-to-end predictions/s the way the game makes them: a pen that keeps drawing, the game's LivePredictor
// (rasterise → model → top-5, latest wins), every answer handed to the page to render.
import { Sketchpad } from '../sketch/sketchpad';
import { LivePredictor, type SketchClassifier } from '../sketch/live-predictor';
import type { SketchPrediction as Guess } from '../sketch/predictions';
import { SyntheticPen, DEFAULT_PEN, type PenOptions } from './synthetic-pen';

export interface LiveDriveResult {
  /** Predictions shown within the measured window. */
  predictions: number;
  seconds: number;
  predictionsPerSecond: number;
  /** Mean time from reading the drawing to having its guesses. */
  meanPredictionMs: number;
}

const nextTask = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function driveLivePredictions(
  classifier: SketchClassifier,
  render: (guesses: readonly Guess[]) => void,
  durationMs: number,
  now: () => number = () => performance.now(),
  pen: PenOptions = DEFAULT_PEN,
): Promise<LiveDriveResult> {
  const pad = new Sketchpad();
  const started = now();
  const synthetic = new SyntheticPen(pad, started, pen);
  let running = true;
  let inFlight = 0;
  let shown = 0;
  let predictionMs = 0;
  let failure: unknown;
  const counted: SketchClassifier = {
    labels: classifier.labels,
    async classify(bitmap) {
      inFlight++;
      try {
        return await classifier.classify(bitmap);
      } finally {
        inFlight--;
      }
    },
  };
  const predictor = new LivePredictor(
    counted,
    {
      onPrediction(prediction) {
        if (!running) return;
        shown++;
        predictionMs += prediction.ms;
        render(prediction.guesses);
        // The pen kept moving while the model worked: the newest drawing goes out as soon as this answer is in.
        feed();
      },
      onError(error) {
        failure = error;
      },
    },
    now,
  );
  function feed(): void {
    if (running && synthetic.advance(now())) predictor.update(pad);
  }
  while (now() - started < durationMs && failure === undefined) {
    feed();
    await nextTask(4);
  }
  running = false;
  const seconds = (now() - started) / 1000;
  // Let the last request finish, so the next measurement starts on an idle worker.
  while (inFlight > 0) await nextTask(1);
  if (failure !== undefined) throw failure;
  return { predictions: shown, seconds, predictionsPerSecond: shown / seconds, meanPredictionMs: shown ? predictionMs / shown : Number.NaN };
}
