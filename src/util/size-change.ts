/**
 * A size change in words: 1237 → 479 bytes is "2.58× smaller", 479 → 1237 is "2.58× larger" (a tiny model
 * grows when quantizing: each weight gains a scale and zero point), equal sizes "the same size".
 * The factor is always ≥ 1, so it reads the same way whichever direction the bytes moved.
 */
export function describeSizeChange(bytesBefore: number, bytesAfter: number): string {
  if (!(bytesBefore > 0) || !(bytesAfter > 0)) return 'size unknown';
  if (bytesBefore === bytesAfter) return 'the same size';
  return bytesAfter < bytesBefore ? `${(bytesBefore / bytesAfter).toFixed(2)}× smaller` : `${(bytesAfter / bytesBefore).toFixed(2)}× larger`;
}
