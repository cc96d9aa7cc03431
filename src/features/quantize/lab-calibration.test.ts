import { describe, expect, it } from 'vitest';
import { buildSmallCnn, OnnxModelBuilder } from '../../quantize/testing/model-builder';
import { typedNpy, uint8Npy } from '../../sketch/testing/npy-fixture';
import { npyCalibration } from './lab-calibration';

const sketchModel = buildSmallCnn({ classes: 4, seed: 3 });
/** Two signed inputs added: a model the sketch set cannot calibrate. */
const twoInputs = new OnnxModelBuilder(13, 4)
  .input('a', ['batch', 6])
  .input('b', ['batch', 6])
  .randomWeight('w', [6, 3], 6)
  .node('Add', ['a', 'b'], ['sum'])
  .node('MatMul', ['sum', 'w'], ['y'])
  .output('y', ['batch', 3])
  .build();

describe('npyCalibration', () => {
  it('a one-input sketch model takes any uint8 .npy files of 28×28 rows, scaled to [0, 1], with a note that they are non-negative', () => {
    const rows = 20;
    const files = [{ name: 'cats.npy', bytes: uint8Npy([rows, 784], new Uint8Array(rows * 784).fill(255)) }];
    const calibration = npyCalibration(files, sketchModel, 16);
    expect(calibration.inputs).toHaveLength(rows);
    expect(calibration.inputs[0]!.input!.dims).toEqual([1, 1, 28, 28]);
    expect(calibration.inputs[0]!.input!.data[0]).toBe(1);
    expect(calibration.description).toBe('20 rows of cats.npy');
    expect(calibration.notes[0]).toMatch(/uint8 data: values in \[0, 1\] only/);
  });

  it('a two-input model takes one float32 file per input, row i of each being sample i, signed values as stored', () => {
    const values = (sign: number) => Float32Array.from({ length: 16 * 6 }, (_, i) => sign * (i % 7) * 0.5);
    const files = [
      { name: 'a.npy', bytes: typedNpy('<f4', [16, 6], values(-1)) },
      { name: 'b.npy', bytes: typedNpy('<f4', [16, 6], values(1)) },
    ];
    const calibration = npyCalibration(files, twoInputs, 16);
    expect(calibration.inputs).toHaveLength(16);
    expect([...calibration.inputs[1]!.a!.data]).toEqual([...values(-1).slice(6, 12)]);
    expect(Math.min(...calibration.inputs.flatMap((s) => [...(s.a!.data as Float32Array)]))).toBeLessThan(0);
    expect(calibration.notes).toEqual([]);
  });

  it.each([
    ['a missing input file', [{ name: 'a.npy', bytes: typedNpy('<f4', [16, 6], new Float32Array(96)) }], twoInputs, /Missing calibration data for input "b"/],
    ['too few rows', [{ name: 'few.npy', bytes: uint8Npy([3, 784], new Uint8Array(3 * 784)) }], sketchModel, /3 samples; static calibration needs at least 16/],
    ['rows of the wrong size', [{ name: 'odd.npy', bytes: uint8Npy([16, 100], new Uint8Array(1600)) }], sketchModel, /a row holds 100 values/],
    ['not a .npy file', [{ name: 'notes.txt', bytes: new Uint8Array(4) }], sketchModel, /not a \.npy file/],
  ])('%s is refused with a message naming it', (_, files, model, message) => {
    expect(() => npyCalibration(files, model, 16)).toThrow(message);
  });
});
