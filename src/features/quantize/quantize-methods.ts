/**
 * The quantization methods the lab offers, as data: the quantize panel renders one choice per entry and one control
 * per option, so a method the quantizer learns is added here (plus, for a new kind of option, its control in
 * quantize-panel.ts) without touching the page.
 */
import { msg, str } from '@lit/localize';
import type { CalibrationFile } from '../../quantize/calibration-files';
import type { QuantizeMode } from '../../quantize/types';
import type { SampleOrigin } from './eval-samples';

/** Static calibration needs this many samples (the quantizer's default minimum). */
export const MIN_CALIBRATION = 16;

/**
 * A control a method shows under its choice. Kinds:
 * - `calibration-data`: where the representative inputs come from (a drawing set, or imported .npy files).
 */
export type MethodOption = { kind: 'calibration-data' };

export interface QuantizeMethod {
  /** What the quantize worker runs (`QuantizeOptions.mode`); also the stored variant's `mode`. */
  mode: QuantizeMode;
  /** Name and one-paragraph explanation, in the interface language (called at render time). */
  title: () => string;
  explain: () => string;
  options: readonly MethodOption[];
}

export const QUANTIZE_METHODS: readonly QuantizeMethod[] = [
  {
    mode: 'weight-only',
    title: () => msg('Weight-only int8', { id: 'quantize.method.weightOnly' }),
    explain: () =>
      msg('Weights are stored as int8 and turned back into floats when the model runs; activations stay float. Smallest accuracy risk, no samples needed.', {
        id: 'quantize.method.weightOnly.explain',
      }),
    options: [],
  },
  {
    mode: 'dynamic',
    title: () => msg('Dynamic int8', { id: 'quantize.method.dynamic' }),
    explain: () =>
      msg('Weights int8; each run measures the range of the activations it sees and quantizes them on the fly, so integer kernels do the maths. No samples needed.', {
        id: 'quantize.method.dynamic.explain',
      }),
    options: [],
  },
  {
    mode: 'static',
    title: () => msg('Static int8', { id: 'quantize.method.static' }),
    explain: () =>
      msg(str`Weights int8; activation ranges are fixed ahead of time by running representative drawings through the fp32 model (calibration). Needs at least ${MIN_CALIBRATION} drawings like the real ones.`, { id: 'quantize.method.static.explain' }),
    options: [{ kind: 'calibration-data' }],
  },
];

/** Where calibration inputs come from: a drawing set of the lab, or .npy files the user chose. */
export type CalibrationSource = { origin: SampleOrigin } | { origin: 'npy'; files: readonly CalibrationFile[] };

/** What the panel asks the page to make: a method and the values of its options. */
export interface QuantizeRequest {
  method: QuantizeMethod;
  /** Set when the method has a `calibration-data` option. */
  calibration?: CalibrationSource;
}
