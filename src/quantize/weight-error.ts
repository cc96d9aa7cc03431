/** How far stored weights are from the originals: what the report gives per weight. */

export interface WeightError {
  /** Largest |stored − original|. */
  maxError: number;
  /**
   * Signal-to-quantization-noise ratio, 10·log10(Σ original² / Σ (stored − original)²) in dB; Infinity when the
   * stored values are exact, 0 for an all-zero tensor stored with error (no signal).
   */
  sqnrDb: number;
}

/** Compares `stored` (what the quantized model computes with) with `original`, element by element. */
export function weightError(original: ArrayLike<number>, stored: ArrayLike<number>): WeightError {
  let maxError = 0;
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < original.length; i++) {
    const difference = stored[i] - original[i];
    maxError = Math.max(maxError, Math.abs(difference));
    signal += original[i] * original[i];
    noise += difference * difference;
  }
  const sqnrDb = noise === 0 ? Infinity : signal === 0 ? 0 : 10 * Math.log10(signal / noise);
  return { maxError, sqnrDb };
}
