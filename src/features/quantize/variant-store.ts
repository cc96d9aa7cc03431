/**
 * Models the user made or brought into the lab, kept in IndexedDB (`mlwb-variants`) so they survive a reload:
 * int8 variants quantized here, and fp32 .onnx files the user opened to quantize.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { QuantizeMode } from '../../quantize/types';

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
  createdAt: number;
}

let store: UseStore | null = null;
// Opened lazily so importing this module never touches IndexedDB (tests install a fake first).
function variantsStore(): UseStore {
  store ??= createStore('mlwb-variants', 'variants');
  return store;
}

export async function saveVariant(variant: Omit<StoredVariant, 'id'>): Promise<StoredVariant> {
  const record = { ...variant, id: `${variant.createdAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}` };
  await set(record.id, record, variantsStore());
  return record;
}

/** Every stored variant, oldest first. */
export async function listVariants(): Promise<StoredVariant[]> {
  const all = await entries<string, StoredVariant>(variantsStore());
  return all.map(([, value]) => value).sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteVariant(id: string): Promise<void> {
  await del(id, variantsStore());
}
