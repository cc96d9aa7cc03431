/** Groups cached files by model and dtype for the Models page. Pure. */
import type { CachedFileMeta } from '../../runtime/cache';
import { dtypeOfPath, filesForDtype, type Catalog, type CatalogModel } from '../../runtime/catalog';
import type { Dtype, InputInfo, TensorMap } from '../../runtime/protocol';

export interface FileGroup {
  /** 'shared' for files every dtype needs (config, tokenizer…). */
  dtype: Dtype | 'shared';
  files: CachedFileMeta[];
  bytes: number;
}

export interface ModelRow {
  modelId: string;
  title: string;
  model: CatalogModel | undefined;
  groups: FileGroup[];
  cachedBytes: number;
  /** Dtypes whose every file is cached (catalogued models only). */
  completeDtypes: Dtype[];
  /** Dtypes of a bundled model whose every file the offline app (service worker) has precached. */
  precachedDtypes: Dtype[];
  /** Dtypes that load with the network off: cached in IndexedDB or precached. */
  offlineDtypes: Dtype[];
}

const GROUP_ORDER: (Dtype | 'shared')[] = ['shared', 'fp32', 'fp16', 'int8', 'q4'];

function groupFiles(files: CachedFileMeta[]): FileGroup[] {
  const groups = new Map<Dtype | 'shared', CachedFileMeta[]>();
  for (const f of files) {
    const key = dtypeOfPath(f.path) ?? 'shared';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return GROUP_ORDER.filter((d) => groups.has(d)).map((dtype) => {
    const list = groups.get(dtype)!.sort((a, b) => a.path.localeCompare(b.path));
    return { dtype, files: list, bytes: list.reduce((sum, f) => sum + f.bytes, 0) };
  });
}

/** Dtypes of `model` whose every file (shared ones included) has its path in `paths`. */
export function completeDtypes(model: CatalogModel, paths: ReadonlySet<string>): Dtype[] {
  return (Object.keys(model.dtypes) as Dtype[]).filter((d) => filesForDtype(model, d).every((f) => paths.has(f.path)));
}

/**
 * Catalogued models first (catalog order, models from disk last there), then other cached models by id.
 * `precached`: `<model id>/<path>` of the files the offline app's precache holds.
 */
export function buildModelRows(catalog: Catalog, files: CachedFileMeta[], precached: ReadonlySet<string> = new Set()): ModelRow[] {
  const byModel = new Map<string, CachedFileMeta[]>();
  for (const f of files) byModel.set(f.modelId, [...(byModel.get(f.modelId) ?? []), f]);
  const row = (modelId: string, model: CatalogModel | undefined): ModelRow => {
    const own = byModel.get(modelId) ?? [];
    const cached = model ? completeDtypes(model, new Set(own.map((f) => f.path))) : [];
    const inPrecache = model?.source === 'bundled' ? completeDtypes(model, new Set([...precached].filter((p) => p.startsWith(`${modelId}/`)).map((p) => p.slice(modelId.length + 1)))) : [];
    return {
      modelId,
      title: model?.title ?? modelId,
      model,
      groups: groupFiles(own),
      cachedBytes: own.reduce((sum, f) => sum + f.bytes, 0),
      completeDtypes: cached,
      precachedDtypes: inPrecache,
      offlineDtypes: (Object.keys(model?.dtypes ?? {}) as Dtype[]).filter((d) => cached.includes(d) || inPrecache.includes(d)),
    };
  };
  const known = new Set(catalog.models.map((m) => m.id));
  const others = [...byModel.keys()].filter((id) => !known.has(id)).sort();
  return [...catalog.models.map((m) => row(m.id, m)), ...others.map((id) => row(id, undefined))];
}

/** All-zero inputs for a quick "does it run here" check; undefined when an input is not a float32 tensor. */
export function zeroInputs(inputs: InputInfo[]): TensorMap | undefined {
  if (inputs.length === 0 || inputs.some((i) => i.type !== 'float32')) return undefined;
  const map: TensorMap = {};
  for (const input of inputs) {
    const dims = input.dims.map((d) => (typeof d === 'number' && d > 0 ? d : 1));
    map[input.name] = { type: 'float32', data: new Float32Array(dims.reduce((a, b) => a * b, 1)), dims };
  }
  return map;
}

/**
 * The ids of the other models opened from disk with the folder name `title` (an import of a same-named folder with
 * other files is stored as `local/<name>-2`: the cards and the import result must tell them apart).
 */
export function localNamesakes(models: readonly Pick<CatalogModel, 'id' | 'title' | 'source'>[], title: string, exceptId: string): string[] {
  return models.filter((m) => m.source === 'local' && m.title === title && m.id !== exceptId).map((m) => m.id);
}
