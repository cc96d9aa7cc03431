// The three ways a folder reaches the page, with stand-ins for the browser's handles and entries.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { folderFromDrop, folderFromInput, pickFolder } from './folder-reader';

type Tree = { [name: string]: string | Tree };

const TREE: Tree = {
  'config.json': '{}',
  onnx: { 'model.onnx': 'onnx', 'model_quantized.onnx': 'q8' },
  '.git': { objects: { a: 'blob' } },
  'README.md': '# model',
};
const EXPECTED = ['README.md', 'config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx'];

/** A File System Access directory handle over `tree`. */
function directoryHandle(name: string, tree: Tree): unknown {
  return {
    kind: 'directory',
    name,
    async *values() {
      for (const [child, value] of Object.entries(tree)) {
        yield typeof value === 'string' ? { kind: 'file', name: child, getFile: async () => new File([value], child) } : directoryHandle(child, value);
      }
    },
  };
}

/** A webkitGetAsEntry() directory entry over `tree`, whose reader hands out entries two at a time as Chromium does in 100s. */
function directoryEntry(name: string, tree: Tree): unknown {
  const children = Object.entries(tree).map(([child, value]) =>
    typeof value === 'string'
      ? { name: child, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File([value], child)) }
      : directoryEntry(child, value),
  );
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader() {
      let at = 0;
      return {
        readEntries(ok: (batch: unknown[]) => void) {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          setTimeout(() => ok(batch));
        },
      };
    },
  };
}

const paths = (folder: { files: { path: string }[] } | undefined) => folder?.files.map((f) => f.path).sort();

function transfer(items: object[]): DataTransfer {
  return { items: items.map((item) => ({ kind: 'file', webkitGetAsEntry: () => null, ...item })) } as unknown as DataTransfer;
}

afterEach(() => vi.unstubAllGlobals());

describe('reading a folder', () => {
  it('from the directory picker: every file but hidden folders, relative to the folder; a cancel is no folder', async () => {
    vi.stubGlobal('window', { showDirectoryPicker: async () => directoryHandle('my-model', TREE) });
    const folder = await pickFolder();
    expect(folder?.name).toBe('my-model');
    expect(paths(folder)).toEqual(EXPECTED);
    expect(await folder!.files.find((f) => f.path === 'onnx/model.onnx')!.file.text()).toBe('onnx');

    vi.stubGlobal('window', { showDirectoryPicker: async () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError')) });
    expect(await pickFolder()).toBeUndefined();
  });

  it('from a drop, through a file system handle or, without one, through entries read in batches', async () => {
    const byHandle = await folderFromDrop(transfer([{ getAsFileSystemHandle: async () => directoryHandle('dropped', TREE) }]));
    expect(byHandle?.name).toBe('dropped');
    expect(paths(byHandle)).toEqual(EXPECTED);

    const byEntry = await folderFromDrop(transfer([{ webkitGetAsEntry: () => directoryEntry('dropped', TREE) }]));
    expect(byEntry?.name).toBe('dropped');
    expect(paths(byEntry)).toEqual(EXPECTED.map((p) => `dropped/${p}`));
  });

  it('a drop of single files is no folder', async () => {
    const file = { name: 'model.onnx', isFile: true, isDirectory: false };
    expect(await folderFromDrop(transfer([{ webkitGetAsEntry: () => file }]))).toBeUndefined();
    expect(await folderFromDrop(transfer([{ getAsFileSystemHandle: async () => ({ kind: 'file', name: 'model.onnx' }) }]))).toBeUndefined();
  });

  it('from a directory input: paths as the browser gives them, hidden folders left out', () => {
    const file = (path: string) => Object.assign(new File(['x'], path.split('/').at(-1)!), { webkitRelativePath: path });
    const list = ['m/config.json', 'm/onnx/model.onnx', 'm/.git/HEAD'].map(file) as unknown as FileList;
    const folder = folderFromInput(list);
    expect(folder.name).toBe('m');
    expect(paths(folder)).toEqual(['m/config.json', 'm/onnx/model.onnx']);
  });
});
