/**
 * Models the user made or brought into the lab, kept in IndexedDB (`mlwb-variants`) so they survive a reload:
 * variants quantized there, and fp32 .onnx files the user opened to quantize. The lab makes and deletes them; the game
 * plays them (its model menu lists them). Writes go through the app's one IndexedDB write path (src/runtime/idb-store.ts).
 */
import { entries, get } from 'idb-keyval';
import { deleteEntries, idbStore, registerSpaceUsers, writeEntries } from './idb-store';
import type { CalibrationMethod } from '../quantize/calibration-methods';
import type { Int4BlockSize } from '../quantize/int4-blocks';
import type { QuantizeMode, SelfCheckResult } from '../quantize/types';
import type { Dtype } from './protocol';

/** The settings a variant was made with (only those its method has; absent on variants made before they existed). */
export interface VariantOptions {
  /** Static int8: how activation ranges were chosen from the calibration samples. */
  calibrationMethod?: CalibrationMethod;
  /** Static int8 with calibrationMethod 'percentile': the percentile kept, in (0, 100]. */
  percentile?: number;
  /** Static int8: SmoothQuant's α when it ran. */
  smoothQuantAlpha?: number;
  /** int4: values per block and whether blocks have a zero point (asymmetric) or not (symmetric). */
  blockSize?: Int4BlockSize;
  symmetric?: boolean;
  /** Palette: index bits (4 = 16-entry tables, 6 = 64 entries). */
  bits?: 4 | 6;
}

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
  /** The method's settings (int4 block size, palette bits, calibration method, SmoothQuant α…). */
  options?: VariantOptions;
  /** Mixed precision: the layers kept in fp32 (node ids, most sensitive first); every other layer is quantized. */
  keptInFloat?: string[];
  createdAt: number;
}

export const VARIANTS_DB = 'mlwb-variants';
const variants = idbStore(VARIANTS_DB, 'variants');

/**
 * The format and its settings as a short ASCII tag, the same in every language (download names, quota message):
 * "static-int8", "static-int8-entropy-sq0.5", "static-int8-p99.9", "int4-b32-sym", "palette-4bit", "fp16",
 * "int4-b32-sym-2fp32" (2 layers kept fp32), "fp32" for an opened float model.
 */
export function formatTag(variant: Pick<StoredVariant, 'mode' | 'options' | 'keptInFloat'>): string {
  const o = variant.options ?? {};
  const parts: string[] = [];
  switch (variant.mode) {
    case 'opened':
      return 'fp32';
    case 'weight-only':
    case 'dynamic':
      parts.push(`${variant.mode}-int8`);
      break;
    case 'static':
      parts.push('static-int8');
      if (o.calibrationMethod === 'percentile') parts.push(`p${o.percentile}`);
      else if (o.calibrationMethod && o.calibrationMethod !== 'minmax') parts.push(o.calibrationMethod);
      if (o.smoothQuantAlpha !== undefined) parts.push(`sq${o.smoothQuantAlpha}`);
      break;
    case 'fp16':
      parts.push('fp16');
      break;
    case 'int4':
      parts.push('int4');
      if (o.blockSize) parts.push(`b${o.blockSize}`);
      if (o.symmetric !== undefined) parts.push(o.symmetric ? 'sym' : 'asym');
      break;
    case 'palette':
      parts.push(o.bits ? `palette-${o.bits}bit` : 'palette');
      break;
  }
  if (variant.keptInFloat?.length) parts.push(`${variant.keptInFloat.length}fp32`);
  return parts.join('-');
}

/**
 * The dtype a stored variant is loaded with. Loaded from bytes, the dtype only labels the model (header badge, load
 * errors; InferenceClient checks it against no catalog entry then): int8 modes 'int8', fp16 'fp16', int4 'q4' (4-bit
 * blocks, as transformers.js names MatMulNBits files); a palette's weights are rebuilt as float32 when it loads, so
 * 'fp32', as for an opened float model.
 */
export function variantDtype(mode: StoredVariant['mode']): Dtype {
  switch (mode) {
    case 'weight-only':
    case 'dynamic':
    case 'static':
      return 'int8';
    case 'fp16':
      return 'fp16';
    case 'int4':
      return 'q4';
    case 'palette':
    case 'opened':
      return 'fp32';
  }
}

/** "doodle-cnn static-int8", "doodle-cnn int4-b32-sym", "mine.onnx fp32": how the quota message names a stored variant. */
export function variantLabel(variant: Pick<StoredVariant, 'name' | 'mode' | 'options' | 'keptInFloat'>): string {
  return `${variant.name} ${formatTag(variant)}`;
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
