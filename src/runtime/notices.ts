/** Short messages for the user, shown as toasts by the shell. Any module (or the worker client) may post one. */
export type NoticeLevel = 'info' | 'warning' | 'error';

/** The runtime's own notices as data, so the shell can say them in the interface language (`message` is English). */
export type NoticeCode =
  | { code: 'webgpu-load-failed'; modelId: string; why: string }
  | { code: 'gpu-stopped'; why: string }
  /** A file in the model cache failed its checksum: removed, downloaded again. */
  | { code: 'cache-damaged'; modelId: string; file: string }
  /** A stored file of a model opened from disk failed its checksum: removed; only opening the folder again restores it. */
  | { code: 'local-file-damaged'; modelId: string; file: string }
  /** A downloaded file differs from the catalog's checksum: used, not cached. */
  | { code: 'cache-checksum'; modelId: string; file: string }
  /**
   * Storage is full: the file (`bytes`) runs from memory and downloads again next time; `deletable` are the largest
   * cached models (id, bytes) that could go on the Models page.
   */
  | { code: 'cache-full'; modelId: string; file: string; bytes: number; deletable: { name: string; bytes: number }[] }
  /** Moving a model to WASM after its GPU was lost failed: the load's error (a ModelLoadError, worded by the page). */
  | { code: 'reload-failed'; error: unknown };

export interface Notice {
  id: number;
  message: string;
  level: NoticeLevel;
  about?: NoticeCode;
}

const listeners = new Set<(notice: Notice) => void>();
let nextId = 1;

export function notify(message: string, level: NoticeLevel = 'info', about?: NoticeCode): void {
  const notice = { id: nextId++, message, level, about };
  for (const listener of listeners) listener(notice);
}

/** Returns the unsubscribe function. */
export function onNotice(listener: (notice: Notice) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
