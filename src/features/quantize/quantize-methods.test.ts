import { describe, expect, it } from 'vitest';
import { modeName } from './lab-variants';
import { QUANTIZE_METHODS } from './quantize-methods';

describe('quantize methods offered by the lab', () => {
  it('each has its own mode, a title, an explanation and a name for the variants it makes', () => {
    const modes = QUANTIZE_METHODS.map((m) => m.mode);
    expect(new Set(modes).size).toBe(modes.length);
    for (const method of QUANTIZE_METHODS) {
      expect(method.title().length, method.mode).toBeGreaterThan(3);
      expect(method.explain().length, method.mode).toBeGreaterThan(20);
      // A method added without a name in modeName() would show its bare id ("fp16") under the variant.
      expect(modeName(method.mode), method.mode).not.toBe(method.mode);
    }
  });

  it('only static int8 asks for calibration data', () => {
    const calibrated = QUANTIZE_METHODS.filter((m) => m.options.some((o) => o.kind === 'calibration-data')).map((m) => m.mode);
    expect(calibrated).toEqual(['static']);
  });
});
