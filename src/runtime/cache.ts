/**
 * IndexedDB cache of model files, plugged into transformers.js as `env.customCache`.
 * Bodies and metadata live in two databases (idb-keyval keeps one store per database); both are keyed by file URL.
 */
import { get, values } from 'idb-keyval';
import { clearEntries, deleteEntries, idbStore, registerSpaceUsers, StorageFullError, writeEntries, type WriteDescription } from './idb-store';
import type { NoticeCode } from './notices';

export const FILES_DB = { db: 'mlwb-model-files', store: 'bodies' } as const;
export const META_DB = { db: 'mlwb-model-meta', store: 'meta' } as const;
/** Both databases: pages listing the cache refresh when either changes (`onStoreChange(CACHE_DBS, …)`). */
export const CACHE_DBS = [FILES_DB.db, META_DB.db] as const;

export interface CachedFileMeta {
  url: string;
  modelId: string;
  /** Path inside the model folder, e.g. onnx/model.onnx. */
  path: string;
  bytes: number;
  sha256: string;
  /** Epoch ms. */
  stored: number;
  lastUsed: number;
}

interface StoredBody {
  data: ArrayBuffer;
  contentType: string;
}

const bodies = idbStore(FILES_DB.db, FILES_DB.store);
const metas = idbStore(META_DB.db, META_DB.store);

export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Which model a load is for: keys under `root` belong to `modelId`; `expectedSha256` comes from the catalog. */
export interface CacheScope {
  modelId: string;
  /** URL prefix of the model folder, ending in '/'. */
  root: string;
  expectedSha256: Record<string, string>;
}

export interface CacheEvents {
  /** A file was served from IndexedDB. */
  hit(path: string): void;
  /**
   * Something the user should know, in one short sentence. A promise returned (the worker's call to the page) is
   * awaited where the page must have the notice before the load fails (a damaged file of a model from disk).
   */
  notice(message: string, about?: NoticeCode): void | Promise<unknown>;
}

/** The `{ match, put }` object transformers.js calls; see `env.customCache`. */
export interface TransformersCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}

function pathIn(scope: CacheScope, key: string): string | undefined {
  return key.startsWith(scope.root) ? key.slice(scope.root.length) : undefined;
}

async function removeEntries(urls: string[]): Promise<void> {
  await Promise.all([deleteEntries(bodies, urls), deleteEntries(metas, urls)]);
}

/** The sha256 a cached file must have: the catalog's when it lists one, else the one recorded when stored. */
function expectedFor(scope: Pick<CacheScope, 'expectedSha256'>, meta: CachedFileMeta): string {
  return scope.expectedSha256[meta.path] ?? meta.sha256;
}

// Cached models are what a full disk's message suggests deleting first (wherever a write fails).
registerSpaceUsers(async () => {
  const sizes = new Map<string, number>();
  for (const meta of await listCachedFiles()) sizes.set(meta.modelId, (sizes.get(meta.modelId) ?? 0) + meta.bytes);
  return [...sizes].map(([name, bytes]) => ({ name, bytes, where: 'on the Models page' }));
});

export function createTransformersCache(scope: CacheScope, events: CacheEvents): TransformersCache {
  return {
    async match(key) {
      const path = pathIn(scope, key);
      if (path === undefined) return undefined;
      const [meta, body] = await Promise.all([
        get<CachedFileMeta>(key, metas.use),
        get<StoredBody>(key, bodies.use),
      ]);
      if (!meta || !body) {
        if (meta || body) await removeEntries([key]);
        return undefined;
      }
      if ((await sha256Hex(body.data)) !== expectedFor(scope, meta)) {
        await removeEntries([key]);
        // A model opened from disk has no source to download from: only its folder can restore the file.
        if (scope.modelId.startsWith('local/')) {
          await events.notice(`The copy of ${path} of ${scope.modelId} in this browser was damaged; open the model folder again.`, { code: 'local-file-damaged', modelId: scope.modelId, file: path });
        } else {
          events.notice(`Cached file ${path} of ${scope.modelId} was damaged; downloading it again.`, { code: 'cache-damaged', modelId: scope.modelId, file: path });
        }
        return undefined;
      }
      // Only the "last used" date: a full disk must not stop the file from being served.
      await writeEntries(metas, [[key, { ...meta, lastUsed: Date.now() }]], { what: `the last-used date of ${path}`, bytes: 0, meanwhile: 'it is not updated' }).catch(
        (error: unknown) => {
          if (!(error instanceof StorageFullError)) throw error;
        },
      );
      events.hit(path);
      return new Response(body.data, {
        headers: { 'content-length': String(body.data.byteLength), 'content-type': body.contentType },
      });
    },

    async put(key, response) {
      const path = pathIn(scope, key);
      if (path === undefined) return;
      const data = await response.arrayBuffer();
      const sha256 = await sha256Hex(data);
      const expected = scope.expectedSha256[path];
      if (expected && expected !== sha256) {
        events.notice(`${path} of ${scope.modelId} does not match the catalog's checksum, so it was not cached.`, { code: 'cache-checksum', modelId: scope.modelId, file: path });
        return;
      }
      const description = {
        what: `${path} of ${scope.modelId}`,
        bytes: data.byteLength,
        meanwhile: 'it runs from memory and downloads again next time',
        exclude: [scope.modelId],
      };
      const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
      try {
        await storeModelFile({ url: key, modelId: scope.modelId, path, data, contentType, sha256 }, description);
      } catch (error) {
        if (!(error instanceof StorageFullError)) throw error;
        const deletable = error.candidates.map(({ name, bytes }) => ({ name, bytes }));
        events.notice(error.message, { code: 'cache-full', modelId: scope.modelId, file: path, bytes: error.bytesNeeded, deletable });
      }
    },
  };
}

/** One file of a model as the cache keeps it: `url` is its key (the model folder's URL + `path`). */
export interface ModelFile {
  url: string;
  modelId: string;
  path: string;
  data: ArrayBuffer;
  contentType: string;
  sha256: string;
}

/**
 * Stores a model file (body, then metadata). On any failure neither is left behind; a full quota throws
 * `StorageFullError` with a message built from `description`.
 */
export async function storeModelFile(file: ModelFile, description: WriteDescription): Promise<void> {
  const now = Date.now();
  const meta: CachedFileMeta = { url: file.url, modelId: file.modelId, path: file.path, bytes: file.data.byteLength, sha256: file.sha256, stored: now, lastUsed: now };
  try {
    await writeEntries(bodies, [[file.url, { data: file.data, contentType: file.contentType }]], description);
    await writeEntries(metas, [[file.url, meta]], description);
  } catch (error) {
    await removeEntries([file.url]).catch(() => undefined);
    throw error;
  }
}

/**
 * URL of the folder the app serves its bundled models from (`<origin><base>models/`). Models opened from disk are
 * cached under it too (`models/local/<name>/`), so the worker finds both the same way.
 */
export function appModelsUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}models/`, self.location.origin).href;
}

export async function listCachedFiles(): Promise<CachedFileMeta[]> {
  return values<CachedFileMeta>(metas.use);
}

/** Deletes every cached file of a model; returns how many. */
export async function deleteCachedModel(modelId: string): Promise<number> {
  const urls = (await listCachedFiles()).filter((m) => m.modelId === modelId).map((m) => m.url);
  await removeEntries(urls);
  return urls.length;
}

export async function clearCache(): Promise<void> {
  await Promise.all([clearEntries(bodies), clearEntries(metas)]);
}

export interface VerifyResult {
  path: string;
  ok: boolean;
  /** Set when not ok, in words. */
  problem?: string;
}

/** Re-hashes a model's cached files; damaged ones are deleted so the next load downloads them again. */
export async function verifyCachedModel(modelId: string, expectedSha256: Record<string, string>): Promise<VerifyResult[]> {
  const metas = (await listCachedFiles()).filter((m) => m.modelId === modelId);
  const results: VerifyResult[] = [];
  for (const meta of metas) {
    const body = await get<StoredBody>(meta.url, bodies.use);
    const actual = body ? await sha256Hex(body.data) : undefined;
    const ok = actual !== undefined && actual === expectedFor({ expectedSha256 }, meta);
    if (!ok) await removeEntries([meta.url]);
    results.push({ path: meta.path, ok, problem: ok ? undefined : actual === undefined ? 'missing data (removed)' : 'checksum mismatch (removed)' });
  }
  return results.sort((a, b) => a.path.localeCompare(b.path));
}

/** The stored bytes of one cached file of a model (e.g. its fp32 weights for the quantization lab), if cached. */
export async function readCachedFile(modelId: string, path: string): Promise<Uint8Array | undefined> {
  const meta = (await listCachedFiles()).find((m) => m.modelId === modelId && m.path === path);
  const body = meta && (await get<StoredBody>(meta.url, bodies.use));
  return body ? new Uint8Array(body.data) : undefined;
}
