// The text being summarized survives a reload: it is kept in localStorage under one key. A text the browser refuses
// to store (quota) leaves the previous draft in place, and a small note under a second key says so, so the reload can
// tell the user why they see the older text instead of silently passing it off as their last one.
import { utf8Bytes } from '../../summarize/validation';

const DRAFT_KEY = 'mlwb.summarize.draft';
const NOT_KEPT_KEY = 'mlwb.summarize.draft-not-kept';

/** The last text that could not be kept: its size in UTF-8 bytes. */
export interface DraftNotKept {
  bytes: number;
}

export function loadDraft(storage: Storage = localStorage): string {
  try {
    return storage.getItem(DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Keeps `text` as the draft; returns false when the browser refused to store it (quota). Then the previous draft
 * stays stored (it is what a reload can still offer) and `draftNotKept` reports the refused text's size until a
 * later save succeeds.
 */
export function saveDraft(text: string, storage: Storage = localStorage): boolean {
  try {
    if (text === '') storage.removeItem(DRAFT_KEY);
    else storage.setItem(DRAFT_KEY, text);
    storage.removeItem(NOT_KEPT_KEY);
    return true;
  } catch {
    try {
      storage.setItem(NOT_KEPT_KEY, JSON.stringify({ bytes: utf8Bytes(text) } satisfies DraftNotKept));
    } catch {
      // Storage is full even for the note: the reload shows the older draft without it.
    }
    return false;
  }
}

/** The text that the last save could not keep (so a reload shows an older draft), or undefined. */
export function draftNotKept(storage: Storage = localStorage): DraftNotKept | undefined {
  try {
    const note = JSON.parse(storage.getItem(NOT_KEPT_KEY) ?? 'null') as Partial<DraftNotKept> | null;
    return typeof note?.bytes === 'number' && note.bytes >= 0 ? { bytes: note.bytes } : undefined;
  } catch {
    return undefined;
  }
}
