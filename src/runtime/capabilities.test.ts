import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function probeWith(gpu: unknown, isolated: boolean) {
  vi.stubGlobal('navigator', { gpu, hardwareConcurrency: 8 });
  vi.stubGlobal('crossOriginIsolated', isolated);
  const { probeCapabilities } = await import('./capabilities');
  return probeCapabilities();
}

const adapter = (info: object, features: string[] = []) => ({ info, features: new Set(features) });

describe('probeCapabilities', () => {
  it('reads a software adapter (SwiftShader) as a fallback', async () => {
    const facts = await probeWith({ requestAdapter: async () => adapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true }) }, true);
    expect(facts.gpu).toEqual({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true, shaderF16: false });
    expect(facts.wasmThreads).toBe(4);
  });

  it('reads a hardware adapter with shader-f16', async () => {
    const facts = await probeWith({ requestAdapter: async () => adapter({ vendor: 'nvidia', architecture: 'hopper' }, ['shader-f16']) }, true);
    expect(facts.gpu).toEqual({ vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false, shaderF16: true });
  });

  it('has no GPU when requestAdapter gives none or throws, and one thread without isolation', async () => {
    expect((await probeWith({ requestAdapter: async () => null }, false)).gpu).toBeNull();
    vi.resetModules();
    const facts = await probeWith({ requestAdapter: async () => { throw new Error('blocked'); } }, false);
    expect(facts).toMatchObject({ webgpuApi: true, gpu: null, crossOriginIsolated: false, wasmThreads: 1 });
    vi.resetModules();
    expect((await probeWith(undefined, true)).webgpuApi).toBe(false);
  });
});
