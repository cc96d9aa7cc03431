// Every string marked for translation has Japanese, with the same values, and no Japanese entry is orphaned.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from './ja/index';

const ROOT = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'ja' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

interface Marked {
  id: string | undefined;
  file: string;
  values: number;
}

// msg('…', { id }), msg(str`…`, { id }) or msg(html`…`, { id }) (a trailing comma allowed); the id must be a literal so
// translations can be found.
const MSG_CALL = /\bmsg\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|(?:str|html)`(?:[^`\\]|\\.)*`)\s*(?:,\s*\{[^}]*?\bid:\s*'([^']+)'[^}]*\})?\s*,?\s*\)/gs;

/** Every marked string, and the files whose msg( calls the pattern could not read (each one named). */
function markedStrings(): { found: Marked[]; unreadable: string[] } {
  const found: Marked[] = [];
  const unreadable: string[] = [];
  for (const path of [...sourceFiles(join(ROOT, '..', 'src')), ...sourceFiles(join(ROOT, '..', 'workers'))]) {
    // Comments may mention msg() without being one; only comments that begin a line ("onnx/*.onnx" in a string is none).
    const text = readFileSync(path, 'utf8').replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
    const calls = text.match(/\bmsg\(/g)?.length ?? 0;
    let matched = 0;
    for (const m of text.matchAll(MSG_CALL)) {
      matched++;
      found.push({ id: m[2], file: relative(ROOT, path), values: (m[1].match(/\$\{/g) ?? []).length });
    }
    if (matched !== calls) unreadable.push(`${relative(ROOT, path)}: ${calls - matched} of ${calls} msg( calls`);
  }
  return { found, unreadable };
}

describe('Japanese translations', () => {
  const { found: marked, unreadable } = markedStrings();
  const ja = templates as Record<string, unknown>;

  it("every msg( call is msg(literal, { id: '<area>.<name>' })", () => {
    expect(unreadable).toEqual([]);
  });

  it('every marked string has an id of the form <area>.<name>, used once', () => {
    const seen = new Map<string, string>();
    for (const m of marked) {
      expect(m.id, `${m.file}: msg() without an id`).toMatch(/^[a-z]+\.[A-Za-z0-9.-]+$/);
      expect(seen.get(m.id!), `id ${m.id} used in ${seen.get(m.id!)} and ${m.file}`).toBeUndefined();
      seen.set(m.id!, m.file);
    }
  });

  it('every marked string has Japanese that uses only the values the English has', () => {
    const missing = marked.filter((m) => !(m.id! in ja)).map((m) => `${m.id} (${m.file})`);
    expect(missing, 'ids without Japanese').toEqual([]);
    for (const m of marked) {
      const entry = ja[m.id!] as string | { values?: unknown[] };
      const used = typeof entry === 'string' ? [] : ((entry.values ?? []) as number[]);
      for (const index of used) expect(index, `${m.id}: \${${index}} but the English has ${m.values} values`).toBeLessThan(m.values);
    }
  });

  it('no Japanese entry is left without its English string', () => {
    const ids = new Set(marked.map((m) => m.id));
    expect(Object.keys(ja).filter((id) => !ids.has(id)), 'Japanese ids no msg() uses').toEqual([]);
  });
});

describe('pickLocale', async () => {
  const { pickLocale } = await import('./locale');
  it('prefers the stored choice, then the browser languages, then English', () => {
    expect(pickLocale('ja', ['en-US'])).toBe('ja');
    expect(pickLocale(null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(pickLocale('xx', ['en-GB'])).toBe('en');
    expect(pickLocale(null, ['de'])).toBe('en');
  });
});
