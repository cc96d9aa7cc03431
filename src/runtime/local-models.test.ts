import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMlp, buildSmallCnn } from '../quantize/testing/model-builder';
import { createStore, delMany } from 'idb-keyval';
import { clearCache, FILES_DB, listCachedFiles, META_DB, readCachedFile } from './cache';
import { catalog, findModel } from './catalog';
import { StorageFullError } from './idb-store';
import { clearLocalModels, deleteLocalModel, importModelFolder, listLocalModels, loadLocalModels, type PickedFile } from './local-models';

const json = (value: unknown) => new Blob([JSON.stringify(value)]);
const encoder = new Uint8Array(buildSmallCnn());
const decoder = new Uint8Array(buildMlp());

/** A seq2seq folder as a directory input gives it: every path starts with the folder's name. */
function summarizerFolder(name = 'tiny-summarizer', over: Record<string, Blob> = {}): PickedFile[] {
  const files: Record<string, Blob> = {
    'config.json': json({ model_type: 'bart', architectures: ['BartForConditionalGeneration'] }),
    'generation_config.json': json({ max_length: 20 }),
    'tokenizer.json': json({ model: {} }),
    'tokenizer_config.json': json({}),
    'onnx/encoder_model.onnx': new Blob([encoder]),
    'onnx/decoder_model_merged.onnx': new Blob([decoder]),
    'README.md': new Blob(['# notes']),
    ...over,
  };
  return Object.entries(files).map(([path, file]) => ({ path: `${name}/${path}`, file }));
}

/** Removes stored files of a model, as a load or Verify does with a damaged one. */
async function deleteCachedFilesOf(modelId: string, paths: readonly string[]): Promise<void> {
  const urls = (await listCachedFiles()).filter((m) => m.modelId === modelId && paths.includes(m.path)).map((m) => m.url);
  await Promise.all([FILES_DB, META_DB].map((db) => delMany(urls, createStore(db.db, db.store))));
}

const cachedPaths = async (modelId: string) =>
  (await listCachedFiles())
    .filter((m) => m.modelId === modelId)
    .map((m) => m.path)
    .sort();

beforeAll(() => {
  vi.stubGlobal('self', { location: new URL('http://app.test/') });
});

describe('models opened from disk', () => {
  beforeEach(async () => {
    await clearCache();
    await clearLocalModels();
  });
  afterEach(() => vi.restoreAllMocks());

  it('copies a model folder into the cache under a local id and adds it to the catalog', async () => {
    const progress: string[] = [];
    const outcome = await importModelFolder(summarizerFolder(), 'ignored', (p) => progress.push(p.path));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const id = outcome.record.model.id;
    expect(id).toBe('local/tiny-summarizer');
    expect(findModel(id)).toMatchObject({ source: 'local', task: 'summarization', defaultDtype: 'fp32', title: 'tiny-summarizer' });
    expect(await cachedPaths(id)).toEqual(['config.json', 'generation_config.json', 'onnx/decoder_model_merged.onnx', 'onnx/encoder_model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(await readCachedFile(id, 'onnx/encoder_model.onnx')).toEqual(encoder);
    expect((await listCachedFiles()).find((m) => m.path === 'config.json')?.url).toBe(`http://app.test/models/${id}/config.json`);
    expect(outcome.record.leftOut).toEqual(['README.md']);
    expect(outcome.bytes).toBe(encoder.length + decoder.length + (await Promise.all(['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'].map((p) => summarizerFolder().find((f) => f.path.endsWith(`/${p}`))!.file.size))).reduce((a, b) => a + b));
    expect(progress).toContain('onnx/encoder_model.onnx');
    // The catalog entry carries each file's hash, so the cache checks the copy on every load.
    expect(findModel(id)!.dtypes.fp32!.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256!))).toBe(true);

    expect(await cachedPaths(id)).toHaveLength(6);
  });

  it('never stores the same folder twice silently: asks, then replaces it or keeps both as told', async () => {
    const first = await importModelFolder(summarizerFolder(), 'ignored');
    if (!first.ok) throw new Error('first import failed');
    const again = await importModelFolder(summarizerFolder(), 'ignored');
    expect(again).toEqual({ ok: false, already: first.record });
    expect((await listLocalModels()).map((r) => r.model.id)).toEqual(['local/tiny-summarizer']);

    const replaced = await importModelFolder(summarizerFolder(), 'ignored', undefined, 'replace');
    expect(replaced.ok && replaced.record.model.id).toBe('local/tiny-summarizer');
    expect((await listLocalModels()).map((r) => r.model.id)).toEqual(['local/tiny-summarizer']);
    expect(await cachedPaths('local/tiny-summarizer')).toHaveLength(6);

    const both = await importModelFolder(summarizerFolder(), 'ignored', undefined, 'keep-both');
    expect(both.ok && both.record.model.id).toBe('local/tiny-summarizer-2');
    expect(await cachedPaths('local/tiny-summarizer-2')).toHaveLength(6);

    // Same name, one file changed: another model, stored beside the others without a question.
    const changed = await importModelFolder(summarizerFolder('tiny-summarizer', { 'tokenizer.json': json({ model: { changed: true } }) }), 'ignored');
    expect(changed.ok && changed.record.model.id).toBe('local/tiny-summarizer-3');
  });

  it('keeps the folder name people gave, in any script, as the title they see', async () => {
    for (const name of ['日本語モデル', 'modèle', 'Модель 2']) {
      const outcome = await importModelFolder(summarizerFolder(name), name);
      if (!outcome.ok) throw new Error(`${name} was not imported`);
      expect(outcome.record.folder).toBe(name);
      expect(findModel(outcome.record.model.id)?.title).toBe(name);
      expect(await cachedPaths(outcome.record.model.id)).toHaveLength(6);
    }
    expect(new Set((await listLocalModels()).map((r) => r.model.id)).size).toBe(3);
  });

  it('copies nothing from a folder whose ONNX file does not parse, and names that file', async () => {
    const outcome = await importModelFolder(summarizerFolder('broken', { 'onnx/decoder_model_merged.onnx': new Blob([decoder.subarray(0, decoder.length - 7)]) }), 'broken');
    expect(outcome).toEqual({ ok: false, problem: { kind: 'bad-onnx', files: [{ path: 'onnx/decoder_model_merged.onnx', why: 'cut short' }] } });
    expect(await listCachedFiles()).toEqual([]);
    expect(await listLocalModels()).toEqual([]);
  });

  it('a full disk while copying removes the partial copy, keeps what was stored before, and says so', async () => {
    const first = await importModelFolder(summarizerFolder('kept'), 'kept');
    expect(first.ok).toBe(true);
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // The third file of the folder no longer fits.
      if (++puts > 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const failure = importModelFolder(summarizerFolder('too-big'), 'too-big');
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toThrow(/the model folder too-big needs .* what was copied of it was removed; models already stored are kept\. Deleting local\/kept/);
    vi.restoreAllMocks();
    expect(await cachedPaths('local/too-big')).toEqual([]);
    expect(await cachedPaths('local/kept')).toHaveLength(6);
    expect((await listLocalModels()).map((r) => r.model.id)).toEqual(['local/kept']);
    expect(findModel('local/too-big')).toBeUndefined();
  });

  it('replacing a stored folder keeps the stored copy when the replace fails at any write or read, and repairs it when it succeeds', async () => {
    const first = await importModelFolder(summarizerFolder(), 'ignored');
    if (!first.ok) throw new Error('first import failed');
    const id = first.record.model.id;
    const original = new Map(await Promise.all((await cachedPaths(id)).map(async (path) => [path, await readCachedFile(id, path)] as const)));
    const put = IDBObjectStore.prototype.put;
    const read = Blob.prototype.arrayBuffer;
    // Which stored files are gone before the replace (as after a load or Verify found them damaged): the replace
    // writes those, so a failure may come at any of their writes, at the record's, or while reading one from disk.
    for (const gone of [[], ['onnx/encoder_model.onnx', 'config.json']]) {
      for (const way of ['quota', 'unreadable'] as const) {
        for (let failAt = 1; ; failAt++) {
          for (const path of original.keys()) if (!(await readCachedFile(id, path))) await importModelFolder(summarizerFolder(), 'ignored', undefined, 'replace');
          const before = (await listLocalModels())[0]!;
          await deleteCachedFilesOf(id, gone);
          const folder = summarizerFolder();
          const whole = new Set(folder.map((f) => f.file));
          let calls = 0;
          if (way === 'quota')
            vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
              if (++calls === failAt) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return put.apply(this, args);
            });
          else
            vi.spyOn(Blob.prototype, 'arrayBuffer').mockImplementation(function (this: Blob) {
              // Whole files only: the ONNX check's small reads of slices come before anything is stored.
              if (whole.has(this) && ++calls === failAt) return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
              return read.call(this);
            });
          const replaced = await importModelFolder(folder, 'ignored', undefined, 'replace').catch((error: unknown) => error);
          vi.restoreAllMocks();
          const failed = replaced instanceof Error;
          const where = `${way} failure at call ${failAt}, ${gone.join(', ') || 'nothing'} gone`;
          // Still listed, in the catalog, and every file that was intact still holds its bytes.
          expect((await listLocalModels()).map((r) => r.model.id), where).toEqual([id]);
          expect(findModel(id)?.source, where).toBe('local');
          for (const [path, bytes] of original) if (!gone.includes(path) || !failed) expect(await readCachedFile(id, path), `${where}: ${path}`).toEqual(bytes);
          if (failed) {
            expect((await listLocalModels())[0], where).toEqual(before);
            if (way === 'quota') expect(replaced, where).toBeInstanceOf(StorageFullError);
            if (way === 'quota') expect((replaced as Error).message, where).toContain(`the copy of it stored before (${id}) is kept`);
            continue;
          }
          // Succeeded (the failure would come after its last write or read): only the missing files were copied.
          expect(replaced, where).toMatchObject({ ok: true, kept: original.size - gone.length, bytes: gone.reduce((sum, p) => sum + original.get(p)!.length, 0) });
          break;
        }
      }
    }
  }, 240_000);

  it('deleting a local model removes its files, its record and its catalog entry; loading reads the records back', async () => {
    const outcome = await importModelFolder(summarizerFolder('gone'), 'gone');
    const id = outcome.ok ? outcome.record.model.id : '';
    await deleteLocalModel(id);
    expect(await cachedPaths(id)).toEqual([]);
    expect(findModel(id)).toBeUndefined();

    await importModelFolder(summarizerFolder('back'), 'back');
    catalog.models = catalog.models.filter((m) => m.source !== 'local');
    await loadLocalModels();
    expect(findModel('local/back')?.source).toBe('local');
  });
});
