/** Typed view of models/catalog.json (schema in NOTES.md). */
import catalogJson from '../../models/catalog.json';
import type { Dtype, ModelSource } from './protocol';

export interface CatalogFile {
  path: string;
  /** Unknown for hub files we could not measure offline. */
  bytes?: number;
  sha256?: string;
}
export interface DtypeEntry {
  files: CatalogFile[];
  quality?: Record<string, number>;
}
export interface CatalogModel {
  id: string;
  title: string;
  /** 'image-classification' only for models opened from disk (src/runtime/local-models.ts). */
  task: 'sketch-classification' | 'summarization' | 'image-classification';
  source: ModelSource;
  dtypes: Partial<Record<Dtype, DtypeEntry>>;
  sharedFiles: CatalogFile[];
  defaultDtype: Dtype;
  license?: string;
  attribution?: string;
  notes?: string;
}
export interface Catalog {
  models: CatalogModel[];
}

export const DTYPES: readonly Dtype[] = ['fp32', 'int8', 'fp16', 'q4'];
const TASKS = ['sketch-classification', 'summarization'];

/** Checks the shape of a parsed catalog and says what is wrong in words. */
export function parseCatalog(raw: unknown): Catalog {
  const fail = (msg: string): never => {
    throw new Error(`models/catalog.json: ${msg}`);
  };
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as Catalog).models)) fail('expected { "models": [...] }');
  const models = (raw as Catalog).models;
  const ids = new Set<string>();
  for (const m of models) {
    if (!m.id || typeof m.id !== 'string') fail('a model has no "id"');
    if (ids.has(m.id)) fail(`model "${m.id}" is listed twice`);
    ids.add(m.id);
    if (m.source !== 'bundled' && m.source !== 'hub') fail(`model "${m.id}": source must be "bundled" or "hub"`);
    if (!TASKS.includes(m.task)) fail(`model "${m.id}": unknown task "${m.task}"`);
    const dtypes = Object.keys(m.dtypes ?? {});
    if (dtypes.length === 0) fail(`model "${m.id}" lists no dtypes`);
    for (const d of dtypes) if (!DTYPES.includes(d as Dtype)) fail(`model "${m.id}": unknown dtype "${d}"`);
    if (!m.dtypes[m.defaultDtype]) fail(`model "${m.id}": defaultDtype "${m.defaultDtype}" is not among its dtypes`);
    if (!Array.isArray(m.sharedFiles)) fail(`model "${m.id}": "sharedFiles" must be a list`);
    for (const f of [...m.sharedFiles, ...dtypes.flatMap((d) => m.dtypes[d as Dtype]!.files)]) {
      if (!f.path || f.path.startsWith('/') || f.path.includes('..')) fail(`model "${m.id}": bad file path "${f.path}"`);
      if (f.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(f.sha256)) fail(`model "${m.id}": bad sha256 for ${f.path}`);
      if (f.bytes !== undefined && !(Number.isInteger(f.bytes) && f.bytes >= 0)) fail(`model "${m.id}": bad bytes for ${f.path}`);
    }
  }
  return raw as Catalog;
}

export const catalog: Catalog = parseCatalog(catalogJson);

const catalogListeners = new Set<() => void>();

/**
 * Puts the models opened from disk (src/runtime/local-models.ts) into `catalog`, after the shipped ones, replacing
 * the previous set, so every page that reads the catalog offers them; then tells `onCatalogChange` listeners.
 */
export function setLocalModels(models: readonly CatalogModel[]): void {
  catalog.models = [...catalog.models.filter((m) => m.source !== 'local'), ...models];
  for (const listener of catalogListeners) listener();
}

/** Calls `listener` after the catalog's models changed (a folder opened or a local model deleted); returns an unsubscribe. */
export function onCatalogChange(listener: () => void): () => void {
  catalogListeners.add(listener);
  return () => catalogListeners.delete(listener);
}

export function findModel(id: string, from: Catalog = catalog): CatalogModel | undefined {
  return from.models.find((m) => m.id === id);
}

/** Every file one dtype of a model needs: the shared files plus that dtype's weights. */
export function filesForDtype(model: CatalogModel, dtype: Dtype): CatalogFile[] {
  return [...model.sharedFiles, ...(model.dtypes[dtype]?.files ?? [])];
}

/** Total bytes of one dtype, or undefined when some size is unknown. */
export function dtypeBytes(model: CatalogModel, dtype: Dtype): number | undefined {
  let total = 0;
  for (const f of filesForDtype(model, dtype)) {
    if (f.bytes === undefined) return undefined;
    total += f.bytes;
  }
  return total;
}

/** sha256 per path for every file of the model that the catalog knows the hash of. */
export function expectedHashes(model: CatalogModel | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!model) return out;
  for (const f of [...model.sharedFiles, ...Object.values(model.dtypes).flatMap((d) => d.files)]) {
    if (f.sha256) out[f.path] = f.sha256;
  }
  return out;
}

const SUFFIX_TO_DTYPE: [RegExp, Dtype][] = [
  [/_quantized\.onnx$/, 'int8'],
  [/_fp16\.onnx$/, 'fp16'],
  [/_q4\.onnx$/, 'q4'],
  [/\.onnx$/, 'fp32'],
];

/** Which dtype a model file belongs to, from the transformers.js file suffix; undefined for shared files. */
export function dtypeOfPath(path: string): Dtype | undefined {
  return SUFFIX_TO_DTYPE.find(([re]) => re.test(path))?.[1];
}

/** Our dtype name → the transformers.js `dtype` option. */
export function transformersDtype(dtype: Dtype): string {
  return dtype === 'int8' ? 'q8' : dtype;
}
