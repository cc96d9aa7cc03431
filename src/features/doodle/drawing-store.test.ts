import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageFullError } from '../../runtime/idb-store';
import { clearLabelledDrawings, listLabelledDrawings, saveLabelledDrawing } from './drawing-store';

const drawing = (target: string, createdAt: number) => ({
  target,
  outcome: 'recognised' as const,
  guess: { label: target, probability: 0.9 },
  strokes: [[{ x: 1, y: 2 }, { x: 3, y: 4 }]],
  bitmap: new Uint8Array(784).fill(7),
  model: 'doodle-cnn/fp32',
  createdAt,
});

afterEach(() => vi.restoreAllMocks());

describe('labelled drawing store', () => {
  it('keeps drawings with target, guess, strokes and bitmap, oldest first, until cleared', async () => {
    await saveLabelledDrawing(drawing('star', 20));
    await saveLabelledDrawing(drawing('fish', 10));
    const listed = await listLabelledDrawings();
    expect(listed.map((d) => d.target)).toEqual(['fish', 'star']);
    expect(listed[0]!.strokes).toEqual([[{ x: 1, y: 2 }, { x: 3, y: 4 }]]);
    expect(Array.from(listed[0]!.bitmap.slice(0, 3))).toEqual([7, 7, 7]);
    expect(listed[0]!.bitmap).toHaveLength(784);
    await clearLabelledDrawings();
    expect(await listLabelledDrawings()).toEqual([]);
  });

  it('a full disk refuses a drawing with a StorageFullError that says the round goes on', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const saving = saveLabelledDrawing(drawing('star', 30));
    await expect(saving).rejects.toBeInstanceOf(StorageFullError);
    await expect(saving).rejects.toThrow(/^Browser storage is full: your drawing of star needs .* more, so the round goes on/);
  });
});
