import { accuracy, meanKlDivergence, top1Agreement, type Logits } from '../../quantize/metrics';
import { summarizeLatencies, type LatencySummary } from '../../util/percentile';

/** Runs one model on one input and resolves with its logits (e.g. an InferenceClient in a worker). */
export type LogitsRunner = (input: Float32Array) => Promise<Logits>;

export interface LabelledSample {
  input: Float32Array;
  /** Index of the true class, when known. */
  label?: number;
}

export interface ModelComparison {
  samples: number;
  top1Agreement: number;
  meanKlDivergence: number;
  /** Over the samples that have labels; null when none has. */
  referenceAccuracy: number | null;
  candidateAccuracy: number | null;
  referenceLatency: LatencySummary;
  candidateLatency: LatencySummary;
  /** Per sample, in sample order: for per-class views and latency distributions. */
  referenceOutputs: Logits[];
  candidateOutputs: Logits[];
  referenceTimesMs: number[];
  candidateTimesMs: number[];
}

/**
 * Runs the float (reference) and quantized (candidate) models on the same samples, alternating so that
 * both see the same machine conditions, and sums up how far the candidate drifts. `now` is injectable
 * so the arithmetic is testable without real timing.
 */
export async function compareModels(
  reference: LogitsRunner,
  candidate: LogitsRunner,
  samples: readonly LabelledSample[],
  onSample: (done: number, total: number) => void = () => {},
  now: () => number = () => performance.now(),
): Promise<ModelComparison> {
  if (samples.length === 0) throw new Error('Choose at least one sample to compare the models on.');
  const referenceOutputs: Logits[] = [];
  const candidateOutputs: Logits[] = [];
  const referenceTimes: number[] = [];
  const candidateTimes: number[] = [];
  const timed = async (runner: LogitsRunner, input: Float32Array, times: number[]): Promise<Logits> => {
    const started = now();
    const logits = await runner(input);
    times.push(now() - started);
    return logits;
  };
  for (const [index, sample] of samples.entries()) {
    referenceOutputs.push(await timed(reference, sample.input, referenceTimes));
    candidateOutputs.push(await timed(candidate, sample.input, candidateTimes));
    onSample(index + 1, samples.length);
  }
  const labelled = samples.flatMap((sample, i) => (sample.label === undefined ? [] : [{ i, label: sample.label }]));
  const accuracyOf = (outputs: Logits[]) =>
    labelled.length === 0 ? null : accuracy(labelled.map(({ i }) => outputs[i]), labelled.map(({ label }) => label));
  return {
    samples: samples.length,
    top1Agreement: top1Agreement(referenceOutputs, candidateOutputs),
    meanKlDivergence: meanKlDivergence(referenceOutputs, candidateOutputs),
    referenceAccuracy: accuracyOf(referenceOutputs),
    candidateAccuracy: accuracyOf(candidateOutputs),
    referenceLatency: summarizeLatencies(referenceTimes),
    candidateLatency: summarizeLatencies(candidateTimes),
    referenceOutputs,
    candidateOutputs,
    referenceTimesMs: referenceTimes,
    candidateTimesMs: candidateTimes,
  };
}
