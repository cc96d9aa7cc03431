// Live guessing while the pen moves: rasterise the newest drawing to the model's input, classify it with
// latest-wins scheduling (never a queue), drop answers for a drawing that was cleared, count predictions/s.
import { topPredictions, type SketchPrediction as Guess } from './predictions';
import { rasteriseStrokes } from './rasterise';
import { LatestWins } from '../util/latest-wins';
import { RateMeter } from '../util/rate-meter';
import { toQuickDrawStrokes, type Stroke } from './sketchpad';

/** Anything that turns a 28×28 ink-high bitmap into one score (logit) per label. */
export interface SketchClassifier {
  readonly labels: readonly string[];
  classify(bitmap: Uint8Array): Promise<Float32Array>;
}

/** What one prediction of a drawing gives: the guesses, and the exact 28×28 bitmap when the model read one. */
export interface Recognition {
  guesses: Guess[];
  bitmap?: Uint8Array;
}

/**
 * Turns the drawing (canvas strokes) into guesses; null when there is nothing to guess from. The bitmap models'
 * step is `bitmapPredictStep`; image models bring their own (classifier.ts).
 */
export type PredictStep = (strokes: readonly Stroke[], count: number) => Promise<Recognition | null>;

/** The predict step of a 28×28 sketch classifier: rasterise, classify, softmax top guesses. */
export function bitmapPredictStep(classifier: SketchClassifier): PredictStep {
  return async (strokes, count) => {
    const bitmap = rasteriseStrokes(toQuickDrawStrokes(strokes));
    if (!bitmap) return null;
    const logits = await classifier.classify(bitmap);
    return { bitmap, guesses: topPredictions(logits, classifier.labels, count) };
  };
}

/** The drawing as the predictor reads it when a request is sent (the canvas's Sketchpad fits). */
export interface DrawingSource {
  readonly strokes: readonly Stroke[];
  readonly version: number;
}

export interface Prediction {
  /** The drawing version this answer is for. */
  version: number;
  guesses: Guess[];
  /** The exact model input that produced the guesses, for 28×28 bitmap models. */
  bitmap?: Uint8Array;
  /** Milliseconds from reading the drawing to having the guesses. */
  ms: number;
}

export interface LivePredictorHandlers {
  onPrediction(prediction: Prediction): void;
  onError(error: unknown): void;
}

const GUESS_COUNT = 5;

export class LivePredictor {
  private readonly scheduler: LatestWins<DrawingSource, Prediction | null>;
  private readonly step: PredictStep;
  private readonly meter = new RateMeter();
  /** Answers for drawings at or before this version were wiped off the canvas; they are dropped. */
  private clearedAt = -1;

  /** @param recogniser a 28×28 bitmap classifier, or any predict step (e.g. an image model's). */
  constructor(
    recogniser: SketchClassifier | PredictStep,
    private readonly handlers: LivePredictorHandlers,
    private readonly now: () => number,
  ) {
    this.step = typeof recogniser === 'function' ? recogniser : bitmapPredictStep(recogniser);
    this.scheduler = new LatestWins({
      run: (drawing) => this.predict(drawing),
      onResult: (prediction) => {
        if (!prediction) return;
        this.meter.record(this.now(), prediction.ms);
        if (prediction.version > this.clearedAt) this.handlers.onPrediction(prediction);
      },
      onError: (error) => this.handlers.onError(error),
    });
  }

  /** Call after every edit of the drawing. An empty drawing asks nothing and drops older answers. */
  update(drawing: DrawingSource): void {
    if (drawing.strokes.length === 0) {
      this.clearedAt = drawing.version;
      this.scheduler.dropPending();
      return;
    }
    this.scheduler.submit(drawing);
  }

  /** Predictions completed per second over the last second. */
  rate(): number {
    return this.meter.rate(this.now());
  }

  /** Mean milliseconds per prediction over the last second, null when idle. */
  meanMs(): number | null {
    return this.meter.meanMs(this.now());
  }

  private async predict(drawing: DrawingSource): Promise<Prediction | null> {
    // Read the drawing now, not when it was submitted: the newest strokes are what the player sees.
    const version = drawing.version;
    const started = this.now();
    const recognition = await this.step(drawing.strokes, GUESS_COUNT);
    if (!recognition) return null;
    return { version, ...recognition, ms: this.now() - started };
  }
}
