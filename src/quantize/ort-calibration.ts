import type { CalibrationRunner, TensorValues } from './types';
import type { TensorData, TensorType } from '../types/tensor';
import type { TensorSample } from './error-bound';
import type { ModelRunner } from './self-check';

/**
 * The part of onnxruntime (onnxruntime-node or onnxruntime-web) that calibration uses, so this library
 * never imports a runtime itself: the caller passes the one it has.
 */
export interface OrtLike {
  InferenceSession: {
    create(model: Uint8Array, options?: object): Promise<{
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

/** `OrtLike` plus the tensor constructor, for runners that build their own input tensors. */
export interface OrtWithTensor extends OrtLike {
  Tensor: new (type: TensorType, data: TensorData, dims: readonly number[]) => unknown;
}

/**
 * A `ModelRunner` (for the self-check) on onnxruntime-node or onnxruntime-web; `sessionOptions` go to
 * `InferenceSession.create` (e.g. `{ graphOptimizationLevel: 'disabled' }`).
 */
export function ortModelRunner(ort: OrtWithTensor, sessionOptions: object = {}): ModelRunner {
  return async (model, samples, outputNames) => {
    const session = await ort.InferenceSession.create(model, sessionOptions);
    try {
      const results: Record<string, TensorSample>[] = [];
      for (const sample of samples) {
        const feeds: CalibrationFeeds = {};
        for (const [name, value] of Object.entries(sample)) feeds[name] = new ort.Tensor(value.type, value.data, value.dims);
        const outputs = (await session.run(feeds, outputNames)) as Record<string, { data: unknown; dims: readonly number[] }>;
        results.push(Object.fromEntries(outputNames.map((name) => [name, { data: outputs[name].data as ArrayLike<number>, dims: outputs[name].dims }])));
      }
      return results;
    } finally {
      await session.release();
    }
  };
}
