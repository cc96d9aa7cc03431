import type { CalibrationRunner, TensorValues } from './types';

/**
 * The part of onnxruntime (onnxruntime-node or onnxruntime-web) that calibration uses, so this library
 * never imports a runtime itself: the caller passes the one it has.
 */
export interface OrtLike {
  InferenceSession: {
    create(model: Uint8Array): Promise<{
      run(feeds: CalibrationFeeds, fetches: readonly string[]): Promise<Record<string, { data: unknown }>>;
      release(): Promise<void>;
    }>;
  };
}

/** Inputs for one calibration run: graph input name → an `ort.Tensor` built by the caller. */
export type CalibrationFeeds = Record<string, unknown>;

/** A calibration runner that feeds each sample to the instrumented model in the given onnxruntime. */
export function ortCalibration(ort: OrtLike, samples: Iterable<CalibrationFeeds>): CalibrationRunner {
  return async function* run(model, tensorNames): AsyncGenerator<TensorValues> {
    const session = await ort.InferenceSession.create(model);
    try {
      for (const feeds of samples) {
        const outputs = await session.run(feeds, tensorNames);
        const values: TensorValues = {};
        for (const name of tensorNames) values[name] = outputs[name]?.data as ArrayLike<number>;
        yield values;
      }
    } finally {
      await session.release();
    }
  };
}
