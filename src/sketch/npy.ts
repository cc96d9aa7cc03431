/** Element types read from .npy files, by NumPy name. */
export type NpyDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';
export type NpyData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** A NumPy .npy array: `data` holds the elements in C (row-major) order, in native byte order. */
export interface NpyArray {
  readonly shape: readonly number[];
  readonly dtype: NpyDtype;
  readonly data: NpyData;
}

/** A NumPy .npy array whose element type is uint8. */
export interface NpyUint8Array {
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** NumPy type codes (the `descr` without its byte-order character) → element type and size in bytes. */
const DTYPES: Record<string, { dtype: NpyDtype; size: number }> = {
  u1: { dtype: 'uint8', size: 1 },
  i1: { dtype: 'int8', size: 1 },
  i2: { dtype: 'int16', size: 2 },
  i4: { dtype: 'int32', size: 4 },
  f4: { dtype: 'float32', size: 4 },
  f8: { dtype: 'float64', size: 8 },
};

/**
 * Reads a .npy file (format versions 1–3, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html)
 * holding uint8, int8, int16, int32, float32 or float64 data in C order, either byte order.
 * `name` appears in every error so a user knows which file to fix.
 */
export function parseNpy(bytes: Uint8Array, name: string): NpyArray {
  if (bytes.length < 10 || MAGIC.some((value, i) => bytes[i] !== value)) {
    throw new Error(`${name} is not a NumPy .npy file (its first bytes are not \\x93NUMPY).`);
  }
  const major = bytes[6];
  if (major < 1 || major > 3) throw new Error(`${name} uses .npy format version ${major}, which is not supported (1–3 are).`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (dataStart > bytes.length) throw new Error(`${name} is truncated: its header runs past the end of the file.`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lengthBytes, dataStart));

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortranOrder = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortranOrder === undefined || shapeText === undefined) {
    throw new Error(`${name} has an unreadable .npy header: ${header.trim()}`);
  }
  const type = DTYPES[descr.slice(1)];
  if (!type || !'<>|='.includes(descr[0])) {
    throw new Error(`${name} holds ${describeDtype(descr)} values; uint8, int8, int16, int32, float32 or float64 are supported.`);
  }
  if (fortranOrder === 'True') throw new Error(`${name} is stored in Fortran (column-major) order; C order is needed.`);
  const shape = shapeText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(Number);
  if (shape.some((dim) => !Number.isInteger(dim) || dim < 0)) throw new Error(`${name} has an invalid shape (${shapeText}).`);
  const count = shape.reduce((product, dim) => product * dim, 1);
  if (bytes.length - dataStart < count * type.size) {
    throw new Error(
      `${name} is truncated: shape (${shape.join(', ')}) of ${type.dtype} needs ${count * type.size} bytes of data, found ${bytes.length - dataStart}.`,
    );
  }
  return { shape, dtype: type.dtype, data: readElements(view, dataStart, count, type.dtype, descr[0] !== '>') };
}

/** Copies the elements out with DataView: the data need not be aligned, and either byte order is read right. */
function readElements(view: DataView, start: number, count: number, dtype: NpyDtype, littleEndian: boolean): NpyData {
  switch (dtype) {
    case 'uint8':
      return new Uint8Array(view.buffer, view.byteOffset + start, count);
    case 'int8':
      return new Int8Array(view.buffer, view.byteOffset + start, count);
    case 'int16':
      return Int16Array.from({ length: count }, (_, i) => view.getInt16(start + i * 2, littleEndian));
    case 'int32':
      return Int32Array.from({ length: count }, (_, i) => view.getInt32(start + i * 4, littleEndian));
    case 'float32':
      return Float32Array.from({ length: count }, (_, i) => view.getFloat32(start + i * 4, littleEndian));
    case 'float64':
      return Float64Array.from({ length: count }, (_, i) => view.getFloat64(start + i * 8, littleEndian));
  }
}

/** Reads a .npy file that must hold uint8 data, the Quick, Draw! numpy_bitmap format (see `parseNpy`). */
export function parseNpyUint8(bytes: Uint8Array, name: string): NpyUint8Array {
  const array = parseNpy(bytes, name);
  if (array.dtype !== 'uint8') throw new Error(`${name} holds ${array.dtype} values; uint8 ('|u1') is needed.`);
  return { shape: array.shape, data: array.data as Uint8Array };
}

function describeDtype(descr: string): string {
  const names: Record<string, string> = { f2: 'float16', f4: 'float32', f8: 'float64', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64', u2: 'uint16', u4: 'uint32', u8: 'uint64', b1: 'bool' };
  return `${names[descr.slice(1)] ?? 'unknown'} ('${descr}')`;
}
