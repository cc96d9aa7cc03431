// Loading of evaluation rows for the summarization tools; the shared data set is optional on a developer machine.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseRows, type SummaryRow } from '../../src/summarize/evaluation';

export const SHARED_SUMMARIZATION_FILES = ['summeval.jsonl', 'realsumm.jsonl'].map((name) =>
  resolve(import.meta.dirname, '../../../shared/data/summarization', name),
);

export interface NamedRows {
  name: string;
  rows: SummaryRow[];
}

export function loadRows(path: string): NamedRows {
  if (!existsSync(path)) throw new Error(`no such data file: ${path}`);
  return { name: basename(path, '.jsonl'), rows: parseRows(readFileSync(path, 'utf8'), path) };
}
