/**
 * The quantization methods the lab offers, as data: the quantize panel renders one choice per entry and one control
 * per option, so a method the quantizer learns is added here (plus, for a new kind of option, its control in
 * quantize-panel.ts) without touching the page.
 */
import { msg, str } from '@lit/localize';
import type { CalibrationFile } from '../../quantize/calibration-files';
import { DEFAULT_PERCENTILE, type CalibrationMethod } from '../../quantize/calibration-methods';
import { INT4_BLOCK_SIZES } from '../../quantize/int4-blocks';
import { DEFAULT_SMOOTH_QUANT_ALPHA } from '../../quantize/smooth-quant';
import type { QuantizeMode } from '../../quantize/types';
import type { VariantOptions } from '../../runtime/variant-store';
import { formatNumber } from '../../ui/format';
import type { SampleOrigin } from './eval-samples';

/** Static calibration needs this many samples (the quantizer's default minimum). */
export const MIN_CALIBRATION = 16;

/** The value each setting a method can have takes; `smoothQuant` is the panel's on/off switch for α. */
export type OptionTypes = Required<VariantOptions> & { smoothQuant: boolean };
export type OptionKey = keyof OptionTypes;
/** What the panel holds for one method: the values chosen so far (a missing key means the option's default). */
export type OptionValues = Partial<OptionTypes>;

/** An option shown only while another option of the same method has this value (α only with SmoothQuant on). */
type ShownWhen = { [K in OptionKey]: { key: K; value: OptionTypes[K] } }[OptionKey];

type ChoiceOption<K extends OptionKey> = {
  kind: 'choice';
  key: K;
  label: () => string;
  values: readonly { value: OptionTypes[K]; label: () => string }[];
  default: OptionTypes[K];
  /** One line under the control, in plain words. */
  hint?: () => string;
  shownWhen?: ShownWhen;
};

/** Settings taken as any number in a range (the others are choices). */
type NumberKey = 'percentile' | 'smoothQuantAlpha';

type NumberOption = {
  kind: 'number';
  key: NumberKey;
  label: () => string;
  /** Inclusive bounds the value is checked against before the worker is asked. */
  min: number;
  max: number;
  step: number;
  default: number;
  hint?: () => string;
  shownWhen?: ShownWhen;
};

/**
 * A control a method shows under its choice. Kinds:
 * - `calibration-data`: where the representative inputs come from (a drawing set, or imported .npy files);
 * - `choice`: one of a few values (a select), e.g. int4 block size 32 / 64 / 128;
 * - `number`: a value in [min, max] (a number field), e.g. SmoothQuant α.
 */
export type MethodOption =
  | { kind: 'calibration-data' }
  | { [K in OptionKey]: ChoiceOption<K> }[OptionKey]
  | NumberOption;

export interface QuantizeMethod {
  /** What the quantize worker runs (`QuantizeOptions.mode`); also the stored variant's `mode`. */
  mode: QuantizeMode;
  /** Name and one-paragraph explanation, in the interface language (called at render time). */
  title: () => string;
  explain: () => string;
  options: readonly MethodOption[];
}

const CALIBRATION_CHOICES: readonly { value: CalibrationMethod; label: () => string }[] = [
  { value: 'minmax', label: () => msg('min-max (every value seen)', { id: 'quantize.option.minmax' }) },
  { value: 'percentile', label: () => msg('percentile (drop the rarest extremes)', { id: 'quantize.option.percentile' }) },
  { value: 'entropy', label: () => msg('entropy (KL divergence)', { id: 'quantize.option.entropy' }) },
  { value: 'mse', label: () => msg('MSE (least squared error)', { id: 'quantize.option.mse' }) },
];

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
    options: [
      { kind: 'calibration-data' },
      {
        kind: 'choice',
        key: 'calibrationMethod',
        label: () => msg('Activation ranges', { id: 'quantize.option.calibrationMethod' }),
        values: CALIBRATION_CHOICES,
        default: 'minmax',
        hint: () =>
          msg('Min-max keeps every value the drawings produced, so one outlier widens the int8 steps for all. The others clip the range: at a percentile, or where the fewest values are lost (entropy) or the squared error is least (MSE).', {
            id: 'quantize.option.calibrationMethod.hint',
          }),
      },
      {
        kind: 'number',
        key: 'percentile',
        label: () => msg('Percentile kept', { id: 'quantize.option.percentileValue' }),
        min: 90,
        max: 100,
        step: 0.01,
        default: DEFAULT_PERCENTILE,
        shownWhen: { key: 'calibrationMethod', value: 'percentile' },
      },
      {
        kind: 'choice',
        key: 'smoothQuant',
        label: () => msg('SmoothQuant', { id: 'quantize.option.smoothQuant' }),
        values: [
          { value: false, label: () => msg('off', { id: 'quantize.option.off' }) },
          { value: true, label: () => msg('on', { id: 'quantize.option.on' }) },
        ],
        default: false,
        hint: () =>
          msg('Moves part of the range of large activation channels into the weights of the MatMul or Gemm that reads them, so both quantize with finer steps. Only where an operator before them can take the factors; the lab says why when none can.', {
            id: 'quantize.option.smoothQuant.hint',
          }),
      },
      {
        kind: 'number',
        key: 'smoothQuantAlpha',
        label: () => msg('SmoothQuant α (0 = leave activations, 1 = move all to weights)', { id: 'quantize.option.alpha' }),
        min: 0,
        max: 1,
        step: 0.05,
        default: DEFAULT_SMOOTH_QUANT_ALPHA,
        shownWhen: { key: 'smoothQuant', value: true },
      },
    ],
  },
  {
    mode: 'fp16',
    title: () => msg('fp16 (half precision)', { id: 'quantize.method.fp16' }),
    explain: () =>
      msg('Weights and most of the maths in 16-bit floats: the file is about half the size and results barely change. Operators without a float16 kernel stay float32. No samples needed.', {
        id: 'quantize.method.fp16.explain',
      }),
    options: [],
  },
  {
    mode: 'int4',
    title: () => msg('Weight-only int4 in blocks', { id: 'quantize.method.int4' }),
    explain: () =>
      msg('Weights in 4 bits with one scale per block of weights: about 6× smaller than fp32, with a larger accuracy loss than int8. Smaller blocks follow the weights more closely but store more scales. Activations stay float; no samples needed.', {
        id: 'quantize.method.int4.explain',
      }),
    options: [
      {
        kind: 'choice',
        key: 'blockSize',
        label: () => msg('Block size', { id: 'quantize.option.blockSize' }),
        values: INT4_BLOCK_SIZES.map((size) => ({ value: size, label: () => msg(str`${size} weights`, { id: 'quantize.option.blockSizeValue' }) })),
        default: 32,
      },
      {
        kind: 'choice',
        key: 'symmetric',
        label: () => msg('Zero point', { id: 'quantize.option.symmetric' }),
        values: [
          { value: true, label: () => msg('symmetric (none)', { id: 'quantize.option.symmetricValue' }) },
          { value: false, label: () => msg('asymmetric (one per block)', { id: 'quantize.option.asymmetricValue' }) },
        ],
        default: true,
        hint: () =>
          msg('Asymmetric blocks fit weights that lean to one side, at the cost of a 4-bit zero point per block.', { id: 'quantize.option.symmetric.hint' }),
      },
    ],
  },
  {
    mode: 'palette',
    title: () => msg('Palettization (weight clustering)', { id: 'quantize.method.palette' }),
    explain: () =>
      msg('Each weight tensor keeps a small table of values found by k-means, and each weight only the index of its value: 4-bit is about 8× smaller than fp32. The runtime rebuilds float weights when it loads, so memory and speed stay those of fp32; no samples needed.', {
        id: 'quantize.method.palette.explain',
      }),
    options: [
      {
        kind: 'choice',
        key: 'bits',
        label: () => msg('Table', { id: 'quantize.option.bits' }),
        values: [
          { value: 4, label: () => msg('4-bit: 16 values', { id: 'quantize.option.bits4' }) },
          { value: 6, label: () => msg('6-bit: 64 values (8 bits per index in the file)', { id: 'quantize.option.bits6' }) },
        ],
        default: 4,
      },
    ],
  },
];

/** The value of `key` in `method`: the one chosen, else the default of the method's option for it. */
export function optionValue<K extends OptionKey>(method: QuantizeMethod, key: K, values: OptionValues): OptionTypes[K] | undefined {
  const option = method.options.find((o) => o.kind !== 'calibration-data' && o.key === key) as { default: OptionTypes[K] } | undefined;
  return values[key] ?? option?.default;
}

/** Whether `option` shows (and counts) with the method's current `values`. */
export function optionShown(method: QuantizeMethod, option: MethodOption, values: OptionValues): boolean {
  if (option.kind === 'calibration-data' || !option.shownWhen) return true;
  return optionValue(method, option.shownWhen.key, values) === option.shownWhen.value;
}

/**
 * The settings a request carries for `method`: each shown option's value (its default when unset), without the
 * panel's SmoothQuant switch (α is only there while it is on). Throws an Error saying which number is out of range.
 */
export function requestOptions(method: QuantizeMethod, values: OptionValues): VariantOptions {
  const chosen: Record<string, unknown> = {};
  for (const option of method.options) {
    if (option.kind === 'calibration-data' || !optionShown(method, option, values)) continue;
    const value = optionValue(method, option.key, values);
    if (option.kind === 'number' && !(typeof value === 'number' && value >= option.min && value <= option.max)) {
      const name = option.label();
      const min = formatNumber(option.min);
      const max = formatNumber(option.max);
      throw new Error(msg(str`${name} must be a number from ${min} to ${max}.`, { id: 'quantize.option.outOfRange' }));
    }
    if (option.key !== 'smoothQuant') chosen[option.key] = value;
  }
  return chosen as VariantOptions;
}

/** Where calibration inputs come from: a drawing set of the lab, or .npy files the user chose. */
export type CalibrationSource = { origin: SampleOrigin } | { origin: 'npy'; files: readonly CalibrationFile[] };

/** What the panel asks the page to make: a method and the values of its options. */
export interface QuantizeRequest {
  method: QuantizeMethod;
  /** Set when the method has a `calibration-data` option. */
  calibration?: CalibrationSource;
  /** The method's settings (`requestOptions`); stored with the variant. */
  options: VariantOptions;
}
