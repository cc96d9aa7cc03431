import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMany } from 'idb-keyval';
import { idbStore, StorageFullError } from './idb-store';
import { rasteriseStrokes } from '../sketch';
import { toQuickDrawStrokes } from '../sketch/sketchpad';
import { clearLabelledDrawings, DRAWINGS_DB, listLabelledDrawings, saveLabelledDrawing } from './drawing-store';

const drawing = (target: string, createdAt: number) => ({
  target,
  outcome: 'recognised' as const,
  guess: { label: target, probability: 0.9 },
  strokes: [[{ x: 1, y: 2 }, { x: 3, y: 4 }]],
  strokeSpace: 'sketch' as const,
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

  it('drawings stored by versions before sketch units (canvas pixels, no strokeSpace) still load, marked as CSS pixels', async () => {
    await clearLabelledDrawings();
    const strokes = [[{ x: 40, y: 40 }, { x: 300, y: 40 }, { x: 300, y: 300 }]];
    const { strokeSpace: _, ...rest } = drawing('circle', 5);
    const old = { ...rest, id: 'old-1', strokes, bitmap: rasteriseStrokes(toQuickDrawStrokes(strokes))! };
    await setMany([[old.id, old]], idbStore(DRAWINGS_DB, 'labelled').use);
    const [loaded] = await listLabelledDrawings();
    expect(loaded).toMatchObject({ id: 'old-1', target: 'circle', strokeSpace: 'css-px', strokes: old.strokes });
    // The same drawing in sketch units rasterises to the same model input (cropped to the ink, scaled).
    const inSketchUnits = old.strokes.map((s) => s.map((p) => ({ x: (p.x * 1000) / 560, y: (p.y * 1000) / 560 })));
    const again = rasteriseStrokes(toQuickDrawStrokes(inSketchUnits))!;
    expect(Math.max(...again.map((v, i) => Math.abs(v - loaded!.bitmap[i]!)))).toBeLessThanOrEqual(1);
  });
});
