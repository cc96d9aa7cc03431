import type { str } from '@lit/localize';

/** One area's Japanese templates: plain text, or `str` with `${0}`, `${1}`… standing for the source's values. */
export type JaTemplates = Record<string, string | ReturnType<typeof str>>;
