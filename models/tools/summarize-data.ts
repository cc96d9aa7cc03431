// Loading of evaluation rows for the summarization tools; the shared data set is optional on a developer machine.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseRows, type SummaryRow } from '../../src/summarize/evaluation';

export const SHARED_SUMMARIZATION_FILES = ['summeval.jsonl', 'realsumm.jsonl'].map((name) =>
  resolve(import.meta.dirname, '../../../shared/data/summarization', name),
);

export interface NamedRows {
  name: string;
  rows: SummaryRow[];
}

/**
 * Rows of a .jsonl file, or of every .jsonl file in a folder (in name order) as one set named after the folder:
 * a set shipped in parts (cnndm/…part00.jsonl, part01…) is scored as one set.
 * @throws Error when the path does not exist or a folder holds no .jsonl file.
 */
export function loadRows(path: string): NamedRows {
  if (!existsSync(path)) throw new Error(`no such data file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return { name: basename(path, '.jsonl'), rows: parseRows(readFileSync(path, 'utf8'), path) };
  const files = readdirSync(path).filter((name) => name.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new Error(`no .jsonl files in ${path}`);
  const rows = files.flatMap((name) => parseRows(readFileSync(join(path, name), 'utf8'), join(path, name)));
  return { name: basename(resolve(path)), rows };
}
