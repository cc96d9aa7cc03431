/** Numbers the quantization lab shows when it compares a float model with its int8 version. */

import { softmax } from '../util/softmax';

export type Logits = ArrayLike<number>;

export function argmax(values: Logits): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function checkPaired(reference: readonly Logits[], candidate: readonly Logits[]): void {
  if (reference.length !== candidate.length) {
    throw new Error(`Cannot compare ${reference.length} reference outputs with ${candidate.length} candidate outputs.`);
  }
  if (reference.length === 0) throw new Error('There are no outputs to compare.');
}

/** Share of samples where both models rank the same class first. */
export function top1Agreement(reference: readonly Logits[], candidate: readonly Logits[]): number {
  checkPaired(reference, candidate);
  let same = 0;
  for (let i = 0; i < reference.length; i++) if (argmax(reference[i]) === argmax(candidate[i])) same++;
  return same / reference.length;
}

/**
 * Mean KL(P_reference ‖ P_candidate) over samples, in nats, between the softmax outputs: 0 when the int8
 * model gives the same probabilities. Candidate probabilities are floored at 1e-12 so a class the int8
 * model rules out completely yields a large but finite number.
 */
export function meanKlDivergence(reference: readonly Logits[], candidate: readonly Logits[]): number {
  checkPaired(reference, candidate);
  let total = 0;
  for (let s = 0; s < reference.length; s++) {
    if (reference[s].length !== candidate[s].length) throw new Error(`Sample ${s} has ${reference[s].length} classes in one model and ${candidate[s].length} in the other.`);
    const p = softmax(reference[s]);
    const q = softmax(candidate[s]);
    for (let i = 0; i < p.length; i++) if (p[i] > 0) total += p[i] * Math.log(p[i] / Math.max(q[i], 1e-12));
  }
  return total / reference.length;
}

/** Share of samples whose top class is the true label. */
export function accuracy(outputs: readonly Logits[], labels: readonly number[]): number {
  if (outputs.length !== labels.length) throw new Error(`Got ${outputs.length} outputs for ${labels.length} labels.`);
  if (outputs.length === 0) throw new Error('There are no labelled samples.');
  let correct = 0;
  for (let i = 0; i < outputs.length; i++) if (argmax(outputs[i]) === labels[i]) correct++;
  return correct / outputs.length;
}

export interface ClassAccuracy {
  /** Samples of this class that the model ranked first. */
  correct: number;
  total: number;
}

/** Per true class: how many samples of it the model got right. Classes with no samples have total 0. */
export function perClassAccuracy(outputs: readonly Logits[], labels: readonly number[], classCount: number): ClassAccuracy[] {
  if (outputs.length !== labels.length) throw new Error(`Got ${outputs.length} outputs for ${labels.length} labels.`);
  const result = Array.from({ length: classCount }, () => ({ correct: 0, total: 0 }));
  labels.forEach((label, i) => {
    const entry = result[label];
    if (!entry) throw new Error(`Label ${label} is outside the model's ${classCount} classes.`);
    entry.total++;
    if (argmax(outputs[i]) === label) entry.correct++;
  });
  return result;
}
