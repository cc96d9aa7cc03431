import 'fake-indexeddb/auto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entries } from 'idb-keyval';
import { clearEntries, deleteEntries, idbStore, onStoreChange, registerSpaceUsers, StorageFullError, storageFullMessage, writeEntries } from './idb-store';

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes IndexedDB refuse every write as a full disk does. */
function fillDisk(): void {
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw quotaExceeded();
  });
}

afterEach(() => vi.restoreAllMocks());

describe('storageFullMessage', () => {
  it('says how much room is needed and suggests the three largest things to delete, grouped by where they are deleted', async () => {
    const unregister = [
      registerSpaceUsers(async () => [
        { name: 'org/big', bytes: 9e6, where: 'on the Models page' },
        { name: 'org/small', bytes: 1e3, where: 'on the Models page' },
        { name: 'org/self', bytes: 50e6, where: 'on the Models page' },
      ]),
      registerSpaceUsers(async () => [{ name: 'doodle-cnn static int8', bytes: 2e6, where: 'in the Quantize lab' }]),
      registerSpaceUsers(() => Promise.reject(new Error('unreadable store'))),
    ];
    const message = await storageFullMessage({ what: 'a model', bytes: 340_000, meanwhile: 'it stays on this page', exclude: ['org/self'] });
    unregister.forEach((u) => u());
    expect(message).toBe(
      'Browser storage is full: a model needs 340 kB more, so it stays on this page. Deleting org/big (9.0 MB) or org/small (1.0 kB) on the Models page or doodle-cnn static int8 (2.0 MB) in the Quantize lab would make room.',
    );
  });

  it('suggests freeing site data when nothing of the app can go', async () => {
    expect(await storageFullMessage({ what: 'x', bytes: 10, meanwhile: 'y' })).toMatch(/so y\. Free space in the browser \(site data\)/);
  });
});

describe('writeEntries', () => {
  const store = idbStore('test-writes', 'things');

  it('writes all entries, or none with a StorageFullError when the quota refuses them', async () => {
    await clearEntries(store);
    await writeEntries(store, [['a', 1], ['b', 2]], { what: 'two numbers', bytes: 16, meanwhile: 'nothing' });
    expect(await entries(store.use)).toEqual([['a', 1], ['b', 2]]);
    fillDisk();
    const failed = writeEntries(store, [['c', 3], ['d', 4]], { what: 'two more', bytes: 16, meanwhile: 'they are lost' });
    await expect(failed).rejects.toBeInstanceOf(StorageFullError);
    await expect(failed).rejects.toThrow(/^Browser storage is full: two more needs 16 B more, so they are lost\./);
    vi.restoreAllMocks();
    expect(await entries(store.use)).toEqual([['a', 1], ['b', 2]]);
  });

  it('passes other IndexedDB errors through unchanged', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('read only', 'ReadOnlyError');
    });
    await expect(writeEntries(store, [['e', 5]], { what: 'e', bytes: 8, meanwhile: '' })).rejects.toThrow('read only');
  });

  it('announces changes to listeners of that database (other tabs, workers, this page), a burst as one', async () => {
    const heard: string[] = [];
    const stop = onStoreChange(['test-writes'], () => heard.push('test-writes'));
    const stopOther = onStoreChange(['elsewhere'], () => heard.push('elsewhere'));
    await writeEntries(store, [['f', 6]], { what: 'f', bytes: 8, meanwhile: '' });
    await deleteEntries(store, ['f']);
    await vi.waitFor(() => expect(heard).toEqual(['test-writes']));
    await clearEntries(store);
    await vi.waitFor(() => expect(heard).toEqual(['test-writes', 'test-writes']));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual(['test-writes', 'test-writes']);
    stop();
    stopOther();
  });
});

/** Every module under src/ and workers/ (tests and this path aside). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('the one IndexedDB write path', () => {
  it('no module but idb-store.ts writes or deletes with idb-keyval (so every write gets the quota message and the change announcement)', () => {
    const writers = [...sourceFiles('src'), ...sourceFiles('workers')].filter((path) => {
      if (path.endsWith(join('runtime', 'idb-store.ts'))) return false;
      const imports = /import\s*{([^}]*)}\s*from\s*'idb-keyval'/.exec(readFileSync(path, 'utf8'));
      return imports !== null && /\b(set|setMany|update|del|delMany|clear|createStore)\b/.test(imports[1]!);
    });
    expect(writers).toEqual([]);
  });
});
