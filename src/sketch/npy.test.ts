import { describe, expect, it } from 'vitest';
import { parseNpyUint8 } from './npy';
import { npyBytes as npy, uint8Npy } from './testing/npy-fixture';

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
