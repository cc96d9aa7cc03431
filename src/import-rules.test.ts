// One home per concern, kept by a scan: every relative import in the tree must point along the layering NOTES.md
// describes ("Layout"). A page folder never reaches into another page's folder; the domain libraries stay
// runnable in Node without the runtime or the UI; the runtime knows nothing of the UI; the benchmark CLI and the
// tools never import page code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SCANNED = ['src', 'workers', 'bench', 'models/tools', 'e2e', 'scripts'];

// `from '…'`, `import '…'`, `import('…')`, `new URL('…', import.meta.url)`: every way a module names another.
const SPECIFIER = /(?:\bfrom|\bimport|\bnew URL)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/g;

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
}

/** Every relative import as repo-relative paths ("src/features/doodle/game.ts" → "src/sketch/predictions"). */
function importEdges(): Edge[] {
  return SCANNED.flatMap(tsFiles).flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(SPECIFIER)].map((match) => ({
      from: file,
      to: relative(ROOT, resolve(ROOT, dirname(file), match[2])).split(sep).join('/'),
    })),
  );
}

/** "src/features/doodle/x.ts" → "features/doodle"; "src/sketch/y.ts" → "sketch"; outside src/: "./bench", "./workers"… */
function area(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'src') return `./${parts[0]}`;
  if (parts.length === 2) return 'src';
  return parts[1] === 'features' ? `features/${parts[2]}` : parts[1];
}

const DOMAIN = ['sketch', 'summarize', 'quantize', 'pdf', 'documents'];
const APP_SIDE = ['runtime', 'ui', 'features', 'app', 'bench', 'i18n'];

/** Why an import from `from` to `to` breaks the layering, or null when it is allowed. */
function violation(from: string, to: string): string | null {
  const source = area(from);
  const target = area(to);
  const top = target.split('/')[0];
  if (!to.startsWith('src/') || source === target) return null;
  if (source.startsWith('features/') && top === 'features') return 'a page folder imports another page folder';
  if (DOMAIN.includes(source) && APP_SIDE.includes(top)) return 'a domain library imports app-side code';
  if (source === 'runtime' && ['ui', 'features', 'app', 'bench'].includes(top)) return 'the runtime imports UI or page code';
  if (source === 'ui' && ['features', 'app'].includes(top)) return 'a shared component imports page code';
  if ((source === 'util' || source === 'types') && !['util', 'types'].includes(top)) return 'a utility imports project code';
  if (source === 'i18n' && !['util', 'i18n'].includes(top)) return 'the language layer imports app code';
  if (source === 'bench' && ['features', 'app', 'ui'].includes(top)) return 'benchmark logic imports page code';
  if (['./bench', './models', './workers'].includes(source) && ['features', 'app'].includes(top)) return 'a CLI or worker imports page code';
  return null;
}

describe('import layering', () => {
  it('finds the imports it checks (the scan itself works)', () => {
    const edges = importEdges();
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual({ from: 'bench/native.ts', to: 'src/bench/settings' });
  });

  it('flags each kind of forbidden import', () => {
    expect(violation('src/features/quantize/page.ts', 'src/features/doodle/sketchpad')).toMatch(/page folder/);
    expect(violation('src/quantize/worker-api.ts', 'src/runtime/protocol')).toMatch(/domain/);
    expect(violation('src/runtime/idb-store.ts', 'src/ui/format')).toMatch(/runtime/);
    expect(violation('bench/native.ts', 'src/features/bench/settings')).toMatch(/CLI/);
    expect(violation('src/features/doodle/game.ts', 'src/features/doodle/sketchpad')).toBeNull();
    expect(violation('src/features/doodle/game.ts', 'src/sketch/predictions')).toBeNull();
    expect(violation('src/i18n/locale.ts', 'src/runtime/settings')).toMatch(/language layer/);
    expect(violation('src/summarize/sentences.ts', 'src/i18n/locale')).toMatch(/domain/);
  });

  it('has no import against the layering', () => {
    const broken = importEdges()
      .map(({ from, to }) => ({ from, to, why: violation(from, to) }))
      .filter((edge) => edge.why !== null)
      .map(({ from, to, why }) => `${from} → ${to}: ${why}`);
    expect(broken).toEqual([]);
  });
});
