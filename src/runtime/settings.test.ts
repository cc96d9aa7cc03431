import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, getSettings, onSettingsChange, parseSettings, updateSettings } from './settings';

describe('settings', () => {
  it('keeps valid stored fields and defaults damaged ones', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(JSON.stringify({ device: 'wasm', dtype: 'bf17', hubHost: 'ftp://x' }))).toEqual({ ...DEFAULT_SETTINGS, device: 'wasm' });
    expect(parseSettings(JSON.stringify({ dtype: 'int8', hubHost: 'http://127.0.0.1:9' }))).toMatchObject({ dtype: 'int8', hubHost: 'http://127.0.0.1:9' });
  });

  it('tells listeners about changes and refuses a hub host that is not an http(s) address', () => {
    const seen: string[] = [];
    const off = onSettingsChange((s) => seen.push(s.device));
    updateSettings({ device: 'webgpu' });
    off();
    updateSettings({ device: 'wasm' });
    expect(seen).toEqual(['webgpu']);
    expect(getSettings().device).toBe('wasm');
    expect(() => updateSettings({ hubHost: 'huggingface.co' })).toThrow('is not an http(s) address');
    expect(getSettings().hubHost).toBe(DEFAULT_SETTINGS.hubHost);
  });
});
