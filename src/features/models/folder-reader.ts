/**
 * The files of a folder the user gives the page, whichever way the browser allows: the directory picker
 * (File System Access API), a dropped folder (getAsFileSystemHandle, else webkitGetAsEntry), or an
 * `<input type=file webkitdirectory>` (every file with its webkitRelativePath). Only lists: no byte is read here.
 */
import type { PickedFile } from '../../runtime/local-models';

/** The parts of the File System Access API used here (not in TypeScript's DOM library yet). */
interface DirectoryHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
}
interface FileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}
type PickerWindow = Window & { showDirectoryPicker?: (options?: { mode?: 'read' }) => Promise<DirectoryHandle> };
type HandleItem = DataTransferItem & { getAsFileSystemHandle?: () => Promise<DirectoryHandle | FileHandle | null> };

export interface PickedFolder {
  name: string;
  files: PickedFile[];
}

/** Hidden folders (.git with its copies of every weight file, .cache) are never part of the model. */
const isHidden = (name: string) => name.startsWith('.');

export function hasDirectoryPicker(): boolean {
  return typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

async function filesOfHandle(dir: DirectoryHandle, prefix = ''): Promise<PickedFile[]> {
  const files: PickedFile[] = [];
  for await (const entry of dir.values()) {
    if (isHidden(entry.name)) continue;
    const path = `${prefix}${entry.name}`;
    if (entry.kind === 'file') files.push({ path, file: await entry.getFile() });
    else files.push(...(await filesOfHandle(entry, `${path}/`)));
  }
  return files;
}

/** Asks for a folder with the directory picker; undefined when the user cancels. */
export async function pickFolder(): Promise<PickedFolder | undefined> {
  try {
    const dir = await (window as PickerWindow).showDirectoryPicker!({ mode: 'read' });
    return { name: dir.name, files: await filesOfHandle(dir) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    throw error;
  }
}

/** The files an `<input type=file webkitdirectory>` gave, paths starting with the folder's name. */
export function folderFromInput(list: FileList): PickedFolder {
  const files = [...list]
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }))
    .filter((f) => !f.path.split('/').some(isHidden));
  return { name: files[0]?.path.split('/')[0] ?? '', files };
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function filesOfEntry(entry: FileSystemEntry, prefix = ''): Promise<PickedFile[]> {
  if (isHidden(entry.name)) return [];
  const path = `${prefix}${entry.name}`;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, file }];
  }
  const children = await readAllEntries(entry as FileSystemDirectoryEntry);
  return (await Promise.all(children.map((child) => filesOfEntry(child, `${path}/`)))).flat();
}

/**
 * The folder dropped on the page (the first dropped item that is a folder); undefined when none is. Must be called
 * in the drop handler itself: the browser empties `items` once the event is over.
 */
export function folderFromDrop(transfer: DataTransfer): Promise<PickedFolder | undefined> {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  // Both calls must happen before the first await.
  const handles = items.map((item) => (item as HandleItem).getAsFileSystemHandle?.());
  const entries = items.map((item) => item.webkitGetAsEntry());
  return (async () => {
    for (const [i, pending] of handles.entries()) {
      const handle = await pending?.catch(() => null);
      if (handle?.kind === 'directory') return { name: handle.name, files: await filesOfHandle(handle) };
      const entry = entries[i];
      if (!handle && entry?.isDirectory) return { name: entry.name, files: await filesOfEntry(entry) };
    }
    return undefined;
  })();
}
