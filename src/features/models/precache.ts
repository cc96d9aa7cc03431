/** Which files of the bundled models the offline app (service worker) has precached, read cheaply from `caches`. */
import { appModelsUrl } from '../../runtime/cache';
import type { CatalogModel } from '../../runtime/catalog';

/**
 * `<model id>/<path>` of every precached file of the bundled models; empty where the browser has no Cache Storage
 * or no service worker stored anything. Workbox keys files that lack a hash in their name with a `__WB_REVISION__`
 * query, hence `ignoreSearch`.
 */
export async function precachedModelFiles(models: readonly CatalogModel[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (typeof caches === 'undefined') return found;
  const base = appModelsUrl();
  for (const model of models.filter((m) => m.source === 'bundled')) {
    const paths = [...model.sharedFiles, ...Object.values(model.dtypes).flatMap((d) => d.files)].map((f) => f.path);
    for (const path of paths) if (await caches.match(`${base}${model.id}/${path}`, { ignoreSearch: true })) found.add(`${model.id}/${path}`);
  }
  return found;
}
