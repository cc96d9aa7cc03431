/** A NumPy .npy array whose element type is uint8: `data` holds the elements in C (row-major) order. */
export interface NpyUint8Array {
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/**
 * Reads a .npy file (format versions 1–3) holding uint8 data, the Quick, Draw! numpy_bitmap format.
 * `name` appears in every error so a user knows which file to fix.
 */
export function parseNpyUint8(bytes: Uint8Array, name: string): NpyUint8Array {
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
  if (descr !== '|u1' && descr !== '<u1' && descr !== '>u1') {
    throw new Error(`${name} holds ${describeDtype(descr)} values; uint8 ('|u1') is needed.`);
  }
  if (fortranOrder === 'True') throw new Error(`${name} is stored in Fortran (column-major) order; C order is needed.`);
  const shape = shapeText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(Number);
  if (shape.some((dim) => !Number.isInteger(dim) || dim < 0)) throw new Error(`${name} has an invalid shape (${shapeText}).`);
  const count = shape.reduce((product, dim) => product * dim, 1);
  if (bytes.length - dataStart < count) {
    throw new Error(`${name} is truncated: shape (${shape.join(', ')}) needs ${count} bytes of data, found ${bytes.length - dataStart}.`);
  }
  return { shape, data: bytes.subarray(dataStart, dataStart + count) };
}

function describeDtype(descr: string): string {
  const names: Record<string, string> = { f4: 'float32', f8: 'float64', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64', u2: 'uint16', u4: 'uint32', b1: 'bool' };
  return `${names[descr.slice(1)] ?? 'unknown'} ('${descr}')`;
}
