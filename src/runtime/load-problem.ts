/**
 * Why a model did not load, as data: the worker's and libraries' errors are English text, so the client sorts them
 * into codes that the interface words in its language (src/ui/load-error-text.ts); `describeLoadProblem` is the
 * English, kept as the error's message for logs and for callers without the interface.
 */
import type { Device, Dtype, ModelSource } from './protocol';

export type LoadProblem =
  /** fetch() got no answer (offline, host down, wrong address). */
  | { code: 'hub-unreachable'; host: string }
  /** The page's Content-Security-Policy forbids connecting to the host (src/runtime/csp-connect.ts). */
  | { code: 'hub-blocked'; host: string; detail: string }
  /** The hub answered 404 for a file the model needs. */
  | { code: 'hub-file-missing'; file: string }
  /** A model opened from disk lacks a file in the IndexedDB cache. */
  | { code: 'local-file-missing'; file: string }
  /** A model opened from disk had a file in the cache that failed its checksum (the cache removed it). */
  | { code: 'local-file-damaged'; file: string }
  /** A bundled model's file is not in this build. */
  | { code: 'not-in-build'; path: string }
  /** A JSON file of the model (config.json, tokenizer…) does not parse; `cause` is the parser's English. */
  | { code: 'bad-json'; cause: string }
  /** Anything else: the library's own words (English). */
  | { code: 'other'; cause: string };

/** The load that failed, for the message's first half. */
export interface FailedLoad {
  modelId: string;
  source: ModelSource;
  dtype: Dtype;
  device: Device;
  hubHost: string;
  /** The model was given as bytes (an imported file): no host is involved whatever `source` says. */
  fromBytes: boolean;
}

/** First line of an error's text, at most 160 characters. */
export function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 160);
}

/**
 * Sorts a load's error into a problem. `blockedBy` is the policy's reason when the page may not connect to the hub
 * (null when it may), `here()` the page's URL for resolving the relative paths transformers.js reports, `damaged` the
 * files of a model opened from disk that the cache removed during this load for failing their checksum.
 */
export function classifyLoadError(
  load: FailedLoad,
  error: unknown,
  blockedBy: string | null,
  here: () => string,
  damaged: ReadonlySet<string> = new Set(),
): LoadProblem {
  const text = shortError(error);
  const fromHub = load.source === 'hub' && !load.fromBytes;
  const missingLocal = /not found locally at "([^"]+)"/.exec(text);
  if (missingLocal) {
    const path = new URL(missingLocal[1]!, here()).pathname;
    if (load.source !== 'local') return { code: 'not-in-build', path };
    const file = path.split(`/${load.modelId}/`).at(-1)!;
    return damaged.has(file) ? { code: 'local-file-damaged', file } : { code: 'local-file-missing', file };
  }
  // fetch() says only "Failed to fetch" when nothing answers; after the worker's retries that means no hub.
  if (fromHub && /failed to fetch|networkerror|network error/i.test(text)) {
    return blockedBy ? { code: 'hub-blocked', host: load.hubHost, detail: blockedBy } : { code: 'hub-unreachable', host: load.hubHost };
  }
  const notFound = /^Could not locate file: "([^"]+)"/.exec(text);
  if (fromHub && notFound) return { code: 'hub-file-missing', file: notFound[1]!.split('/resolve/main/').at(-1)! };
  // JSON.parse's SyntaxError keeps its name through comlink; its wording differs between engines.
  if ((error instanceof Error && error.name === 'SyntaxError') || /\bJSON\b/.test(text)) return { code: 'bad-json', cause: text };
  return { code: 'other', cause: text };
}

/** The cause in English (the second half of the message). */
export function describeLoadProblem(problem: LoadProblem): string {
  switch (problem.code) {
    case 'hub-unreachable':
      return `the model hub at ${problem.host} cannot be reached (offline?); hub models need it until they are cached`;
    case 'hub-blocked':
      return problem.detail;
    case 'hub-file-missing':
      return `the model hub has no file ${problem.file} for this model`;
    case 'local-file-missing':
      return `${problem.file} is not stored in this browser; open the model folder again`;
    case 'local-file-damaged':
      return `the copy of ${problem.file} in this browser is damaged; open the model folder again`;
    case 'not-in-build':
      return `${problem.path} is not part of this build`;
    case 'bad-json':
      return `a JSON file of the model is damaged (${problem.cause})`;
    case 'other':
      return problem.cause;
  }
}

/** Whether loading again may help: only when nothing answered or the cause is unknown; files that are absent or damaged stay so. */
export function mayPassOnRetry(problem: LoadProblem): boolean {
  return problem.code === 'hub-unreachable' || problem.code === 'other';
}

/** A load that failed, with why as data (`problem`) and in English (`message`). */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
  constructor(
    readonly load: FailedLoad,
    readonly problem: LoadProblem,
    options?: ErrorOptions,
  ) {
    const where = load.source === 'hub' && !load.fromBytes ? ` from ${load.hubHost}` : '';
    super(`Could not load ${load.modelId} (${load.dtype}, ${load.device})${where}: ${describeLoadProblem(problem)}`, options);
  }
}
