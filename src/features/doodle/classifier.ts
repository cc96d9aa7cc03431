// The sketch models the game can play with, and loading one into the inference worker as a SketchClassifier.
import { bitmapToInput, labelsFromConfig, sketchInputShape } from '../../sketch';
import { catalog, type CatalogModel } from '../../runtime/catalog';
import type { Dtype, FileProgress } from '../../runtime/protocol';
import { InferenceClient } from '../../runtime/worker-client';
import type { SketchClassifier } from './live-predictor';
import type { ClassQuality } from './targets';

export interface SketchModelChoice {
  /** Stable id for the page selector, e.g. "doodle-cnn" (dtype from the header) or "doodle-cnn@int8". */
  key: string;
  modelId: string;
  /** Undefined: the header's dtype choice applies. */
  dtype?: Dtype;
  title: string;
}

export interface LoadedSketchClassifier extends SketchClassifier {
  /** Measured per-class accuracy, so the game asks for what the model recognises reliably. */
  readonly classQuality: readonly ClassQuality[];
  /** e.g. "doodle-cnn · int8 · wasm". */
  readonly description: string;
  dispose(): Promise<void>;
}

interface SketchMetrics {
  perClassTop1?: Record<string, number>;
}

// Bundled into the app (not fetched) so a warm start needs no request; a model without metrics gets {}.
const metricsFiles = import.meta.glob<SketchMetrics>('../../../models/*/metrics.json', { eager: true, import: 'default' });

function metricsFor(modelId: string): SketchMetrics {
  return metricsFiles[`../../../models/${modelId}/metrics.json`] ?? {};
}

/** Models whose input is our 28×28 sketch tensor ("input" → "logits"): the bundled sketch classifiers. */
function playableModels(): CatalogModel[] {
  return catalog.models.filter((m) => m.task === 'sketch-classification' && m.source === 'bundled');
}

export function sketchModelChoices(): SketchModelChoice[] {
  return playableModels().flatMap((m) => [
    { key: m.id, modelId: m.id, title: `${m.title} · header dtype` },
    ...(Object.keys(m.dtypes) as Dtype[]).map((dtype) => ({ key: `${m.id}@${dtype}`, modelId: m.id, dtype, title: `${m.title} · ${dtype}` })),
  ]);
}

export function defaultSketchModelChoice(): SketchModelChoice {
  return sketchModelChoices()[0] ?? { key: 'doodle-cnn', modelId: 'doodle-cnn', title: 'Sketch CNN' };
}

function progressText(progress: FileProgress): string {
  const file = progress.file.split('/').at(-1);
  if (progress.status === 'done') return 'Starting the model…';
  if (progress.fromCache) return `Loading ${file} from this browser's cache…`;
  if (progress.total > 0) return `Downloading ${file}: ${Math.round((100 * progress.loaded) / progress.total)}%`;
  return `Downloading ${file}…`;
}

// One worker for the game, kept across page visits; each load replaces the model in it. Loads run one after
// another, so a superseded load can never replace (or free) the model of a newer one.
let client: InferenceClient | undefined;
let loads: Promise<unknown> = Promise.resolve();

/** Loads a model into the game's worker; any classifier returned earlier stops working once this resolves. */
export function loadSketchClassifier(
  choice: SketchModelChoice,
  onProgress: (message: string) => void,
): Promise<LoadedSketchClassifier> {
  return afterPendingLoads(() => loadNow(choice, onProgress));
}

function afterPendingLoads<T>(step: () => Promise<T>): Promise<T> {
  const done = loads.then(step);
  loads = done.catch(() => undefined);
  return done;
}

async function loadNow(choice: SketchModelChoice, onProgress: (message: string) => void): Promise<LoadedSketchClassifier> {
  client ??= new InferenceClient('doodle');
  const worker = client;
  const info = await worker.load({ modelId: choice.modelId, dtype: choice.dtype, onProgress: (p) => onProgress(progressText(p)) });
  const labels = labelsFromConfig(info.config as { id2label?: Record<string, string> });
  const inputName = info.inputNames[0]!;
  const outputName = info.outputNames[0]!;
  const accuracy = metricsFor(choice.modelId).perClassTop1 ?? {};
  return {
    labels,
    classQuality: labels.map((label) => ({ label, accuracy: accuracy[label] })),
    description: `${info.modelId} · ${info.dtype} · ${info.device}`,
    async classify(bitmap) {
      const input = { type: 'float32' as const, data: bitmapToInput(bitmap), dims: sketchInputShape() };
      const out = await worker.run({ [inputName]: input }, { transfer: true, outputs: [outputName] });
      return out[outputName]!.data as Float32Array;
    },
    dispose: () => afterPendingLoads(() => worker.dispose()),
  };
}
