import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteVariant, listVariants, saveVariant } from './variant-store';

describe('variant store', () => {
  it('keeps quantized variants with their bytes, oldest first, until deleted', async () => {
    const later = await saveVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'static', bytes: Uint8Array.of(1, 2, 3), calibratedOn: '16 drawings', createdAt: 20 });
    await saveVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'dynamic', bytes: Uint8Array.of(9), createdAt: 10 });
    const listed = await listVariants();
    expect(listed.map((v) => v.mode)).toEqual(['dynamic', 'static']);
    expect([...listed[1]!.bytes]).toEqual([1, 2, 3]);
    await deleteVariant(later.id);
    expect((await listVariants()).map((v) => v.mode)).toEqual(['dynamic']);
  });
});
