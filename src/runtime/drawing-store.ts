// The round's drawings with their targets, kept in IndexedDB as labelled data for the quantization lab
// (calibration and accuracy samples). The label is the target the player was asked to draw.
import { entries } from 'idb-keyval';
import { clearEntries, idbStore, writeEntries } from './idb-store';
import type { LabelledDrawing } from '../sketch/labelled-drawing';

export const DRAWINGS_DB = 'mlwb-doodle-drawings';
const drawings = idbStore(DRAWINGS_DB, 'labelled');

/** Keeps one drawing; throws `StorageFullError` (src/runtime/idb-store.ts) when the browser's storage is full. */
export async function saveLabelledDrawing(drawing: Omit<LabelledDrawing, 'id'>): Promise<LabelledDrawing> {
  const id = `${drawing.createdAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const record = { ...drawing, id };
  await writeEntries(drawings, [[id, record]], {
    what: `your drawing of ${drawing.target}`,
    bytes: drawing.bitmap.byteLength + JSON.stringify(drawing.strokes).length,
    meanwhile: 'the round goes on, but the quantization lab will not have this drawing',
  });
  return record;
}

/** Every stored drawing, oldest first. */
export async function listLabelledDrawings(): Promise<LabelledDrawing[]> {
  const all = await entries<string, Omit<LabelledDrawing, 'strokeSpace'> & Partial<Pick<LabelledDrawing, 'strokeSpace'>>>(drawings.use);
  return all.map(([, value]) => ({ ...value, strokeSpace: value.strokeSpace ?? 'css-px' })).sort((a, b) => a.createdAt - b.createdAt);
}

export async function clearLabelledDrawings(): Promise<void> {
  await clearEntries(drawings);
}
