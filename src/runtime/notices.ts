/** Short messages for the user, shown as toasts by the shell. Any module (or the worker client) may post one. */
export type NoticeLevel = 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  message: string;
  level: NoticeLevel;
}

const listeners = new Set<(notice: Notice) => void>();
let nextId = 1;

export function notify(message: string, level: NoticeLevel = 'info'): void {
  const notice = { id: nextId++, message, level };
  for (const listener of listeners) listener(notice);
}

/** Returns the unsubscribe function. */
export function onNotice(listener: (notice: Notice) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
