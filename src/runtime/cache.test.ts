import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILES_DB, clearCache, createTransformersCache, deleteCachedModel, listCachedFiles, readCachedFile, sha256Hex, verifyCachedModel, type CacheScope } from './cache';
import { createStore, get, set } from 'idb-keyval';
import type { NoticeCode } from './notices';

const root = 'http://hub.test/org/m/resolve/main/';
const bytes = (text: string) => new TextEncoder().encode(text);

function setup(expectedSha256: Record<string, string> = {}) {
  const notices: string[] = [];
  /** The same notices as codes, which the interface words in its language. */
  const abouts: (NoticeCode | undefined)[] = [];
  const hits: string[] = [];
  const scope: CacheScope = { modelId: 'org/m', root, expectedSha256 };
  const cache = createTransformersCache(scope, {
    hit: (p) => hits.push(p),
    notice: (m, about) => {
      notices.push(m);
      abouts.push(about);
    },
  });
  return { cache, notices, abouts, hits };
}

async function damage(url: string): Promise<void> {
  const store = createStore(FILES_DB.db, FILES_DB.store);
  const body = (await get<{ data: ArrayBuffer; contentType: string }>(url, store))!;
  const data = new Uint8Array(body.data.slice(0));
  data[0] ^= 0xff;
  await set(url, { ...body, data: data.buffer }, store);
}

describe('model file cache', () => {
  beforeEach(() => clearCache());
  afterEach(() => vi.restoreAllMocks());

  it('a file that does not fit is not cached, the load goes on, and the notice names its size and the other models that could go', async () => {
    const other = createTransformersCache({ modelId: 'org/other', root: 'http://hub.test/org/other/', expectedSha256: {} }, { hit() {}, notice() {} });
    await other.put('http://hub.test/org/other/onnx/model.onnx', new Response(new Uint8Array(2000)));
    const { cache, notices, abouts } = setup();
    await cache.put(`${root}config.json`, new Response(bytes('{}')));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await cache.put(`${root}onnx/model.onnx`, new Response(new Uint8Array(12_800)));
    // A hit only updates its last-used date: a full disk must not turn it into a miss.
    expect(await (await cache.match(`${root}config.json`))!.text()).toBe('{}');
    vi.restoreAllMocks();
    expect(abouts).toEqual([{ code: 'cache-full', modelId: 'org/m', file: 'onnx/model.onnx', bytes: 12_800, deletable: [{ name: 'org/other', bytes: 2000 }] }]);
    expect(notices).toEqual([
      'Browser storage is full: onnx/model.onnx of org/m needs 12.8 kB more, so it runs from memory and downloads again next time. Deleting org/other (2.0 kB) on the Models page would make room.',
    ]);
    expect((await listCachedFiles()).map((m) => `${m.modelId} ${m.path}`).sort()).toEqual(['org/m config.json', 'org/other onnx/model.onnx']);
  });

  it('stores a file with its metadata and serves it back with its size', async () => {
    const { cache, hits } = setup();
    expect(await cache.match(`${root}config.json`)).toBeUndefined();
    await cache.put(`${root}config.json`, new Response(bytes('{"a":1}'), { headers: { 'content-type': 'application/json' } }));
    const hit = await cache.match(`${root}config.json`);
    expect(await hit!.text()).toBe('{"a":1}');
    expect(hit!.headers.get('content-length')).toBe('7');
    expect(hits).toEqual(['config.json']);
    const [meta] = await listCachedFiles();
    expect(meta).toMatchObject({ modelId: 'org/m', path: 'config.json', bytes: 7, sha256: await sha256Hex(bytes('{"a":1}')) });
  });

  it('ignores keys outside the model being loaded', async () => {
    const { cache } = setup();
    await cache.put('http://elsewhere.test/ort.wasm', new Response(bytes('x')));
    expect(await listCachedFiles()).toEqual([]);
  });

  it('detects a damaged file: deletes it, reports it, and misses so it downloads again', async () => {
    const { cache, notices, abouts } = setup();
    await cache.put(`${root}onnx/model.onnx`, new Response(bytes('weights')));
    await damage(`${root}onnx/model.onnx`);
    expect(await cache.match(`${root}onnx/model.onnx`)).toBeUndefined();
    expect(notices).toEqual(['Cached file onnx/model.onnx of org/m was damaged; downloading it again.']);
    expect(abouts).toEqual([{ code: 'cache-damaged', modelId: 'org/m', file: 'onnx/model.onnx' }]);
    expect(await listCachedFiles()).toEqual([]);
  });

  it('never promises to download a damaged file of a model opened from disk: only its folder can restore it', async () => {
    const abouts: (NoticeCode | undefined)[] = [];
    const localRoot = 'http://app.test/models/local/mine/';
    const cache = createTransformersCache({ modelId: 'local/mine', root: localRoot, expectedSha256: {} }, { hit() {}, notice: (_m, about) => void abouts.push(about) });
    await cache.put(`${localRoot}onnx/model.onnx`, new Response(bytes('weights')));
    await damage(`${localRoot}onnx/model.onnx`);
    expect(await cache.match(`${localRoot}onnx/model.onnx`)).toBeUndefined();
    expect(abouts).toEqual([{ code: 'local-file-damaged', modelId: 'local/mine', file: 'onnx/model.onnx' }]);
  });

  it('checks catalogued files against the catalog hash and refuses to cache a mismatch', async () => {
    const good = await sha256Hex(bytes('good'));
    const { cache, notices, abouts } = setup({ 'onnx/model.onnx': good });
    await cache.put(`${root}onnx/model.onnx`, new Response(bytes('evil')));
    expect(await listCachedFiles()).toEqual([]);
    expect(notices[0]).toContain("does not match the catalog's checksum");
    expect(abouts[0]).toEqual({ code: 'cache-checksum', modelId: 'org/m', file: 'onnx/model.onnx' });
    await cache.put(`${root}onnx/model.onnx`, new Response(bytes('good')));
    expect(await (await cache.match(`${root}onnx/model.onnx`))!.text()).toBe('good');
  });

  it('deletes one model and verifies another, removing what is damaged', async () => {
    const { cache } = setup();
    await cache.put(`${root}a.json`, new Response(bytes('a')));
    await cache.put(`${root}b.json`, new Response(bytes('b')));
    const other = createTransformersCache({ modelId: 'org/other', root: 'http://hub.test/org/other/resolve/main/', expectedSha256: {} }, { hit() {}, notice() {} });
    await other.put('http://hub.test/org/other/resolve/main/c.json', new Response(bytes('c')));

    await damage(`${root}b.json`);
    expect(await verifyCachedModel('org/m', {})).toEqual([
      { path: 'a.json', ok: true, problem: undefined },
      { path: 'b.json', ok: false, problem: 'checksum mismatch (removed)' },
    ]);
    expect((await listCachedFiles()).map((m) => m.path).sort()).toEqual(['a.json', 'c.json']);
    expect(await deleteCachedModel('org/m')).toBe(1);
    expect((await listCachedFiles()).map((m) => m.modelId)).toEqual(['org/other']);
  });

  it('hands back the bytes of one cached file of a model (the quantization lab reads fp32 weights this way)', async () => {
    const { cache } = setup();
    expect(await readCachedFile('org/m', 'onnx/model.onnx')).toBeUndefined();
    await cache.put(`${root}onnx/model.onnx`, new Response(bytes('weights')));
    expect(new TextDecoder().decode(await readCachedFile('org/m', 'onnx/model.onnx'))).toBe('weights');
    expect(await readCachedFile('other/m', 'onnx/model.onnx')).toBeUndefined();
  });
});
