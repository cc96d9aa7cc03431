/**
 * `npm run catalog`: recomputes bytes and sha256 of every bundled model file listed in models/catalog.json.
 * Hub entries keep what they list (sizes we cannot measure offline stay out). Missing bundled files lose their
 * bytes/sha256 and are reported, so a stale checksum never ships.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog, type CatalogFile } from '../../src/runtime/catalog';

const modelsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalogPath = join(modelsDir, 'catalog.json');

function measure(file: string): Pick<CatalogFile, 'bytes' | 'sha256'> {
  const data = readFileSync(file);
  return { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') };
}

function main(): void {
  const catalog = parseCatalog(JSON.parse(readFileSync(catalogPath, 'utf8')));
  const missing: string[] = [];
  for (const model of catalog.models.filter((m) => m.source === 'bundled')) {
    for (const file of [...model.sharedFiles, ...Object.values(model.dtypes).flatMap((d) => d.files)]) {
      const path = join(modelsDir, model.id, file.path);
      delete file.bytes;
      delete file.sha256;
      if (existsSync(path)) Object.assign(file, measure(path));
      else missing.push(`models/${model.id}/${file.path}`);
    }
  }
  writeFileSync(catalogPath, `${JSON.stringify(catalog, null, 2)}\n`);
  console.log(`models/catalog.json updated (${catalog.models.length} models).`);
  if (missing.length) console.warn(`Not found, so listed without bytes/sha256:\n  ${missing.join('\n  ')}`);
}

main();
