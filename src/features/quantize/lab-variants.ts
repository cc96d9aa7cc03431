/**
 * The models the lab can compare and where each variant's bytes come from: the catalog's dtypes (downloaded and
 * cached by the inference worker), variants quantized here, and float models the user opened (both in IndexedDB).
 */
import { msg, str } from '@lit/localize';
import { catalog, type CatalogModel } from '../../runtime/catalog';
import type { Dtype, LoadedInfo } from '../../runtime/protocol';
import { formatNumber } from '../../ui/format';
import { modelTitle } from '../../ui/model-title';
// Variant names live in src/ui/variant-name.ts: the game's model menu names the lab's variants the same way.
import { modeName, numberRepeats, storedVariantName } from '../../ui/variant-name';
import { formatTag, variantDtype, type StoredVariant } from '../../runtime/variant-store';

export interface LabModel {
  /** Catalog id, or `file:<stored id>` for a model the user opened. */
  id: string;
  title: string;
  catalogModel?: CatalogModel;
  /** The opened float model, for `file:` models. */
  opened?: StoredVariant;
}

export interface LabVariant {
  id: string;
  name: string;
  isReference: boolean;
  /** Catalog variants load by dtype; stored ones from their bytes. */
  dtype: Dtype;
  stored?: StoredVariant;
  /** Size when known before loading (catalog sizes of the .onnx files, or the stored bytes). */
  bytes?: number;
}

export function labModels(stored: readonly StoredVariant[]): LabModel[] {
  const fromCatalog = catalog.models
    .filter((m) => m.task === 'sketch-classification' && m.dtypes.fp32)
    .map((m): LabModel => ({ id: m.id, title: m.source === 'hub' ? msg(str`${modelTitle(m)} · hub`, { id: 'quantize.model.hubTitle' }) : modelTitle(m), catalogModel: m }));
  const opened = stored.filter((v) => v.mode === 'opened').map((v): LabModel => ({ id: `file:${v.id}`, title: msg(str`${v.name} · your file`, { id: 'quantize.model.fileTitle' }), opened: v }));
  return [...fromCatalog, ...opened];
}

function onnxBytes(model: CatalogModel, dtype: Dtype): number | undefined {
  const files = model.dtypes[dtype]?.files ?? [];
  return files.every((f) => f.bytes !== undefined) ? files.reduce((sum, f) => sum + f.bytes!, 0) : undefined;
}

/** The reference (fp32) first, then the model's other dtypes, then variants quantized here, oldest first. */
export function labVariants(model: LabModel, stored: readonly StoredVariant[]): LabVariant[] {
  const variants: LabVariant[] = [];
  if (model.catalogModel) {
    for (const dtype of Object.keys(model.catalogModel.dtypes) as Dtype[]) {
      const shipped = dtype === 'fp32' ? 'fp32' : msg(str`${dtype} (shipped)`, { id: 'quantize.variant.shipped' });
      variants.push({ id: `${model.id}#${dtype}`, name: shipped, isReference: dtype === 'fp32', dtype, bytes: onnxBytes(model.catalogModel, dtype) });
    }
    variants.sort((a, b) => Number(b.isReference) - Number(a.isReference));
  } else if (model.opened) {
    variants.push({ id: model.opened.id, name: modeName('opened'), isReference: true, dtype: 'fp32', stored: model.opened, bytes: model.opened.bytes.byteLength });
  }
  const made = stored.filter((s) => s.modelId === model.id && s.mode !== 'opened');
  const names = numberRepeats(made.map((v) => storedVariantName(v)));
  made.forEach((v, i) => variants.push({ id: v.id, name: names[i]!, isReference: false, dtype: variantDtype(v.mode), stored: v, bytes: v.bytes.byteLength }));
  return variants;
}

/** What a deletion removes, in words: "static int8 of doodle-cnn", "mine.onnx and the 2 variant(s) made from it". */
export function deletionWords(variant: StoredVariant, dependants: number, shownName: string): string {
  const name = variant.name;
  const count = formatNumber(dependants);
  return dependants
    ? msg(str`${name} and the ${count} variant(s) made from it`, { id: 'quantize.delete.withDependants' })
    : msg(str`${shownName} of ${name}`, { id: 'quantize.delete.variant' });
}

/** The fp32 .onnx file of a catalog model, whose cached bytes the quantizer reads. */
export function fp32OnnxPath(model: CatalogModel): string | undefined {
  return model.dtypes.fp32?.files.find((f) => f.path.endsWith('.onnx'))?.path;
}

/** A file name for downloading a variant: "doodle-cnn-static-int8.onnx", "doodle-cnn-int4-b32-sym.onnx" (formatTag). */
export function downloadName(modelTitle: string, variant: StoredVariant): string {
  const base = modelTitle.replace(/\.onnx$/i, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  return variant.mode === 'opened' ? `${base}.onnx` : `${base}-${formatTag(variant)}.onnx`;
}

/** Only models that take one 28×28 sketch can be fed the lab's drawings. */
export function checkSketchInput(info: Pick<LoadedInfo, 'inputs'>, name: string): void {
  const [input] = info.inputs;
  const dims = input?.dims ?? [];
  const fits = info.inputs.length === 1 && dims.length === 4 && dims.slice(1).every((d, i) => d === [1, 28, 28][i] || typeof d === 'string');
  if (!fits) {
    const takes = info.inputs.map((i) => `${i.name} [${i.dims.join(', ')}]`).join(', ') || msg('no inputs', { id: 'quantize.error.noInputs' });
    throw new Error(msg(str`${name} takes ${takes}; the lab compares models that take one 28×28 sketch [batch, 1, 28, 28].`, { id: 'quantize.error.notSketchModel' }));
  }
}
