/**
 * Models the user made or brought into the lab, kept in IndexedDB (`mlwb-variants`) so they survive a reload:
 * variants quantized there, and fp32 .onnx files the user opened to quantize. The lab makes and deletes them; the game
 * plays them (its model menu lists them). Writes go through the app's one IndexedDB write path (src/runtime/idb-store.ts).
 */
import { entries, get } from 'idb-keyval';
import { deleteEntries, idbStore, registerSpaceUsers, writeEntries } from './idb-store';
import type { QuantizeMode, SelfCheckResult } from '../quantize/types';

export interface StoredVariant {
  id: string;
  /** The model it belongs to: a catalog id, or `file:<id>` for a model the user opened. */
  modelId: string;
  name: string;
  /** How it was made; 'opened' for a float model the user opened from a file. */
  mode: QuantizeMode | 'opened';
  bytes: Uint8Array;
  /** Which samples calibrated a static variant, in words. */
  calibratedOn?: string;
  /** What the quantizer's self-check measured on this variant (max error against its int8 bound). */
  selfCheck?: SelfCheckResult;
  createdAt: number;
}

export const VARIANTS_DB = 'mlwb-variants';
const variants = idbStore(VARIANTS_DB, 'variants');

/** "doodle-cnn static int8", "mine.onnx fp32": how the quota message names a stored variant. */
export function variantLabel(variant: Pick<StoredVariant, 'name' | 'mode'>): string {
  return `${variant.name} ${variant.mode === 'opened' ? 'fp32' : `${variant.mode} int8`}`;
}

// Stored variants are worth deleting when the disk is full: the quota message lists them beside cached models.
registerSpaceUsers(async () => (await listVariants()).map((v) => ({ name: variantLabel(v), bytes: v.bytes.byteLength, where: 'in the Quantize lab' })));

/** A fresh id for a variant made now; the variant is only kept once `saveVariant` succeeds. */
export function newVariant(variant: Omit<StoredVariant, 'id'>): StoredVariant {
  return { ...variant, id: `${variant.createdAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}` };
}

/**
 * Keeps `variant` in IndexedDB. Throws `StorageFullError` (src/runtime/idb-store.ts) when it does not fit; the
 * caller still holds the variant and can use or download it.
 */
export async function saveVariant(variant: StoredVariant): Promise<StoredVariant> {
  await writeEntries(variants, [[variant.id, variant]], {
    what: `${variantLabel(variant)} (${variant.mode === 'opened' ? 'your model' : 'made here'})`,
    bytes: variant.bytes.byteLength,
    meanwhile: 'it is kept on this page until you leave it (download it to keep it)',
  });
  return variant;
}

/** Every stored variant, oldest first. */
export async function listVariants(): Promise<StoredVariant[]> {
  const all = await entries<string, StoredVariant>(variants.use);
  return all.map(([, value]) => value).sort((a, b) => a.createdAt - b.createdAt);
}

/** The stored variant `id`, or undefined when it is not (or no longer) stored, e.g. deleted in another tab. */
export async function getVariant(id: string): Promise<StoredVariant | undefined> {
  return get<StoredVariant>(id, variants.use);
}

export async function deleteVariant(id: string): Promise<void> {
  await deleteEntries(variants, [id]);
}
