/**
 * The one path for every IndexedDB write in the app (model cache, lab variants, game drawings): writes either land
 * whole or fail with a `StorageFullError` that says how much room was needed and what the user could delete, and every
 * change is announced to the app's other open tabs (BroadcastChannel), so their lists refresh without an action.
 * Reads stay plain idb-keyval calls on `store.use`.
 */
import { clear, createStore, delMany, setMany, type UseStore } from 'idb-keyval';
import { formatBytes } from '../util/format-bytes';

export interface IdbStore {
  /** Database name; change announcements carry it. */
  readonly db: string;
  /** Opened on first use, so importing a module that declares a store touches no database. */
  readonly use: UseStore;
}

/** One object store per database (idb-keyval's layout). */
export function idbStore(db: string, storeName: string): IdbStore {
  let use: UseStore | undefined;
  return {
    db,
    get use() {
      use ??= createStore(db, storeName);
      return use;
    },
  };
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Something in this browser's storage the user could delete to make room, e.g. a cached model. */
export interface SpaceUser {
  /** What it is called where it can be deleted, e.g. the model id. */
  name: string;
  bytes: number;
  /** Where to delete it, e.g. "on the Models page". */
  where: string;
}

type SpaceUserSource = () => Promise<SpaceUser[]>;
const spaceUserSources = new Set<SpaceUserSource>();

/**
 * Lists more things the quota message may suggest deleting (each store that holds large data registers one). Sources
 * only count in the context that registered them: a worker knows the model cache, a page also its feature's stores.
 */
export function registerSpaceUsers(source: SpaceUserSource): () => void {
  spaceUserSources.add(source);
  return () => spaceUserSources.delete(source);
}

/** What a write holds and what happens to it when it does not fit, for the quota message. */
export interface WriteDescription {
  /** What is being stored, e.g. "onnx/model.onnx of org/model" or "the static int8 variant of doodle-cnn". */
  what: string;
  bytes: number;
  /** What the user still has, e.g. "it runs from memory and downloads again next time". */
  meanwhile: string;
  /** Names of space users not to suggest (the thing being written belongs to them). */
  exclude?: readonly string[];
}

/**
 * A write that did not fit in the browser's storage; `message` is meant for people (English), `candidates` are the
 * largest things it suggests deleting, for wording it elsewhere.
 */
export class StorageFullError extends Error {
  constructor(
    message: string,
    readonly bytesNeeded: number,
    readonly candidates: readonly SpaceUser[] = [],
  ) {
    super(message);
    this.name = 'StorageFullError';
  }
}

/** The three largest registered space users, `description.exclude` left out, largest first. */
export async function largestSpaceUsers(description: WriteDescription): Promise<SpaceUser[]> {
  const exclude = new Set(description.exclude ?? []);
  const lists = await Promise.all([...spaceUserSources].map((source) => source().catch(() => [])));
  return lists
    .flat()
    .filter((user) => !exclude.has(user.name))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
}

/** "Browser storage is full: X needs 12.8 kB more, so …. Deleting A (5 MB) or B (1 MB) on the Models page would make room." */
export async function storageFullMessage(description: WriteDescription, largest?: readonly SpaceUser[]): Promise<string> {
  largest ??= await largestSpaceUsers(description);
  const byPlace = new Map<string, string[]>();
  for (const user of largest) byPlace.set(user.where, [...(byPlace.get(user.where) ?? []), `${user.name} (${formatBytes(user.bytes)})`]);
  const candidates = largest.length
    ? ` Deleting ${[...byPlace].map(([where, names]) => `${names.join(' or ')} ${where}`).join(' or ')} would make room.`
    : ' Free space in the browser (site data) to keep it.';
  return `Browser storage is full: ${description.what} needs ${formatBytes(description.bytes)} more, so ${description.meanwhile}.${candidates}`;
}

const CHANNEL = 'mlwb-storage';

/** Announces a change of `db` to every listener of this app: other tabs, workers, and this page's own lists. */
function announce(db: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ db });
  channel.close();
}

/** A burst of writes (a model's files, body then metadata) is one change for a list that re-reads the store. */
const CHANGE_QUIET_MS = 50;

/**
 * Calls `onChange` once after any tab or worker of this app (this page included) changed one of `dbs`, a burst of
 * changes within 50 ms counting once; returns an unsubscribe.
 */
export function onStoreChange(dbs: readonly string[], onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  channel.onmessage = (event: MessageEvent<{ db?: string }>) => {
    if (!event.data.db || !dbs.includes(event.data.db)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, CHANGE_QUIET_MS);
  };
  return () => {
    clearTimeout(timer);
    channel.close();
  };
}

/**
 * Writes `entries` in one transaction (all or none). Throws `StorageFullError` (message from `storageFullMessage`)
 * when the browser's quota refuses it; other IndexedDB errors are thrown as they come.
 */
export async function writeEntries(store: IdbStore, entries: [IDBValidKey, unknown][], description: WriteDescription): Promise<void> {
  try {
    await setMany(entries, store.use);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const candidates = await largestSpaceUsers(description);
    throw new StorageFullError(await storageFullMessage(description, candidates), description.bytes, candidates);
  }
  announce(store.db);
}

export async function deleteEntries(store: IdbStore, keys: IDBValidKey[]): Promise<void> {
  await delMany(keys, store.use);
  announce(store.db);
}

export async function clearEntries(store: IdbStore): Promise<void> {
  await clear(store.use);
  announce(store.db);
}
