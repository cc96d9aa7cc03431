/**
 * A cheap check that a file is a whole ONNX model, reading only a few bytes at each top-level field: the ModelProto
 * must parse as protobuf to the last byte (a truncated copy fails) and hold ir_version (field 1), graph (7) and
 * opset_import (8). Field numbers: onnx/onnx.proto, message ModelProto; wire format:
 * https://protobuf.dev/programming-guides/encoding/. The graph itself is not decoded, so a 500 MB model costs as
 * little as a 5 kB one.
 */

/** Reads bytes [start, end) of the file (fewer at its end). */
export type ByteReader = (start: number, end: number) => Promise<Uint8Array>;

/** Why a file is not an ONNX model, in short English words (shown after the file name). */
export type OnnxProblem = 'not protobuf' | 'cut short' | 'no graph or opset';

const REQUIRED_FIELDS = [1, 7, 8];
/** A key and a length are at most 10 bytes each as varints. */
const HEAD_BYTES = 20;

/** Reads a varint at `at`; undefined when it does not end within the bytes given or is longer than 10 bytes. */
function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return { value, next: i + 1 };
  }
  return undefined;
}

/** Undefined when the file looks like a whole ONNX model; else what is wrong. */
export async function checkOnnx(read: ByteReader, size: number): Promise<OnnxProblem | undefined> {
  if (size === 0) return 'not protobuf';
  const seen = new Set<number>();
  let pos = 0;
  while (pos < size) {
    const head = await read(pos, Math.min(size, pos + HEAD_BYTES));
    const key = readVarint(head, 0);
    if (!key) return pos + head.length >= size ? 'cut short' : 'not protobuf';
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field === 0) return 'not protobuf';
    let next: number;
    if (wire === 0) {
      const value = readVarint(head, key.next);
      if (!value) return pos + head.length >= size ? 'cut short' : 'not protobuf';
      next = pos + value.next;
    } else if (wire === 1 || wire === 5) {
      next = pos + key.next + (wire === 1 ? 8 : 4);
    } else if (wire === 2) {
      const length = readVarint(head, key.next);
      if (!length) return pos + head.length >= size ? 'cut short' : 'not protobuf';
      next = pos + length.next + length.value;
    } else {
      return 'not protobuf';
    }
    if (next > size) return 'cut short';
    seen.add(field);
    pos = next;
  }
  return REQUIRED_FIELDS.every((f) => seen.has(f)) ? undefined : 'no graph or opset';
}

/** A `ByteReader` over bytes in memory (tests, and files already read). */
export function bytesReader(bytes: Uint8Array): ByteReader {
  return async (start, end) => bytes.subarray(start, end);
}
