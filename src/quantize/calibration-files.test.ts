import { describe, expect, it } from 'vitest';
import { calibrationSamplesFromNpy } from './calibration-files';
import { typedNpy, uint8Npy } from '../sketch/testing/npy-fixture';
import { DataType } from './tensor';
import type { ModelInput } from './model-info';
import type { TensorValue } from '../types/tensor';

/** The float32 values of a sample's tensor. */
const values = (tensor: TensorValue): number[] => Array.from(tensor.data as Float32Array);

const image: ModelInput = { name: 'input', dims: [null, 1, 2, 2], elemType: DataType.FLOAT };
const tokens: ModelInput = { name: 'features', dims: [null, null, 3], elemType: DataType.FLOAT };
const mask: ModelInput = { name: 'mask', dims: [1, 4], elemType: DataType.FLOAT };

describe('calibrationSamplesFromNpy', () => {
  it('reads every uint8 file of a single-input model as rows of that input, scaled by 1/255', () => {
    const files = [
      { name: 'cat.npy', bytes: uint8Npy([2, 4], [0, 255, 51, 102, 1, 2, 3, 4]) },
      { name: 'dog.npy', bytes: uint8Npy([1, 4], [255, 0, 0, 0]) },
    ];
    const samples = calibrationSamplesFromNpy(files, [image]);
    expect(samples).toHaveLength(3);
    expect(samples[0].input.dims).toEqual([1, 1, 2, 2]);
    expect(values(samples[0].input)).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    expect(values(samples[2].input)).toEqual([1, 0, 0, 0]);
  });

  it('takes at most `rows` rows per file for the single-input set of files, and honours inputScale', () => {
    const files = [{ name: 'a.npy', bytes: uint8Npy([3, 4], new Array(12).fill(2)) }];
    const samples = calibrationSamplesFromNpy(files, [image], { rows: 2, inputScale: 0.5 });
    expect(samples).toHaveLength(2);
    expect(values(samples[1].input)).toEqual([1, 1, 1, 1]);
  });

  it('feeds one file per input, row i of each file being sample i; float32 is used as stored', () => {
    const features = Float32Array.from({ length: 2 * 6 }, (_, i) => i - 5.5);
    const files = [
      { name: 'features.npy', bytes: typedNpy('<f4', [2, 2, 3], features) },
      { name: 'mask.npy', bytes: typedNpy('<f8', [2, 4], Float64Array.of(1, 1, 0, 0, 1, 0, 0, 0)) },
    ];
    const samples = calibrationSamplesFromNpy(files, [tokens, mask]);
    expect(samples).toHaveLength(2);
    // The symbolic sequence length is solved from the row size: 6 values / 3 features = 2 tokens.
    expect(samples[1].features.dims).toEqual([1, 2, 3]);
    expect(values(samples[1].features)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(samples[1].mask.dims).toEqual([1, 4]);
    expect(values(samples[1].mask)).toEqual([1, 0, 0, 0]);
  });

  it.each([
    ['|i1', Int8Array.of(-3, 4, 5, -6)],
    ['<i2', Int16Array.of(-3, 4, 5, -6)],
    ['<i4', Int32Array.of(-3, 4, 5, -6)],
  ] as const)('converts %s rows to float32 unscaled', (descr, stored) => {
    const samples = calibrationSamplesFromNpy([{ name: 'input.npy', bytes: typedNpy(descr, [1, 4], stored) }], [image]);
    expect(values(samples[0].input)).toEqual([-3, 4, 5, -6]);
  });

  it('notes that uint8 data gives only non-negative values, and stays quiet for float data', () => {
    const notes: string[] = [];
    calibrationSamplesFromNpy([{ name: 'a.npy', bytes: uint8Npy([1, 4], [1, 2, 3, 4]) }], [image], { onNote: (n) => notes.push(n) });
    expect(notes.join()).toMatch(/"input" calibrated from uint8 data: values in \[0, 1\] only/);
    notes.length = 0;
    calibrationSamplesFromNpy([{ name: 'input.npy', bytes: typedNpy('<f4', [1, 4], new Float32Array(4)) }], [image], { onNote: (n) => notes.push(n) });
    expect(notes).toEqual([]);
  });

  it.each([
    ['a file that is not .npy', [{ name: 'input.txt', bytes: uint8Npy([1, 4], [1, 2, 3, 4]) }], [image], /input\.txt is not a \.npy file/],
    ['bytes that are not NumPy', [{ name: 'input.npy', bytes: new TextEncoder().encode('hello world') }], [image], /input\.npy is not a NumPy \.npy file/],
    ['an unsupported type', [{ name: 'input.npy', bytes: typedNpy('<i8', [1, 1], new BigInt64Array(1)) }], [image], /input\.npy holds int64/],
    ['a missing input file', [{ name: 'features.npy', bytes: typedNpy('<f4', [1, 3], new Float32Array(3)) }], [tokens, mask], /Missing calibration data for input "mask": give mask\.npy/],
    ['a file naming no input', [{ name: 'input.npy', bytes: uint8Npy([1, 4], [1, 2, 3, 4]) }, { name: 'extra.npy', bytes: uint8Npy([1, 4], [1, 2, 3, 4]) }], [image], /extra\.npy names no model input; the model's inputs need input\.npy/],
    ['unnamed files for a two-input model', [{ name: 'a.npy', bytes: uint8Npy([1, 4], [1, 2, 3, 4]) }], [tokens, mask], /2 inputs; give one \.npy per input, named features\.npy, mask\.npy/],
    ['rows of the wrong size', [{ name: 'input.npy', bytes: uint8Npy([1, 5], [1, 2, 3, 4, 5]) }], [image], /input\.npy: a row holds 5 values but input "input" of shape \[\?, 1, 2, 2\] needs 4/],
    ['rows that do not fill a symbolic dimension', [{ name: 'features.npy', bytes: typedNpy('<f4', [1, 4], new Float32Array(4)) }, { name: 'mask.npy', bytes: typedNpy('<f4', [1, 4], new Float32Array(4)) }], [tokens, mask], /features\.npy: a row holds 4 values, which do not fill input "features"/],
    ['different row counts between inputs', [{ name: 'features.npy', bytes: typedNpy('<f4', [2, 3], new Float32Array(6)) }, { name: 'mask.npy', bytes: typedNpy('<f4', [3, 4], new Float32Array(12)) }], [tokens, mask], /different numbers of rows \(features\.npy 2, mask\.npy 3\)/],
    ['a non-float input', [{ name: 'ids.npy', bytes: typedNpy('<i4', [1, 2], new Int32Array(2)) }], [{ name: 'ids', dims: [1, 2], elemType: 7 }], /Input "ids" is not float32/],
  ])('refuses %s with a message naming it', (_, files, inputs, message) => {
    expect(() => calibrationSamplesFromNpy(files, inputs)).toThrow(message);
    try {
      calibrationSamplesFromNpy(files, inputs);
    } catch (error) {
      expect((error as { code: string }).code).toBe('calibration-data');
    }
  });
});
