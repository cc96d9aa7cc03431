/** The user's runtime choices, persisted in localStorage and applied to every model load. */
import type { Device, Dtype } from './protocol';
import { DTYPES } from './catalog';

export type DevicePreference = 'auto' | Device;
export type DtypePreference = 'auto' | Dtype;

export interface Settings {
  device: DevicePreference;
  dtype: DtypePreference;
  /** Where hub models come from, e.g. https://huggingface.co (no trailing slash needed). */
  hubHost: string;
}

export const STORAGE_KEY = 'mlwb.settings';
export const DEFAULT_SETTINGS: Readonly<Settings> = { device: 'auto', dtype: 'auto', hubHost: 'https://huggingface.co' };

/** Keeps the valid fields of stored JSON and defaults the rest, so a damaged entry never breaks the app. */
export function parseSettings(raw: string | null): Settings {
  let stored: Partial<Record<keyof Settings, unknown>> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') stored = parsed as typeof stored;
  } catch {
    stored = {};
  }
  const device = ['auto', 'webgpu', 'wasm'].includes(stored.device as string) ? (stored.device as DevicePreference) : DEFAULT_SETTINGS.device;
  const dtype = stored.dtype === 'auto' || DTYPES.includes(stored.dtype as Dtype) ? (stored.dtype as DtypePreference) : DEFAULT_SETTINGS.dtype;
  const hubHost = typeof stored.hubHost === 'string' && isHttpUrl(stored.hubHost) ? stored.hubHost : DEFAULT_SETTINGS.hubHost;
  return { device, dtype, hubHost };
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const listeners = new Set<(settings: Settings) => void>();
let current: Settings | undefined;

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

export function getSettings(): Settings {
  current ??= parseSettings(storage()?.getItem(STORAGE_KEY) ?? null);
  return { ...current };
}

/** Saves a change (invalid values are rejected with an Error) and tells every listener. */
export function updateSettings(patch: Partial<Settings>): Settings {
  if (patch.hubHost !== undefined && !isHttpUrl(patch.hubHost)) {
    throw new Error(`"${patch.hubHost}" is not an http(s) address, e.g. https://huggingface.co`);
  }
  const next = parseSettings(JSON.stringify({ ...getSettings(), ...patch }));
  current = next;
  storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener({ ...next });
  return { ...next };
}

/** Returns the unsubscribe function. */
export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
