import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRows } from './summarize-data';

const row = (id: string) => JSON.stringify({ id, article: `Article ${id}.`, references: [`Reference ${id}.`] });
let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('loadRows', () => {
  it('reads every .jsonl file of a folder, in name order, as one set named after the folder', () => {
    folder = join(mkdtempSync(join(tmpdir(), 'rows-')), 'cnndm');
    mkdirSync(folder);
    writeFileSync(join(folder, 'set.part01.jsonl'), `${row('c')}\n`);
    writeFileSync(join(folder, 'set.part00.jsonl'), `${row('a')}\n${row('b')}\n`);
    writeFileSync(join(folder, 'README.md'), 'not rows');
    const { name, rows } = loadRows(folder);
    expect(name).toBe('cnndm');
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(loadRows(join(folder, 'set.part01.jsonl'))).toMatchObject({ name: 'set.part01', rows: [{ id: 'c' }] });
  });

  it('says when a folder has no rows or a path does not exist', () => {
    folder = mkdtempSync(join(tmpdir(), 'rows-'));
    expect(() => loadRows(folder)).toThrow(/no \.jsonl files/);
    expect(() => loadRows(join(folder, 'missing.jsonl'))).toThrow(/no such data file or folder/);
  });
});
