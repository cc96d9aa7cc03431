import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { classifyLoadError, describeLoadProblem, ModelLoadError, type FailedLoad } from './load-problem';

const hub: FailedLoad = { modelId: 'org/m', source: 'hub', dtype: 'fp32', device: 'wasm', hubHost: 'https://hub.test', fromBytes: false };
const local: FailedLoad = { ...hub, modelId: 'local/mine', source: 'local' };
const here = () => 'http://app.test/';
const classify = (load: FailedLoad, error: unknown, blockedBy: string | null = null) => classifyLoadError(load, error, blockedBy, here);

/** What JSON.parse throws for `text` (every damaged file gives some SyntaxError, worded by the engine). */
function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`${text} parsed`);
}

describe('classifyLoadError', () => {
  it('sorts what the worker and transformers.js throw into codes', () => {
    expect(classify(hub, new TypeError('Failed to fetch'))).toEqual({ code: 'hub-unreachable', host: 'https://hub.test' });
    expect(classify(hub, new TypeError('NetworkError when attempting to fetch resource.'), 'policy says no')).toEqual({ code: 'hub-blocked', host: 'https://hub.test', detail: 'policy says no' });
    expect(classify(hub, new Error('Could not locate file: "https://hub.test/org/m/resolve/main/onnx/model_quantized.onnx".'))).toEqual({ code: 'hub-file-missing', file: 'onnx/model_quantized.onnx' });
    expect(classify(local, new Error('`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/models/local/mine/onnx/model.onnx".'))).toEqual({ code: 'local-file-missing', file: 'onnx/model.onnx' });
    expect(classify({ ...hub, modelId: 'doodle-cnn', source: 'bundled' }, new Error('file was not found locally at "/models/doodle-cnn/onnx/model.onnx".'))).toEqual({ code: 'not-in-build', path: '/models/doodle-cnn/onnx/model.onnx' });
    expect(classify(hub, new Error('Internal server error error occurred while trying to load file'))).toEqual({ code: 'other', cause: 'Internal server error error occurred while trying to load file' });
    // The same absence after the cache removed the file for failing its checksum: damaged, not missing.
    const notFound = new Error('file was not found locally at "/models/local/mine/onnx/model.onnx".');
    expect(classifyLoadError(local, notFound, null, () => 'http://app.test/', new Set(['onnx/model.onnx']))).toEqual({ code: 'local-file-damaged', file: 'onnx/model.onnx' });
    expect(classifyLoadError(local, notFound, null, () => 'http://app.test/', new Set(['config.json']))).toEqual({ code: 'local-file-missing', file: 'onnx/model.onnx' });
    // A model given as bytes involves no hub, whatever its source says.
    expect(classify({ ...hub, fromBytes: true }, new TypeError('Failed to fetch')).code).toBe('other');
  });

  it('recognises every damaged JSON file, as comlink hands its error over (name kept, class lost)', () => {
    const random = seededRandom(7);
    const good = JSON.stringify({ model_type: 'bart', id2label: { 0: 'cat' }, vocab: ['a', 'b'] });
    for (let i = 0; i < 200; i++) {
      // Cut short, or a byte replaced by one that cannot stand there.
      const at = 1 + Math.floor(random() * (good.length - 2));
      const damaged = random() < 0.5 ? good.slice(0, at) : `${good.slice(0, at)}\u0001${good.slice(at + 1)}`;
      const thrown = parseError(damaged) as Error;
      const overComlink = Object.assign(new Error(thrown.message), { name: thrown.name });
      expect(classify(hub, overComlink).code, damaged).toBe('bad-json');
    }
  });

  it('keeps the English sentence as the message and the problem as data', () => {
    const error = new ModelLoadError(hub, { code: 'hub-unreachable', host: 'https://hub.test' });
    expect(error.message).toBe(`Could not load org/m (fp32, wasm) from https://hub.test: ${describeLoadProblem(error.problem)}`);
    expect(new ModelLoadError(local, { code: 'other', cause: 'x' }).message).toBe('Could not load local/mine (fp32, wasm): x');
  });
});
