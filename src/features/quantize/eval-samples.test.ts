import { describe, expect, it } from 'vitest';
import { bitmapToInput } from '../../sketch';
import { calibrationInputs, describeSamples, toModelSamples } from './eval-samples';

const drawing = (label: string, ink = 255) => ({ label, bitmap: new Uint8Array(784).fill(ink) });

describe('evaluation samples', () => {
  it('turns drawings into model inputs labelled with the model’s class index, and lists labels it does not know', () => {
    const { samples, unknownLabels } = toModelSamples([drawing('star'), drawing('zebra'), drawing('circle', 0), drawing('zebra')], ['circle', 'star']);
    expect(samples.map((s) => s.label)).toEqual([1, undefined, 0, undefined]);
    expect(samples[0]!.input).toEqual(bitmapToInput(new Uint8Array(784).fill(255)));
    expect(unknownLabels).toEqual(['zebra']);
  });

  it('says how many drawings of which origin and how many classes', () => {
    expect(describeSamples('synthetic', [drawing('a'), drawing('b'), drawing('a')])).toBe('3 synthetic shapes · 2 classes');
    expect(describeSamples('game', [drawing('a')])).toBe('1 Doodle Dash drawings (yours) · 1 class');
  });

  it('makes one [1, 1, 28, 28] input map per calibration drawing', () => {
    const inputs = calibrationInputs([drawing('a'), drawing('b')], 'input');
    expect(inputs).toHaveLength(2);
    expect(inputs[0]!.input).toMatchObject({ type: 'float32', dims: [1, 1, 28, 28] });
  });
});
