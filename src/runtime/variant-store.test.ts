import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransformersCache } from './cache';
import { StorageFullError } from './idb-store';
import { deleteVariant, listVariants, newVariant, saveVariant } from './variant-store';

afterEach(() => vi.restoreAllMocks());

describe('variant store', () => {
  it('keeps quantized variants with their bytes, oldest first, until deleted', async () => {
    const options = { calibrationMethod: 'entropy', smoothQuantAlpha: 0.5 } as const;
    const later = await saveVariant(newVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'static', bytes: Uint8Array.of(1, 2, 3), calibratedOn: '16 drawings', options, createdAt: 20 }));
    await saveVariant(newVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'dynamic', bytes: Uint8Array.of(9), createdAt: 10 }));
    const listed = await listVariants();
    expect(listed.map((v) => v.mode)).toEqual(['dynamic', 'static']);
    expect([...listed[1]!.bytes]).toEqual([1, 2, 3]);
    expect(listed[1]!.options).toEqual(options);
    await deleteVariant(later.id);
    expect((await listVariants()).map((v) => v.mode)).toEqual(['dynamic']);
  });

  it('a full disk refuses a variant with a StorageFullError naming its size and the cached models and variants that could go', async () => {
    const cache = createTransformersCache({ modelId: 'org/cached', root: 'http://hub.test/org/cached/', expectedSha256: {} }, { hit() {}, notice() {} });
    await cache.put('http://hub.test/org/cached/onnx/model.onnx', new Response(new Uint8Array(5000)));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const variant = newVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'int4', options: { blockSize: 32, symmetric: true }, bytes: new Uint8Array(340_000), createdAt: 30 });
    const saving = saveVariant(variant);
    await expect(saving).rejects.toBeInstanceOf(StorageFullError);
    await expect(saving).rejects.toThrow(
      'Browser storage is full: doodle-cnn int4-b32-sym (made here) needs 340 kB more, so it is kept on this page until you leave it (download it to keep it). Deleting org/cached (5.0 kB) on the Models page or doodle-cnn dynamic-int8 (1 B) in the Quantize lab would make room.',
    );
    vi.restoreAllMocks();
    expect((await listVariants()).map((v) => v.id)).not.toContain(variant.id);
  });
});
