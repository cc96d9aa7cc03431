/**
 * Models opened from a folder on the user's disk. The folder's files are copied into the IndexedDB model cache under
 * `local/<name>` (URL `<app>/models/local/<name>/<path>`), and a record (a catalog entry with source 'local') is kept
 * in its own database; `loadLocalModels()` puts the records into the page's catalog, so the summarizer, the game and
 * the lab offer these models like shipped ones, and the worker loads them from the cache with no network.
 */
import { values } from 'idb-keyval';
import { appModelsUrl, deleteCachedModel, readCachedFile, sha256Hex, storeModelFile } from './cache';
import { catalog, setLocalModels, type CatalogFile, type CatalogModel } from './catalog';
import { clearEntries, deleteEntries, idbStore, onStoreChange, writeEntries } from './idb-store';
import { localModelId, modelFolderPaths, planModelFolder, type FolderProblem } from './local-model-folder';
import { checkOnnx } from './onnx-check';
import type { Dtype } from './protocol';

export const LOCAL_MODELS_DB = { db: 'mlwb-local-models', store: 'models' } as const;
const records = idbStore(LOCAL_MODELS_DB.db, LOCAL_MODELS_DB.store);

export interface LocalModelRecord {
  /** Catalog entry: source 'local', every file with its bytes and sha256 (the cache checks them on each load). */
  model: CatalogModel;
  /** The folder's name as picked. */
  folder: string;
  /** Epoch ms. */
  importedAt: number;
  /** Files of the folder that were not copied (not needed in the browser, or a dtype this app does not load). */
  leftOut: string[];
}

/** One file of the picked folder: its path as the browser gave it (may start with the folder's name) and its data. */
export interface PickedFile {
  path: string;
  file: Blob;
}

export interface ImportProgress {
  /** The file being copied, relative to the model folder. */
  path: string;
  copiedBytes: number;
  totalBytes: number;
}

export type ImportOutcome =
  /** `bytes` copied; `kept`: files of a replaced copy that were stored intact already, so not copied again. */
  | { ok: true; record: LocalModelRecord; bytes: number; ms: number; kept: number }
  | { ok: false; problem: FolderProblem }
  /** The same folder (name and every file's sha256) is already stored as `already`; nothing was copied. */
  | { ok: false; already: LocalModelRecord };

/** What to do when the folder is already stored: ask (an `already` outcome), replace that copy, or keep both. */
export type WhenImported = 'ask' | 'replace' | 'keep-both';

export async function listLocalModels(): Promise<LocalModelRecord[]> {
  return (await values<LocalModelRecord>(records.use)).sort((a, b) => a.importedAt - b.importedAt);
}

async function refreshCatalog(): Promise<void> {
  setLocalModels((await listLocalModels()).map((r) => r.model));
}

let following: (() => void) | undefined;

/**
 * Puts the models opened from disk into the catalog and keeps them there as they are opened or deleted (in any tab).
 * Call before pages read the catalog; a storage failure leaves the shipped catalog and is only logged.
 */
export async function loadLocalModels(): Promise<void> {
  following ??= onStoreChange([LOCAL_MODELS_DB.db], () => void refreshCatalog().catch((error: unknown) => console.warn(error)));
  await refreshCatalog().catch((error: unknown) => console.warn('Models opened from disk could not be read.', error));
}

function contentType(path: string): string {
  return path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}

/** Every file of a stored model (shared and per dtype), once each. */
function recordFiles(record: LocalModelRecord): CatalogFile[] {
  const files = [...record.model.sharedFiles, ...Object.values(record.model.dtypes).flatMap((d) => d?.files ?? [])];
  return [...new Map(files.map((f) => [f.path, f])).values()];
}

/**
 * The stored model made from this same folder: same folder name, same files, each with the same sha256. Sizes are
 * compared first, so only a likely copy is hashed; `hashes` keeps what was hashed for the copy that may follow.
 */
async function sameImport(folder: string, files: ReadonlyMap<string, Blob>, hashes: Map<string, string>): Promise<LocalModelRecord | undefined> {
  for (const record of await listLocalModels()) {
    const stored = recordFiles(record);
    if (record.folder !== folder || stored.length !== files.size || !stored.every((f) => files.get(f.path)?.size === f.bytes)) continue;
    let same = true;
    for (const f of stored) {
      const path = f.path;
      if (!hashes.has(path)) hashes.set(path, await sha256Hex(await files.get(path)!.arrayBuffer()));
      if (hashes.get(path) !== f.sha256) {
        same = false;
        break;
      }
    }
    if (same) return record;
  }
  return undefined;
}

/**
 * Checks a picked folder and copies it into the model cache. Resolves with the new record, or with a problem when
 * the folder is not a model this app can use (nothing is copied then). A folder already stored (same name, same
 * files by sha256) is never copied silently: with `whenImported` 'ask' (default) it resolves with `already` and
 * copies nothing; 'replace' stores this one over that copy under its id; 'keep-both' stores a second copy (`…-2`).
 * Throws `StorageFullError` when the quota runs out while copying (`StorageFullError` from idb-store.ts), and the
 * read's error when a file of the folder cannot be read: what was copied of a new folder is removed first,
 * everything stored before is kept. A replaced copy is never deleted first: see `intactFiles`.
 */
export async function importModelFolder(
  picked: readonly PickedFile[],
  folderName: string,
  onProgress?: (p: ImportProgress) => void,
  whenImported: WhenImported = 'ask',
): Promise<ImportOutcome> {
  const started = performance.now();
  const { name, paths } = modelFolderPaths(picked.map((p) => p.path));
  const byPath = new Map(paths.map((path, i) => [path, picked[i]!.file]));
  const config = byPath.get('config.json');
  const verdict = planModelFolder(paths, await config?.text());
  if (!verdict.ok) return verdict;
  const { plan } = verdict;

  const onnxFiles = Object.values(plan.dtypes).flat().filter((p) => p.endsWith('.onnx'));
  const badOnnx: { path: string; why: string }[] = [];
  for (const path of onnxFiles) {
    const blob = byPath.get(path)!;
    const why = await checkOnnx(async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()), blob.size);
    if (why) badOnnx.push({ path, why });
  }
  if (badOnnx.length > 0) return { ok: false, problem: { kind: 'bad-onnx', files: badOnnx } };

  const folder = name || folderName;
  const copy = [...plan.sharedFiles, ...new Set(Object.values(plan.dtypes).flat())];
  const hashes = new Map<string, string>();
  const already = whenImported === 'keep-both' ? undefined : await sameImport(folder, new Map(copy.map((path) => [path, byPath.get(path)!])), hashes);
  if (already && whenImported === 'ask') return { ok: false, already };
  const id = already?.model.id ?? localModelId(folder, new Set([...catalog.models.map((m) => m.id), ...(await listLocalModels()).map((r) => r.model.id)]));
  const root = `${appModelsUrl()}${id}/`;
  const totalBytes = copy.reduce((sum, path) => sum + byPath.get(path)!.size, 0);
  const description = {
    what: `the model folder ${folder}`,
    bytes: totalBytes,
    meanwhile: already ? `the copy of it stored before (${id}) is kept` : 'what was copied of it was removed; models already stored are kept',
    exclude: [id],
  };
  const intact = already ? await intactFiles(already) : new Map<string, CatalogFile>();
  const stored = new Map<string, CatalogFile>(intact);
  let copiedBytes = 0;
  try {
    for (const path of copy.filter((p) => !intact.has(p))) {
      onProgress?.({ path, copiedBytes, totalBytes });
      const data = await byPath.get(path)!.arrayBuffer();
      const sha256 = hashes.get(path) ?? (await sha256Hex(data));
      await storeModelFile({ url: `${root}${path}`, modelId: id, path, data, contentType: contentType(path), sha256 }, description);
      stored.set(path, { path, bytes: data.byteLength, sha256 });
      copiedBytes += data.byteLength;
    }
    const dtypes: CatalogModel['dtypes'] = {};
    for (const [dtype, files] of Object.entries(plan.dtypes) as [Dtype, string[]][]) dtypes[dtype] = { files: files.map((p) => stored.get(p)!) };
    const record: LocalModelRecord = {
      model: { id, title: folder, task: plan.task, source: 'local', dtypes, sharedFiles: plan.sharedFiles.map((p) => stored.get(p)!), defaultDtype: plan.defaultDtype },
      folder,
      importedAt: Date.now(),
      leftOut: plan.leftOut,
    };
    await writeEntries(records, [[id, record]], description);
    await refreshCatalog();
    onProgress?.({ path: '', copiedBytes, totalBytes });
    return { ok: true, record, bytes: copiedBytes, ms: performance.now() - started, kept: intact.size };
  } catch (error) {
    // A replaced copy keeps its record and every intact file (only missing or damaged ones were written).
    if (!already) await deleteCachedModel(id).catch(() => undefined);
    throw error;
  }
}

/**
 * The files of a stored model whose stored bytes still hash to the record's sha256. Replacing a copy with the same
 * folder (same files by sha256) rewrites only the others (missing, or damaged and removed by a load or Verify): no file
 * that works is ever deleted or overwritten, so a replace that fails part-way (full storage, a file that cannot be
 * read, the tab closed) leaves the old copy listed and loadable, and needs no room for a second copy.
 */
async function intactFiles(record: LocalModelRecord): Promise<Map<string, CatalogFile>> {
  const intact = new Map<string, CatalogFile>();
  for (const file of recordFiles(record)) {
    const data = await readCachedFile(record.model.id, file.path);
    if (data && (await sha256Hex(data)) === file.sha256) intact.set(file.path, file);
  }
  return intact;
}

/** Deletes a model opened from disk: its files in the cache and its record. */
export async function deleteLocalModel(id: string): Promise<void> {
  await deleteCachedModel(id);
  await deleteEntries(records, [id]);
  await refreshCatalog();
}

/** Deletes every model record opened from disk (their files go with the cache's own clear). */
export async function clearLocalModels(): Promise<void> {
  await clearEntries(records);
  await refreshCatalog();
}
