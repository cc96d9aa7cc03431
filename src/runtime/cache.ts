/**
 * IndexedDB cache of model files, plugged into transformers.js as `env.customCache`.
 * Bodies and metadata live in two databases (idb-keyval keeps one store per database); both are keyed by file URL.
 */
import { formatBytes } from '../ui/format';
import { createStore, del, delMany, get, set, values, clear, type UseStore } from 'idb-keyval';

export const FILES_DB = { db: 'mlwb-model-files', store: 'bodies' } as const;
export const META_DB = { db: 'mlwb-model-meta', store: 'meta' } as const;

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

let stores: { bodies: UseStore; meta: UseStore } | undefined;
/** Opened on first use, so importing this module touches no database. */
function db() {
  stores ??= { bodies: createStore(FILES_DB.db, FILES_DB.store), meta: createStore(META_DB.db, META_DB.store) };
  return stores;
}

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
  /** Something the user should know, in one short sentence. */
  notice(message: string): void;
}

/** The `{ match, put }` object transformers.js calls; see `env.customCache`. */
export interface TransformersCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}

function pathIn(scope: CacheScope, key: string): string | undefined {
  return key.startsWith(scope.root) ? key.slice(scope.root.length) : undefined;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

async function removeEntry(url: string): Promise<void> {
  await Promise.all([del(url, db().bodies), del(url, db().meta)]);
}

/** The sha256 a cached file must have: the catalog's when it lists one, else the one recorded when stored. */
function expectedFor(scope: Pick<CacheScope, 'expectedSha256'>, meta: CachedFileMeta): string {
  return scope.expectedSha256[meta.path] ?? meta.sha256;
}

/** What to tell the user when a file did not fit: how much room it needs and which cached models could go. */
async function quotaAdvice(modelId: string, path: string, bytes: number): Promise<string> {
  const others = new Map<string, number>();
  for (const meta of await listCachedFiles().catch(() => [])) {
    if (meta.modelId !== modelId) others.set(meta.modelId, (others.get(meta.modelId) ?? 0) + meta.bytes);
  }
  const largest = [...others].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const candidates = largest.length
    ? ` Deleting ${largest.map(([id, size]) => `${id} (${formatBytes(size)})`).join(' or ')} on the Models page would make room.`
    : ' Free space in the browser (site data) to cache it.';
  return `Browser storage is full: ${path} of ${modelId} needs ${formatBytes(bytes)} more, so it runs from memory and downloads again next time.${candidates}`;
}

export function createTransformersCache(scope: CacheScope, events: CacheEvents): TransformersCache {
  return {
    async match(key) {
      const path = pathIn(scope, key);
      if (path === undefined) return undefined;
      const [meta, body] = await Promise.all([
        get<CachedFileMeta>(key, db().meta),
        get<StoredBody>(key, db().bodies),
      ]);
      if (!meta || !body) {
        if (meta || body) await removeEntry(key);
        return undefined;
      }
      if ((await sha256Hex(body.data)) !== expectedFor(scope, meta)) {
        await removeEntry(key);
        events.notice(`Cached file ${path} of ${scope.modelId} was damaged; downloading it again.`);
        return undefined;
      }
      await set(key, { ...meta, lastUsed: Date.now() }, db().meta);
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
        events.notice(`${path} of ${scope.modelId} does not match the catalog's checksum, so it was not cached.`);
        return;
      }
      const now = Date.now();
      const meta: CachedFileMeta = { url: key, modelId: scope.modelId, path, bytes: data.byteLength, sha256, stored: now, lastUsed: now };
      try {
        await set(key, { data, contentType: response.headers.get('content-type') ?? 'application/octet-stream' }, db().bodies);
        await set(key, meta, db().meta);
      } catch (error) {
        await removeEntry(key).catch(() => undefined);
        if (!isQuotaError(error)) throw error;
        events.notice(await quotaAdvice(scope.modelId, path, data.byteLength));
      }
    },
  };
}

export async function listCachedFiles(): Promise<CachedFileMeta[]> {
  return values<CachedFileMeta>(db().meta);
}

/** Deletes every cached file of a model; returns how many. */
export async function deleteCachedModel(modelId: string): Promise<number> {
  const urls = (await listCachedFiles()).filter((m) => m.modelId === modelId).map((m) => m.url);
  await Promise.all([delMany(urls, db().bodies), delMany(urls, db().meta)]);
  return urls.length;
}

export async function clearCache(): Promise<void> {
  await Promise.all([clear(db().bodies), clear(db().meta)]);
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
    const body = await get<StoredBody>(meta.url, db().bodies);
    const actual = body ? await sha256Hex(body.data) : undefined;
    const ok = actual !== undefined && actual === expectedFor({ expectedSha256 }, meta);
    if (!ok) await removeEntry(meta.url);
    results.push({ path: meta.path, ok, problem: ok ? undefined : actual === undefined ? 'missing data (removed)' : 'checksum mismatch (removed)' });
  }
  return results.sort((a, b) => a.path.localeCompare(b.path));
}

/** The stored bytes of one cached file of a model (e.g. its fp32 weights for the quantization lab), if cached. */
export async function readCachedFile(modelId: string, path: string): Promise<Uint8Array | undefined> {
  const meta = (await listCachedFiles()).find((m) => m.modelId === modelId && m.path === path);
  const body = meta && (await get<StoredBody>(meta.url, db().bodies));
  return body ? new Uint8Array(body.data) : undefined;
}
