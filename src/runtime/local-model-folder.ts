/**
 * What a transformers.js model folder on the user's disk holds, decided from its file list and config.json alone
 * (no DOM, no storage): which task it serves, which dtypes are complete, which files to copy, and, when it cannot be
 * used, a problem that says what is wrong in terms the Models page turns into a message.
 *
 * Layout (transformers.js, https://huggingface.co/docs/transformers.js/custom_usage): config.json and tokenizer /
 * preprocessor JSON at the top, ONNX sessions in onnx/<session><suffix>.onnx, the suffix naming the dtype
 * ('' fp32, _quantized q8, _fp16, _q4, …), large weights in onnx/<file>.onnx_data.
 */
import type { Dtype } from './protocol';

/** The tasks a model from disk can serve here: the summarizer, the game's picture classifier, or a 28×28 sketch model. */
export type LocalTask = 'summarization' | 'image-classification' | 'sketch-classification';

export type FolderProblem =
  | { kind: 'empty' }
  /** `found`: a few of the file names that were there. */
  | { kind: 'no-config'; found: string[] }
  | { kind: 'bad-config'; detail: string }
  | { kind: 'unknown-task'; modelType?: string; architectures: string[] }
  | { kind: 'no-onnx'; task: LocalTask }
  /** Paths relative to the model folder that `task` needs and the folder lacks. */
  | { kind: 'missing-files'; task: LocalTask; files: string[] }
  | { kind: 'no-labels'; task: LocalTask }
  /** ONNX files that do not parse, each with why (see onnx-check.ts). */
  | { kind: 'bad-onnx'; files: { path: string; why: string }[] };

export interface FolderPlan {
  task: LocalTask;
  /** Files every dtype needs (config, tokenizer, preprocessor…), paths relative to the model folder. */
  sharedFiles: string[];
  /** Complete dtypes only, each with its ONNX files (and their external-data files). */
  dtypes: Partial<Record<Dtype, string[]>>;
  defaultDtype: Dtype;
  /** Files not copied: not needed in the browser (README, PyTorch weights…) or of a dtype this app does not load. */
  leftOut: string[];
}

export type FolderVerdict = { ok: true; plan: FolderPlan } | { ok: false; problem: FolderProblem };

/** Our dtypes by transformers.js file suffix; the other suffixes it knows are left out by name. */
const DTYPE_SUFFIX: Record<Dtype, string> = { fp32: '', int8: '_quantized', fp16: '_fp16', q4: '_q4' };
/** Preference when several dtypes are complete: full precision first (the same numbers as the original). */
const DTYPE_ORDER: Dtype[] = ['fp32', 'int8', 'fp16', 'q4'];
// _q4f16 before _q4 so the longer suffix wins.
const ONNX_FILE = /^onnx\/(.+?)(_quantized|_fp16|_q4f16|_q4|_int8|_uint8|_bnb4)?\.onnx(_data(_\d+)?)?$/;

/** The ONNX sessions and top-level files each task loads (transformers.js pipelines of v3/v4). */
const NEEDS: Record<LocalTask, { sessions: string[]; files: string[] }> = {
  summarization: { sessions: ['encoder_model', 'decoder_model_merged'], files: ['config.json', 'tokenizer.json', 'tokenizer_config.json'] },
  'image-classification': { sessions: ['model'], files: ['config.json', 'preprocessor_config.json'] },
  'sketch-classification': { sessions: ['model'], files: ['config.json'] },
};

/** Text encoder–decoder families transformers.js runs as summarization / text2text-generation models. */
const SEQ2SEQ_TEXT = new Set(['bart', 'mbart', 't5', 'mt5', 'longt5', 'pegasus', 'marian', 'm2m_100', 'blenderbot', 'blenderbot-small', 'led']);

/**
 * Strips leading folders that every path shares while the folder has no config.json at its top, so picking the
 * model folder itself (webkitdirectory names it in every path) or the folder just above it both work.
 * Returns the paths relative to the model folder and that folder's name ('' when the paths were already relative).
 */
export function modelFolderPaths(paths: readonly string[]): { name: string; paths: string[] } {
  let current = paths.map((p) => p.replace(/\\/g, '/').replace(/^\/+/, ''));
  let name = '';
  for (;;) {
    if (current.includes('config.json') || current.length === 0) break;
    const first = current[0]!.split('/')[0]!;
    if (!current.every((p) => p.startsWith(`${first}/`))) break;
    name = first;
    current = current.map((p) => p.slice(first.length + 1));
  }
  return { name, paths: current };
}

interface ModelConfig {
  model_type?: unknown;
  architectures?: unknown;
  id2label?: unknown;
  input?: { shape?: unknown };
}

/** Our own sketch models (models/doodle-cnn) describe their input in config.json: [batch, 1, 28, 28]. */
function takesSketch(config: ModelConfig): boolean {
  const shape = config.input?.shape;
  return Array.isArray(shape) && shape.length === 4 && shape.slice(1).every((d, i) => d === [1, 28, 28][i]);
}

/** Which task config.json describes, or undefined when this app has no use for it. */
export function taskOfConfig(config: ModelConfig): LocalTask | undefined {
  const architectures = Array.isArray(config.architectures) ? config.architectures.map(String) : [];
  if (typeof config.model_type === 'string' && SEQ2SEQ_TEXT.has(config.model_type)) return 'summarization';
  if (architectures.some((a) => /ForImageClassification$/.test(a))) return 'image-classification';
  if (takesSketch(config)) return 'sketch-classification';
  return undefined;
}

function hasLabels(config: ModelConfig): boolean {
  return !!config.id2label && typeof config.id2label === 'object' && Object.keys(config.id2label).length > 0;
}

interface OnnxName {
  session: string;
  /** Our dtype, or the transformers.js suffix this app does not load. */
  dtype: Dtype | { unsupported: string };
}

function parseOnnxName(path: string): OnnxName | undefined {
  const m = ONNX_FILE.exec(path);
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const dtype = DTYPE_ORDER.find((d) => DTYPE_SUFFIX[d] === suffix);
  return { session: m[1]!, dtype: dtype ?? { unsupported: suffix.slice(1) } };
}

/**
 * Decides what to do with a folder. `paths` are relative to the model folder (see `modelFolderPaths`);
 * `configText` is config.json's text, undefined when the folder has none.
 */
export function planModelFolder(paths: readonly string[], configText: string | undefined): FolderVerdict {
  const fail = (problem: FolderProblem): FolderVerdict => ({ ok: false, problem });
  if (paths.length === 0) return fail({ kind: 'empty' });
  if (configText === undefined || !paths.includes('config.json')) return fail({ kind: 'no-config', found: [...paths].sort().slice(0, 5) });
  let config: ModelConfig;
  try {
    const parsed: unknown = JSON.parse(configText);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail({ kind: 'bad-config', detail: 'it is not a JSON object' });
    config = parsed as ModelConfig;
  } catch (error) {
    return fail({ kind: 'bad-config', detail: error instanceof Error ? error.message : String(error) });
  }
  const task = taskOfConfig(config);
  if (!task) {
    const architectures = Array.isArray(config.architectures) ? config.architectures.map(String) : [];
    return fail({ kind: 'unknown-task', modelType: typeof config.model_type === 'string' ? config.model_type : undefined, architectures });
  }
  if (task !== 'summarization' && !hasLabels(config)) return fail({ kind: 'no-labels', task });

  const needs = NEEDS[task];
  const onnx = paths.map((path) => ({ path, name: parseOnnxName(path) })).filter((f): f is { path: string; name: OnnxName } => !!f.name);
  if (onnx.length === 0) return fail({ kind: 'no-onnx', task });
  const filesOf = (dtype: Dtype, session: string) =>
    onnx.filter((f) => f.name.dtype === dtype && f.name.session === session).map((f) => f.path);
  const modelFile = (dtype: Dtype, session: string) => `onnx/${session}${DTYPE_SUFFIX[dtype]}.onnx`;

  const dtypes: Partial<Record<Dtype, string[]>> = {};
  for (const dtype of DTYPE_ORDER) {
    if (needs.sessions.every((s) => paths.includes(modelFile(dtype, s)))) dtypes[dtype] = needs.sessions.flatMap((s) => filesOf(dtype, s)).sort();
  }
  const complete = DTYPE_ORDER.filter((d) => dtypes[d]);
  const missingShared = needs.files.filter((f) => !paths.includes(f));
  if (complete.length === 0) {
    // Name what the most nearly complete dtype lacks.
    const present = (d: Dtype) => needs.sessions.filter((s) => paths.includes(modelFile(d, s))).length;
    const closest = [...DTYPE_ORDER].sort((a, b) => present(b) - present(a))[0]!;
    const missing = needs.sessions.filter((s) => !paths.includes(modelFile(closest, s))).map((s) => modelFile(closest, s));
    return fail({ kind: 'missing-files', task, files: [...missingShared, ...missing] });
  }
  if (missingShared.length > 0) return fail({ kind: 'missing-files', task, files: missingShared });

  const sharedFiles = paths.filter((p) => /^[^/]+\.json$/.test(p)).sort();
  const copied = new Set([...sharedFiles, ...complete.flatMap((d) => dtypes[d]!)]);
  return {
    ok: true,
    plan: { task, sharedFiles, dtypes, defaultDtype: complete[0]!, leftOut: paths.filter((p) => !copied.has(p)).sort() },
  };
}

/**
 * A short tag for a text: FNV-1a, 64 bits (Fowler, Noll, Vo; draft-eastlake-fnv), over its UTF-8 bytes, as 10
 * base-36 characters (~51 bits). Not for security: it only keeps different folder names apart in their ids.
 */
function nameTag(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(36).padStart(13, '0').slice(-10);
}

/**
 * A local model id, `local/<name>`, that transformers.js accepts as a model id (ASCII letters, digits, '.', '_', '-';
 * no '--' or '..'; at most 96 characters) and that is not in `taken`: `local/<name>-2`, `-3`… when it is. Accents are
 * dropped ('modèle' → 'modele'); a name with characters outside ASCII ('日本語モデル') also gets a tag computed from
 * the whole name, so different names keep different ids. People see the folder name itself (the record's title).
 */
export function localModelId(folderName: string, taken: ReadonlySet<string>): string {
  const name = folderName.normalize('NFC');
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/([.-])[.-]+/g, '$1')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 80)
    .replace(/(\.git|\.ipynb)?[^A-Za-z0-9]*$/, '');
  const base = /[^\x00-\x7f]/.test(name) ? `${slug || 'model'}-${nameTag(name)}` : slug || 'model';
  let id = `local/${base}`;
  for (let n = 2; taken.has(id); n++) id = `local/${base}-${n}`;
  return id;
}
