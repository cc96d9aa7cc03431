// The text being summarized survives a reload: it is kept in localStorage under one key.
const DRAFT_KEY = 'mlwb.summarize.draft';

export function loadDraft(storage: Storage = localStorage): string {
  try {
    return storage.getItem(DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Returns false when the browser refused to store it (quota); the text itself stays on the page. */
export function saveDraft(text: string, storage: Storage = localStorage): boolean {
  try {
    if (text === '') storage.removeItem(DRAFT_KEY);
    else storage.setItem(DRAFT_KEY, text);
    return true;
  } catch {
    return false;
  }
}
