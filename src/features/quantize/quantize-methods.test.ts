import { describe, expect, it } from 'vitest';
import { formatTag, type StoredVariant } from '../../runtime/variant-store';
import { formatName, modeName } from '../../ui/variant-name';
import { workerOptions } from './lab-quantize';
import { QUANTIZE_METHODS, requestOptions, type MethodOption, type OptionValues, type QuantizeMethod } from './quantize-methods';

const method = (mode: StoredVariant['mode']): QuantizeMethod => QUANTIZE_METHODS.find((m) => m.mode === mode)!;

/** Every combination of a method's choices, with each number option at two values inside its range. */
function allSettings(m: QuantizeMethod): OptionValues[] {
  let combos: OptionValues[] = [{}];
  for (const option of m.options as readonly MethodOption[]) {
    if (option.kind === 'calibration-data') continue;
    const values = option.kind === 'choice' ? option.values.map((v) => v.value) : [option.min + option.step, option.max];
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [option.key]: v })));
  }
  return combos;
}

describe('quantize methods offered by the lab', () => {
  it('offers every method the quantizer has, each with a title, an explanation and a name of its own for its variants', () => {
    expect(QUANTIZE_METHODS.map((m) => m.mode)).toEqual(['weight-only', 'dynamic', 'static', 'fp16', 'int4', 'palette']);
    for (const m of QUANTIZE_METHODS) {
      expect(m.title().length, m.mode).toBeGreaterThan(3);
      expect(m.explain().length, m.mode).toBeGreaterThan(20);
    }
    const names = QUANTIZE_METHODS.map((m) => modeName(m.mode));
    expect(new Set(names).size).toBe(names.length);
  });

  it('only static int8 asks for calibration data', () => {
    const calibrated = QUANTIZE_METHODS.filter((m) => m.options.some((o) => o.kind === 'calibration-data')).map((m) => m.mode);
    expect(calibrated).toEqual(['static']);
  });

  it("requests each method's defaults when nothing was changed", () => {
    expect(requestOptions(method('weight-only'), {})).toEqual({});
    expect(requestOptions(method('fp16'), {})).toEqual({});
    expect(requestOptions(method('static'), {})).toEqual({ calibrationMethod: 'minmax' });
    expect(requestOptions(method('int4'), {})).toEqual({ blockSize: 32, symmetric: true });
    expect(requestOptions(method('palette'), {})).toEqual({ bits: 4 });
  });

  it('carries a setting only while it applies: the percentile with the percentile method, α with SmoothQuant on', () => {
    const staticInt8 = method('static');
    expect(requestOptions(staticInt8, { percentile: 99.9 })).toEqual({ calibrationMethod: 'minmax' });
    expect(requestOptions(staticInt8, { calibrationMethod: 'percentile' })).toEqual({ calibrationMethod: 'percentile', percentile: 99.99 });
    expect(requestOptions(staticInt8, { calibrationMethod: 'percentile', percentile: 99.9 })).toEqual({ calibrationMethod: 'percentile', percentile: 99.9 });
    expect(requestOptions(staticInt8, { smoothQuantAlpha: 0.8 })).toEqual({ calibrationMethod: 'minmax' });
    expect(requestOptions(staticInt8, { calibrationMethod: 'entropy', smoothQuant: true })).toEqual({ calibrationMethod: 'entropy', smoothQuantAlpha: 0.5 });
    expect(requestOptions(staticInt8, { smoothQuant: true, smoothQuantAlpha: 0.8 })).toEqual({ calibrationMethod: 'minmax', smoothQuantAlpha: 0.8 });
    expect(workerOptions({ calibrationMethod: 'mse', smoothQuantAlpha: 0.8 })).toEqual({ calibrationMethod: 'mse', smoothQuant: { alpha: 0.8 } });
    expect(workerOptions({ blockSize: 64, symmetric: false })).toEqual({ blockSize: 64, symmetric: false, smoothQuant: undefined });
  });

  it('refuses a number outside its range or an empty field with a message naming the setting and the range', () => {
    const staticInt8 = method('static');
    expect(() => requestOptions(staticInt8, { smoothQuant: true, smoothQuantAlpha: 1.5 })).toThrow(/^SmoothQuant α .* must be a number from 0 to 1\.$/);
    expect(() => requestOptions(staticInt8, { smoothQuant: true, smoothQuantAlpha: Number.NaN })).toThrow('must be a number from 0 to 1');
    expect(() => requestOptions(staticInt8, { calibrationMethod: 'percentile', percentile: 100.5 })).toThrow('Percentile kept must be a number from 90 to 100.');
  });

  it('names every combination of settings differently, in words and in the download tag', () => {
    for (const m of QUANTIZE_METHODS) {
      const variants = allSettings(m).map((values) => ({ mode: m.mode, options: requestOptions(m, values) }));
      const distinct = new Set(variants.map((v) => JSON.stringify(v.options))).size;
      expect(new Set(variants.map(formatName)).size, m.mode).toBe(distinct);
      expect(new Set(variants.map(formatTag)).size, m.mode).toBe(distinct);
      for (const v of variants) expect(formatTag(v), JSON.stringify(v)).toMatch(/^[a-z0-9.-]+$/);
    }
  });
});
