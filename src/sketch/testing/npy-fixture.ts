/** Builds .npy bytes the way NumPy writes them (header padded to a 64-byte boundary), for tests. */
export function npyBytes(header: string, data: ArrayLike<number>, version = 1): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  const padded = header.padEnd(Math.ceil((prefix + header.length + 1) / 64) * 64 - prefix - 1, ' ') + '\n';
  const bytes = new Uint8Array(prefix + padded.length + data.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(bytes.buffer);
  if (version === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  bytes.set(new TextEncoder().encode(padded), prefix);
  bytes.set(data, prefix + padded.length);
  return bytes;
}

/** A uint8 array of the given shape as .npy bytes. */
export function uint8Npy(shape: readonly number[], data: ArrayLike<number>): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  return npyBytes(`{'descr': '|u1', 'fortran_order': False, 'shape': (${dims}), }`, data);
}

/** A typed array of the given shape as little-endian .npy bytes (`descr` e.g. '<f4' for a Float32Array). */
export function typedNpy(descr: string, shape: readonly number[], values: ArrayBufferView): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  return npyBytes(`{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}
