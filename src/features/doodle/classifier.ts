// The sketch models the game can play with, and loading one into the inference worker as a LoadedSketchClassifier:
// the bundled 28×28 sketch CNN, the hub's image-classification model (MobileViT, the original Doodle Dash model),
// models opened from disk, and the variants made in the quantization lab (run from their stored bytes).
import { msg, str } from '@lit/localize';
import { bitmapToInput, labelsFromConfig, renderSketchImage, sketchInputShape } from '../../sketch';
import { SKETCH_INPUT_SPEC } from '../../sketch/input-spec';
import { readCachedFile } from '../../runtime/cache';
import { catalog, findModel, type CatalogModel } from '../../runtime/catalog';
import type { Dtype, FileProgress, LoadedInfo } from '../../runtime/protocol';
import { ImageClassifyClient } from '../../runtime/image-classify-client';
import { getVariant, variantDtype, type StoredVariant } from '../../runtime/variant-store';
import { bitmapPredictStep, type PredictStep } from '../../sketch/live-predictor';
import { toQuickDrawStrokes } from '../../sketch/sketchpad';
import { formatPercent } from '../../ui/format';
import { modelName } from '../../ui/model-name';
import { modelTitle } from '../../ui/model-title';
import { playsInGame } from '../../ui/play-variant';
import { numberRepeats, storedVariantName, variantSourceName } from '../../ui/variant-name';
import type { ClassQuality } from './targets';

export interface SketchModelChoice {
  /** Stable id for the page selector, e.g. "doodle-cnn" (dtype from the header) or "doodle-cnn@int8". */
  key: string;
  modelId: string;
  /** Undefined: the header's dtype choice applies. */
  dtype?: Dtype;
  title: string;
  /** 'bitmap': reads our 28×28 sketch tensor; 'image': a hub image-classification model reading a picture. */
  kind: 'bitmap' | 'image';
  /** A model made or opened in the quantization lab: the id of its stored variant, whose bytes are loaded. */
  variantId?: string;
}

/** A stored lab variant without its bytes: what the menu needs to offer it. */
export type VariantSummary = Omit<StoredVariant, 'bytes'>;

/** The stored variant chosen is no longer stored (deleted in the lab, in another tab, or with all stored data). */
export class VariantMissingError extends Error {
  constructor(readonly variantId: string) {
    super(`The lab variant ${variantId} is no longer stored in this browser`);
    this.name = 'VariantMissingError';
  }
}

/** The model a lab variant was made from is no longer in this browser (a folder from disk deleted on the Models page). */
export class SourceModelGoneError extends Error {
  constructor(readonly modelId: string) {
    super(`The model ${modelId} that this variant was made from is no longer in this browser`);
    this.name = 'SourceModelGoneError';
  }
}

export interface LoadedSketchClassifier {
  readonly labels: readonly string[];
  /** The classes a round may ask for, with measured per-class accuracy where it exists. */
  readonly classQuality: readonly ClassQuality[];
  /** How the targets were chosen, when it is not by measured accuracy (in the interface language when read). */
  readonly targetNote?: string;
  /** e.g. "Sketch CNN (16 classes) · int8 · wasm" (the model by its display name, modelName). */
  readonly description: string;
  /** The live predictor's step: drawing → guesses. */
  readonly predictStep: PredictStep;
  dispose(): Promise<void>;
}

/** What each kind of model adds to the parts every loaded classifier shares. */
type ModelSpecificParts = Omit<LoadedSketchClassifier, 'labels' | 'description' | 'dispose'>;

/**
 * localStorage key: another hub model id for the hub choice (same layout as the catalogued one: a fine-tune, a
 * mirror, the browser tests' fixture), set from the page's "Hub model" field; the catalog's id otherwise.
 */
export const HUB_SKETCH_MODEL_KEY = 'mlwb.doodle.hubModel';

interface SketchMetrics {
  perClassTop1?: Record<string, number>;
}

// Bundled into the app (not fetched) so a warm start needs no request; a model without metrics gets {}.
const metricsFiles = import.meta.glob<SketchMetrics>('../../../models/*/metrics.json', { eager: true, import: 'default' });
// The bundled models' classes, for their lab variants (a model run from bytes comes without its config.json).
const bundledConfigs = import.meta.glob<{ id2label?: Record<string, string> }>('../../../models/*/config.json', { eager: true, import: 'default' });
/** The classes the lab assumes for an opened .onnx file without a config: the bundled sketch model's 16. */
const OPENED_FILE_CLASSES_FROM = 'doodle-cnn';

function metricsFor(modelId: string): SketchMetrics {
  return metricsFiles[`../../../models/${modelId}/metrics.json`] ?? {};
}

function sketchModels(source: CatalogModel['source']): CatalogModel[] {
  return catalog.models.filter((m) => m.task === 'sketch-classification' && m.source === source);
}

function hubModelId(catalogId: string): string {
  const override = typeof localStorage === 'undefined' ? null : localStorage.getItem(HUB_SKETCH_MODEL_KEY);
  return override?.trim() || catalogId;
}

/** Remembers the hub model the player chose for the hub choice (the catalog's own id clears the choice). */
export function rememberHubSketchModel(id: string): void {
  if (sketchModels('hub').some((m) => m.id === id)) localStorage.removeItem(HUB_SKETCH_MODEL_KEY);
  else localStorage.setItem(HUB_SKETCH_MODEL_KEY, id);
}

/**
 * Bundled models (input: our 28×28 sketch tensor) in each dtype, then hub sketch models in their default dtype only
 * (the MobileViT's q8 export is reported to be confidently wrong), models opened from disk, then the lab's `variants`
 * the game can play (`playsInGame`), oldest first. Titles in the interface language: call at render.
 */
export function sketchModelChoices(variants: readonly VariantSummary[] = []): SketchModelChoice[] {
  const bundled = sketchModels('bundled').flatMap((m): SketchModelChoice[] => [
    { key: m.id, modelId: m.id, title: msg(str`${modelTitle(m)} · header dtype`, { id: 'doodle.model.header-dtype' }), kind: 'bitmap' },
    ...(Object.keys(m.dtypes) as Dtype[]).map((dtype): SketchModelChoice => ({ key: `${m.id}@${dtype}`, modelId: m.id, dtype, title: `${modelTitle(m)} · ${dtype}`, kind: 'bitmap' })),
  ]);
  const hub = sketchModels('hub').map((m): SketchModelChoice => ({
    key: m.id,
    modelId: hubModelId(m.id),
    dtype: m.defaultDtype,
    title: msg(str`${modelTitle(m)} · hub · ${m.defaultDtype}`, { id: 'doodle.model.hub-title' }),
    kind: 'image',
  }));
  // Models opened from disk (Models page): a 28×28 sketch model reads our tensor, an image classifier a picture.
  const local = catalog.models
    .filter((m) => m.source === 'local' && m.task !== 'summarization')
    .map((m): SketchModelChoice => ({ key: m.id, modelId: m.id, dtype: m.defaultDtype, title: `${modelTitle(m)} (${m.id}) · ${m.defaultDtype}`, kind: m.task === 'image-classification' ? 'image' : 'bitmap' }));
  const playable = variants.filter((v) => playsInGame(v.modelId));
  const titles = numberRepeats(playable.map((v) => variantTitle(v)));
  const lab = playable.map((v, i): SketchModelChoice => ({ key: variantChoiceKey(v.id), modelId: v.modelId, variantId: v.id, title: titles[i]!, kind: 'bitmap' }));
  return [...bundled, ...hub, ...local, ...lab];
}

/** The menu key of the stored variant `id`. */
export function variantChoiceKey(id: string): string {
  return `lab:${id}`;
}

/** "Sketch CNN (16 classes) · static int8 (made here)", "mine.onnx · fp32 (your file)": the lab's name for it (interface language). */
export function variantTitle(variant: VariantSummary): string {
  return `${variantSourceName(variant)} · ${storedVariantName(variant)}`;
}

/**
 * The classes of a lab variant's scores, in order, from the model it was made from (`modelId`): a bundled model's
 * config.json (in the app), one opened from disk from its config.json in the model cache; an opened .onnx file
 * (`file:…`, no config) is taken as the bundled sketch model's 16 classes, as the lab compares it. Throws when a
 * catalog model's config.json is not in this browser, or has no usable id2label (labelsFromConfig); throws
 * SourceModelGoneError when the model is no longer in the catalog at all.
 */
export async function variantLabels(modelId: string): Promise<string[]> {
  const bundled = (id: string) => bundledConfigs[`../../../models/${id}/config.json`];
  if (modelId.startsWith('file:')) return labelsFromConfig(bundled(OPENED_FILE_CLASSES_FROM) ?? {});
  const config = bundled(modelId) ?? (await cachedConfig(modelId));
  if (!config) {
    if (!findModel(modelId)) throw new SourceModelGoneError(modelId);
    throw new Error(msg(str`The class names of ${modelName(modelId)} (its config.json) are not stored in this browser.`, { id: 'doodle.variant.no-config' }));
  }
  return labelsFromConfig(config);
}

async function cachedConfig(modelId: string): Promise<{ id2label?: Record<string, string> } | undefined> {
  const bytes = await readCachedFile(modelId, 'config.json');
  return bytes && (JSON.parse(new TextDecoder().decode(bytes)) as { id2label?: Record<string, string> });
}

/** The stored variant `id`; throws VariantMissingError when it is gone, or the store's error when storage fails. */
async function storedVariant(id: string): Promise<StoredVariant> {
  const variant = await getVariant(id);
  if (!variant) throw new VariantMissingError(id);
  return variant;
}

export function defaultSketchModelChoice(): SketchModelChoice {
  return sketchModelChoices()[0] ?? { key: 'doodle-cnn', modelId: 'doodle-cnn', title: 'Sketch CNN', kind: 'bitmap' };
}

/** The labels a round may ask for with a model that has no per-class metrics: those the bundled model knows too. */
function sharedTargets(labels: readonly string[]): string[] {
  const bundledLabels = new Set(sketchModels('bundled').flatMap((m) => Object.keys(metricsFor(m.id).perClassTop1 ?? {})));
  const shared = labels.filter((label) => bundledLabels.has(label));
  return shared.length > 0 ? shared : [...labels];
}

/** One line on a load's latest file event, in the interface language (call at render). */
export function progressText(progress: FileProgress): string {
  const file = progress.file.split('/').at(-1);
  if (progress.status === 'done') return msg('Starting the model…', { id: 'doodle.load.starting' });
  if (progress.fromCache) return msg(str`Loading ${file} from this browser's cache…`, { id: 'doodle.load.from-cache' });
  if (progress.total > 0) {
    return msg(str`Downloading ${file}: ${formatPercent(progress.loaded, progress.total)}`, { id: 'doodle.load.downloading-part' });
  }
  return msg(str`Downloading ${file}…`, { id: 'doodle.load.downloading' });
}

// One worker for the game, kept across page visits; each load replaces the model in it. Loads run one after
// another, so a superseded load can never replace (or free) the model of a newer one.
let client: ImageClassifyClient | undefined;
let loads: Promise<unknown> = Promise.resolve();

/** Loads a model into the game's worker; any classifier returned earlier stops working once this resolves. */
export function loadSketchClassifier(choice: SketchModelChoice, onProgress: (progress: FileProgress) => void): Promise<LoadedSketchClassifier> {
  return afterPendingLoads(() => loadNow(choice, onProgress));
}

function afterPendingLoads<T>(step: () => Promise<T>): Promise<T> {
  const done = loads.then(step);
  loads = done.catch(() => undefined);
  return done;
}

async function loadNow(choice: SketchModelChoice, onProgress: (progress: FileProgress) => void): Promise<LoadedSketchClassifier> {
  client ??= new ImageClassifyClient('doodle');
  const worker = client;
  if (choice.variantId !== undefined) return loadVariant(worker, await storedVariant(choice.variantId));
  const pipeline = choice.kind === 'image' ? 'image-classification' : undefined;
  const info = await worker.load({ modelId: choice.modelId, dtype: choice.dtype, pipeline, onProgress });
  const labels = labelsFromConfig(info.config as { id2label?: Record<string, string> });
  const loaded = {
    labels,
    // Read when shown: the worker moves the model to WASM if the GPU stops working.
    get description() {
      return `${modelName(info.modelId)} · ${info.dtype} · ${worker.device}`;
    },
    dispose: () => afterPendingLoads(() => worker.dispose()),
  };
  if (choice.kind === 'image') {
    return Object.assign(loaded, {
      classQuality: sharedTargets(labels).map((label) => ({ label })),
      get targetNote() {
        return msg('No per-class accuracy is measured for this model, so it asks for the classes the bundled sketch model knows too.', {
          id: 'doodle.targets.shared-note',
        });
      },
      async predictStep(strokes, count) {
        const image = renderSketchImage(toQuickDrawStrokes(strokes));
        if (!image) return null;
        const scores = await worker.classifyImage(image, count);
        return { guesses: scores.map(({ label, score }) => ({ label, probability: score })) };
      },
    } satisfies ModelSpecificParts);
  }
  return Object.assign(loaded, bitmapParts(worker, info, labels, choice.modelId));
}

/** The parts of a 28×28 sketch model: targets by the measured accuracy of `metricsOf` (a catalog id), the predictor. */
function bitmapParts(worker: ImageClassifyClient, info: LoadedInfo, labels: readonly string[], metricsOf: string): ModelSpecificParts {
  const inputName = info.inputNames[0]!;
  const outputName = info.outputNames[0]!;
  const accuracy = metricsFor(metricsOf).perClassTop1 ?? {};
  return {
    classQuality: labels.map((label) => ({ label, accuracy: accuracy[label] })),
    predictStep: bitmapPredictStep({ labels, classify: (bitmap) => classifyBitmap(worker, inputName, outputName, bitmap) }),
  };
}

async function classifyBitmap(worker: ImageClassifyClient, inputName: string, outputName: string, bitmap: Uint8Array): Promise<Float32Array> {
  const input = { type: 'float32' as const, data: bitmapToInput(bitmap), dims: sketchInputShape() };
  const out = await worker.run({ [inputName]: input }, { transfer: true, outputs: [outputName] });
  return out[outputName]!.data as Float32Array;
}

/**
 * A lab variant from its stored bytes (nothing fetched), on the device the header chooses. Its classes and the
 * measured per-class accuracy that picks the targets are those of the model it was made from. Throws when the bytes
 * do not load, or when the model does not give one score per class (checked on a blank drawing).
 */
async function loadVariant(worker: ImageClassifyClient, variant: StoredVariant): Promise<LoadedSketchClassifier> {
  const labels = await variantLabels(variant.modelId);
  // A catalog id names the model for the header badge and sizes its WASM threads; an opened file goes by its name.
  const modelId = variant.modelId.startsWith('file:') ? variant.name : variant.modelId;
  const info = await worker.load({ modelId, dtype: variantDtype(variant.mode), bytes: variant.bytes });
  const parts = bitmapParts(worker, info, labels, variant.modelId);
  const scores = await classifyBitmap(worker, info.inputNames[0]!, info.outputNames[0]!, new Uint8Array(SKETCH_INPUT_SPEC.size ** 2));
  if (scores.length !== labels.length) {
    const title = variantTitle(variant);
    const count = scores.length;
    const classes = labels.length;
    throw new Error(msg(str`${title} gives ${count} scores per drawing; the game needs one for each of its ${classes} classes.`, { id: 'doodle.variant.wrong-output' }));
  }
  return {
    labels,
    get description() {
      return `${variantTitle(variant)} · ${worker.device}`;
    },
    dispose: () => afterPendingLoads(() => worker.dispose()),
    ...parts,
  };
}
