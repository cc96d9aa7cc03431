import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uint8Npy } from '../../src/sketch/testing/npy-fixture';
import { loadBitmapFolder } from './sketch-data';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sketch-data-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `rows` drawings whose first pixel is the row number, so tests can see which rows were read. */
function drawings(rows: number): Uint8Array {
  const data = new Uint8Array(rows * 784);
  for (let r = 0; r < rows; r++) data[r * 784] = r;
  return data;
}

describe('loadBitmapFolder', () => {
  it('reads the classes the model knows from the given row on and reports the others', async () => {
    await writeFile(join(dir, 'cat.npy'), uint8Npy([4, 784], drawings(4)));
    await writeFile(join(dir, 'star.npy'), uint8Npy([3, 784], drawings(3)));
    await writeFile(join(dir, 'zebra.npy'), uint8Npy([2, 784], drawings(2)));
    const data = await loadBitmapFolder(dir, ['star', 'cat'], 2);
    expect(data.truth).toEqual([1, 1, 0]);
    expect([data.bitmaps[0], data.bitmaps[784], data.bitmaps[2 * 784]]).toEqual([2, 3, 2]);
    expect(data.skipped).toEqual(['zebra']);
  });

  it('explains a missing or empty folder', async () => {
    await expect(loadBitmapFolder(join(dir, 'nope'), ['cat'])).rejects.toThrow(/data folder .*nope does not exist/);
    await expect(loadBitmapFolder(dir, ['cat'])).rejects.toThrow(/holds no <class>\.npy files/);
  });

  it('names a file of the wrong shape or type', async () => {
    await writeFile(join(dir, 'cat.npy'), uint8Npy([2, 100], new Uint8Array(200)));
    await expect(loadBitmapFolder(dir, ['cat'])).rejects.toThrow(/cat\.npy has shape \(2, 100\); drawings need shape \(N, 784\)/);
    await writeFile(join(dir, 'cat.npy'), 'not numpy');
    await expect(loadBitmapFolder(dir, ['cat'])).rejects.toThrow(/cat\.npy is not a NumPy \.npy file/);
  });

  it('says so when no class is known or no rows are left', async () => {
    await writeFile(join(dir, 'zebra.npy'), uint8Npy([1, 784], drawings(1)));
    await expect(loadBitmapFolder(dir, ['cat'])).rejects.toThrow(/None of the classes .* \(zebra\) is one the model knows/);
    await writeFile(join(dir, 'cat.npy'), uint8Npy([1, 784], drawings(1)));
    await expect(loadBitmapFolder(dir, ['cat'], 5)).rejects.toThrow(/No drawings at rows ≥ 5/);
  });
});
