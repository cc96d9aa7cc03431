import type { FileProgress } from '../runtime/protocol';

/** The per-file progress list after one more event: a file's newest event replaces its older one, new files append. */
export function withFileProgress(files: readonly FileProgress[], progress: FileProgress): FileProgress[] {
  const known = files.some((f) => f.file === progress.file);
  return known ? files.map((f) => (f.file === progress.file ? progress : f)) : [...files, progress];
}
