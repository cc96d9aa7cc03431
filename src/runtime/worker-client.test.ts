import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onBackendChange, type BackendStatus } from './backend-status';
import { onNotice, type Notice } from './notices';
import type { InferenceWorkerApi, LoadSpec, LoadedInfo } from './protocol';
import { InferenceClient, ModelLoadError, WorkerCrashedError } from './worker-client';

vi.mock('./capabilities', () => ({
  probeCapabilities: async () => ({
    webgpuApi: true,
    gpu: { vendor: 'acme', architecture: 'gpu9', isFallbackAdapter: false, shaderF16: false },
    crossOriginIsolated: true,
    hardwareConcurrency: 2,
    wasmThreads: 2,
  }),
}));

/** A Worker stand-in: comlink talks to `api` over a MessageChannel; `crash()` fires the worker's error event. */
class FakeWorker extends EventTarget {
  private readonly channel = new MessageChannel();
  terminated = false;
  constructor(api: Partial<InferenceWorkerApi>) {
    super();
    Comlink.expose(api, this.channel.port2 as unknown as Comlink.Endpoint);
    this.channel.port1.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.channel.port1.start();
  }
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.channel.port1.postMessage(message, transfer as never);
  }
  terminate() {
    this.terminated = true;
    this.channel.port1.close();
  }
  crash(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

const loaded = (spec: LoadSpec): LoadedInfo => ({
  modelId: spec.modelId,
  device: spec.device,
  dtype: spec.dtype,
  inputNames: ['input'],
  outputNames: ['logits'],
  inputs: [],
  config: {},
  loadMs: 1,
});

function clientWith(makeApi: (index: number) => Partial<InferenceWorkerApi>) {
  const workers: FakeWorker[] = [];
  const client = new InferenceClient('test', () => {
    const worker = new FakeWorker(makeApi(workers.length));
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((off) => off()));

describe('InferenceClient', () => {
  it('falls back to WASM in a fresh worker when WebGPU fails at load, and tells the user and the badge', async () => {
    const notices: string[] = [];
    const statuses: BackendStatus[] = [];
    cleanups.push(onNotice((n) => notices.push(n.message)), onBackendChange((s) => statuses.push(s)));
    const specs: LoadSpec[] = [];
    const { client, workers } = clientWith(() => ({
      load: async (spec) => {
        specs.push(spec);
        if (spec.device === 'webgpu') throw new Error('no WebGPU device\nstack…');
        return loaded(spec);
      },
    }));
    const info = await client.load({ modelId: 'org/m' });
    expect(specs.map((s) => s.device)).toEqual(['webgpu', 'wasm']);
    expect(workers[0]!.terminated).toBe(true);
    expect(info).toMatchObject({ device: 'wasm', fellBackFrom: 'no WebGPU device', reason: 'WASM, 2 threads — WebGPU failed at load' });
    expect(notices).toEqual(['WebGPU could not load org/m (no WebGPU device); running on WASM instead.']);
    expect(statuses.at(-1)).toMatchObject({ modelId: 'org/m', device: 'wasm', fellBackFrom: 'no WebGPU device' });
    client.terminate();
  });

  it('rejects calls in flight when the worker crashes, restarts it, and reloads the model before the next run', async () => {
    const loads: number[] = [];
    const { client, workers } = clientWith((index) => ({
      load: async (spec) => {
        loads.push(index);
        return loaded(spec);
      },
      run: async () =>
        index === 0
          ? new Promise<never>(() => undefined)
          : { logits: { type: 'float32', data: new Float32Array([0.25, 0.75]), dims: [1, 2] } },
    }));
    await client.load({ modelId: 'org/m', device: 'wasm' });
    const input = { input: { type: 'float32' as const, data: new Float32Array(4), dims: [1, 4] } };
    const pending = client.run(input);
    await new Promise((resolve) => setTimeout(resolve, 10));
    workers[0]!.crash('out of memory');
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(pending).rejects.toThrow('The test worker stopped unexpectedly (out of memory). It was restarted; please try again.');
    expect(workers[0]!.terminated).toBe(true);

    const out = await client.run(input);
    expect(workers).toHaveLength(2);
    expect(Array.from(out.logits!.data as Float32Array)).toEqual([0.25, 0.75]);
    expect(loads).toEqual([0, 1]);
    client.terminate();
  });

  it('moves a model to WASM when its WebGPU device is lost: notice, badge, and the next run on WASM', async () => {
    const notices: string[] = [];
    const statuses: BackendStatus[] = [];
    cleanups.push(onNotice((n) => notices.push(n.message)), onBackendChange((s) => statuses.push(s)));
    const specs: LoadSpec[] = [];
    let loseDevice = () => {};
    const { client, workers } = clientWith(() => ({
      load: async (spec, onEvent) => {
        specs.push(spec);
        if (spec.device === 'webgpu') loseDevice = () => onEvent({ kind: 'device-lost' });
        return loaded(spec);
      },
      run: async () => ({ logits: { type: 'float32', data: new Float32Array([1]), dims: [1, 1] } }),
    }));
    await client.load({ modelId: 'org/m', device: 'webgpu' });
    loseDevice();
    const out = await client.run({ input: { type: 'float32', data: new Float32Array(4), dims: [1, 4] } });
    expect(Array.from(out.logits!.data as Float32Array)).toEqual([1]);
    expect(specs.map((s) => s.device)).toEqual(['webgpu', 'wasm']);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(notices).toEqual(['The GPU stopped working (device lost); running on WASM now.']);
    expect(statuses.at(-1)).toMatchObject({ device: 'wasm', reason: 'WASM, 2 threads — the GPU stopped working', fellBackFrom: 'device lost' });
    client.terminate();
  });

  it('tells the user, with the load problem as data, when the move to WASM after a lost GPU fails', async () => {
    const notices: Notice[] = [];
    cleanups.push(onNotice((n) => notices.push(n)));
    let loseDevice = () => {};
    const { client } = clientWith(() => ({
      load: async (spec, onEvent) => {
        if (spec.device === 'wasm') throw new TypeError('Failed to fetch');
        loseDevice = () => onEvent({ kind: 'device-lost' });
        return loaded(spec);
      },
    }));
    await client.load({ modelId: 'org/m', device: 'webgpu' });
    loseDevice();
    await vi.waitFor(() => expect(notices.map((n) => n.level)).toEqual(['warning', 'error']));
    const about = notices[1]!.about;
    expect(about?.code).toBe('reload-failed');
    const error = about?.code === 'reload-failed' ? about.error : undefined;
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).problem).toEqual({ code: 'hub-unreachable', host: 'https://huggingface.co' });
    client.terminate();
  });

  it('retries a run that fails on WebGPU once on WASM, with the inputs it was given', async () => {
    const notices: string[] = [];
    cleanups.push(onNotice((n) => notices.push(n.message)));
    const { client } = clientWith((index) => ({
      load: async (spec) => loaded(spec),
      run: async (inputs) => {
        if (index === 0) throw new Error('GPU buffer mapping failed');
        return { logits: inputs.input! };
      },
    }));
    await client.load({ modelId: 'org/m', device: 'webgpu' });
    const out = await client.run({ input: { type: 'float32', data: new Float32Array([3, 4]), dims: [1, 2] } }, { transfer: true });
    expect(Array.from(out.logits!.data as Float32Array)).toEqual([3, 4]);
    expect(notices).toEqual(['The GPU stopped working (GPU buffer mapping failed); running on WASM now.']);
    client.terminate();
  });

  it('does not move a model already on WASM: a failing run keeps its error', async () => {
    const loads: string[] = [];
    const { client } = clientWith(() => ({
      load: async (spec) => {
        loads.push(spec.device);
        return loaded(spec);
      },
      run: async () => {
        throw new Error('bad input shape');
      },
    }));
    await client.load({ modelId: 'org/m', device: 'wasm' });
    await expect(client.run({ input: { type: 'float32', data: new Float32Array(1), dims: [1] } })).rejects.toThrow('bad input shape');
    expect(loads).toEqual(['wasm']);
    client.terminate();
  });

  it('sends model bytes to the worker, handing the buffer over when asked', async () => {
    const received: number[][] = [];
    const { client } = clientWith(() => ({
      load: async (spec) => {
        received.push(Array.from(spec.bytes ?? []));
        return loaded(spec);
      },
    }));
    const bytes = new Uint8Array([1, 2, 3]);
    const info = await client.load({ modelId: 'quantized', device: 'wasm', dtype: 'int8', bytes, transferBytes: true });
    expect(received).toEqual([[1, 2, 3]]);
    expect(info).toMatchObject({ modelId: 'quantized', dtype: 'int8', device: 'wasm' });
    expect(bytes.byteLength).toBe(0);
    client.terminate();
  });

  it('labels bytes with their own dtype, even one the catalog entry lacks, and picks threads by their size', async () => {
    const specs: LoadSpec[] = [];
    const statuses: BackendStatus[] = [];
    const stop = onBackendChange((s) => statuses.push(s));
    const { client } = clientWith(() => ({
      load: async (spec) => {
        specs.push(spec);
        return loaded(spec);
      },
    }));
    // doodle-cnn ships fp32 and int8 only; a 4-bit variant made in the lab is neither.
    await client.load({ modelId: 'doodle-cnn', device: 'wasm', dtype: 'q4', bytes: new Uint8Array(200_000) });
    await client.load({ modelId: 'doodle-cnn', device: 'wasm', dtype: 'fp16', bytes: new Uint8Array(700_000) });
    stop();
    expect(specs.map((s) => [s.dtype, s.threads])).toEqual([
      ['q4', 1],
      ['fp16', 1],
    ]);
    expect(statuses.map((s) => s.reason)).toEqual(['WASM, 1 thread — chosen in settings; small model, 1 thread is faster', 'WASM, 1 thread — chosen in settings; small model, 1 thread is faster']);
    client.terminate();
  });

  it.each([
    ['asks for another WASM thread count', { device: 'wasm', threads: 1 }],
    ['moves from WASM to WebGPU (each has its own runtime build)', { device: 'webgpu', threads: 2 }],
  ] as const)('starts a fresh worker when a load %s, and keeps it for the next load alike', async (_, changed) => {
    const specs: [string, number][] = [];
    const { client, workers } = clientWith(() => ({
      load: async (spec) => {
        specs.push([spec.device, spec.threads]);
        return loaded(spec);
      },
    }));
    await client.load({ modelId: 'org/m', device: 'wasm', threads: 2 });
    await client.load({ modelId: 'org/m', device: 'wasm', threads: 2 });
    expect(workers).toHaveLength(1);
    await client.load({ modelId: 'org/m', ...changed });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    await client.load({ modelId: 'org/m', ...changed });
    expect(workers).toHaveLength(2);
    expect(specs).toEqual([['wasm', 2], ['wasm', 2], [changed.device, changed.threads], [changed.device, changed.threads]]);
    client.terminate();
  });

  it('explains a failed load with the model, dtype, device and host', async () => {
    const { client } = clientWith(() => ({
      load: async () => {
        throw new Error('Internal server error error occurred while trying to load file');
      },
    }));
    await expect(client.load({ modelId: 'org/m', device: 'wasm', dtype: 'fp32' })).rejects.toThrow(
      'Could not load org/m (fp32, wasm) from https://huggingface.co: Internal server error',
    );
    client.terminate();
  });

  it('tells the badge of a load unless it is a trial', async () => {
    const statuses: BackendStatus[] = [];
    cleanups.push(onBackendChange((s) => statuses.push(s)));
    const { client } = clientWith(() => ({ load: async (spec: LoadSpec) => loaded(spec) }));
    await client.load({ modelId: 'checked.onnx', device: 'wasm', bytes: new Uint8Array([1]), trial: true });
    expect(statuses).toEqual([]);
    await client.load({ modelId: 'org/m', device: 'wasm' });
    expect(statuses.map((s) => s.modelId)).toEqual(['org/m']);
    client.terminate();
  });

  it('names no hub host when the model was given as bytes', async () => {
    const { client } = clientWith(() => ({
      load: async () => {
        throw new Error('protobuf parsing failed');
      },
    }));
    const failed = client.load({ modelId: 'notes.txt', device: 'wasm', dtype: 'fp32', bytes: new Uint8Array([1, 2, 3]) });
    await expect(failed).rejects.toThrow('Could not load notes.txt (fp32, wasm): protobuf parsing failed');
    await expect(failed).rejects.not.toThrow('huggingface.co');
    client.terminate();
  });

  it('says the hub cannot be reached when nothing answered', async () => {
    const { client } = clientWith(() => ({
      load: async () => {
        throw new TypeError('Failed to fetch');
      },
    }));
    await expect(client.load({ modelId: 'org/m', device: 'wasm', dtype: 'fp32' })).rejects.toThrow(
      'Could not load org/m (fp32, wasm) from https://huggingface.co: the model hub at https://huggingface.co cannot be reached',
    );
    client.terminate();
  });

  it('reports a damaged file of a model opened from disk once, as the load error, and not as missing', async () => {
    const notices: Notice[] = [];
    vi.stubGlobal('location', { href: 'http://app.test/' });
    cleanups.push(onNotice((n) => notices.push(n)), () => vi.unstubAllGlobals());
    const { client } = clientWith(() => ({
      load: async (_spec, onEvent) => {
        const file = 'onnx/model.onnx';
        await onEvent({ kind: 'notice', message: 'damaged', about: { code: 'local-file-damaged', modelId: 'local/mine', file } });
        throw new Error(`file was not found locally at "/models/local/mine/${file}".`);
      },
    }));
    const failed = client.load({ modelId: 'local/mine', source: 'local', device: 'wasm', dtype: 'fp32' });
    await expect(failed).rejects.toBeInstanceOf(ModelLoadError);
    expect(((await failed.catch((e: unknown) => e)) as ModelLoadError).problem).toEqual({ code: 'local-file-damaged', file: 'onnx/model.onnx' });
    expect(notices).toEqual([]);
    client.terminate();
  });
});
