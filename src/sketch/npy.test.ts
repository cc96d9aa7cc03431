import { describe, expect, it } from 'vitest';
import { parseNpy, parseNpyUint8 } from './npy';
import { npyBytes as npy, typedNpy, uint8Npy } from './testing/npy-fixture';

describe('parseNpyUint8', () => {
  it('reads shape and row-major data of a uint8 array', () => {
    const parsed = parseNpyUint8(uint8Npy([2, 3], [1, 2, 3, 4, 5, 6]), 'a.npy');
    expect(parsed.shape).toEqual([2, 3]);
    expect(Array.from(parsed.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads format version 2 headers', () => {
    const parsed = parseNpyUint8(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }", [7, 8, 9], 2), 'b.npy');
    expect(parsed.shape).toEqual([3]);
  });

  it('names the file and the problem for bad input', () => {
    expect(() => parseNpyUint8(new TextEncoder().encode('hello world'), 'x.npy')).toThrow(/x\.npy is not a NumPy \.npy file/);
    expect(() => parseNpyUint8(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", [0, 0, 0, 0]), 'f.npy')).toThrow(/f\.npy holds float32/);
    expect(() => parseNpyUint8(npy("{'descr': '|u1', 'fortran_order': True, 'shape': (1,), }", [0]), 'o.npy')).toThrow(/o\.npy is stored in Fortran/);
    expect(() => parseNpyUint8(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }", [1, 2]), 't.npy')).toThrow(/t\.npy is truncated/);
  });
});

describe('parseNpy', () => {
  it.each([
    ['<f4', 'float32', Float32Array.of(-1.5, 0, 2.25)],
    ['<f8', 'float64', Float64Array.of(-1.5, 0, 2.25)],
    ['|i1', 'int8', Int8Array.of(-128, 0, 127)],
    ['<i2', 'int16', Int16Array.of(-300, 0, 300)],
    ['<i4', 'int32', Int32Array.of(-70000, 0, 70000)],
  ] as const)('reads %s as %s values', (descr, dtype, values) => {
    const parsed = parseNpy(typedNpy(descr, [3], values), 'v.npy');
    expect(parsed.dtype).toBe(dtype);
    expect(Array.from(parsed.data)).toEqual(Array.from(values));
  });

  it('reads big-endian float32', () => {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat32(0, 1.5, false);
    new DataView(bytes.buffer).setFloat32(4, -2, false);
    expect(Array.from(parseNpy(npy("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", bytes), 'b.npy').data)).toEqual([1.5, -2]);
  });

  it('names the unsupported type', () => {
    expect(() => parseNpy(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8)), 'l.npy')).toThrow(/l\.npy holds int64/);
  });
});
