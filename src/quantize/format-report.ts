/** The report entry every weight-format mode (fp16, int4, palette) writes for a stored weight. */
import type { QuantizeReport } from './types';
import type { WeightCandidate } from './weights';
import { weightError } from './weight-error';

/**
 * Adds `candidate` to the report with the error of `stored` (laid out like `original`) and how it is stored.
 * `original` defaults to the candidate's own values.
 */
export function reportStoredWeight(
  report: QuantizeReport,
  candidate: Pick<WeightCandidate, 'name' | 'dims' | 'consumers'>,
  stored: ArrayLike<number>,
  format: string,
  axis: number | null,
  original: ArrayLike<number> = (candidate as WeightCandidate).values,
): void {
  const { maxError, sqnrDb } = weightError(original, stored);
  report.weights.push({
    name: candidate.name,
    ops: [...new Set(candidate.consumers.map((node) => node.opType ?? ''))],
    dims: candidate.dims,
    axis,
    maxError,
    sqnrDb,
    format,
  });
}
