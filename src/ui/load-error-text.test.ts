import { describe, expect, it } from 'vitest';
import { inJapanese } from '../i18n/testing/in-japanese';
import { describeLoadProblem, type FailedLoad, type LoadProblem } from '../runtime/load-problem';
import { ModelLoadError, WorkerCrashedError } from '../runtime/worker-client';
import { setLocalModels } from '../runtime/catalog';
import { errorText, loadCauseText, retryMayHelp } from './load-error-text';

const hub: FailedLoad = { modelId: 'org/m', source: 'hub', dtype: 'int8', device: 'wasm', hubHost: 'https://hub.test', fromBytes: false };

/** One of every problem the runtime reports: a new code fails to compile here until it is listed (and worded). */
const PROBLEMS = {
  'hub-unreachable': { code: 'hub-unreachable', host: 'https://hub.test' },
  'hub-blocked': { code: 'hub-blocked', host: 'https://hub.test', detail: "this build's Content-Security-Policy does not allow connections to https://hub.test" },
  'hub-file-missing': { code: 'hub-file-missing', file: 'onnx/model_quantized.onnx' },
  'local-file-missing': { code: 'local-file-missing', file: 'onnx/model.onnx' },
  'local-file-damaged': { code: 'local-file-damaged', file: 'onnx/model.onnx' },
  'not-in-build': { code: 'not-in-build', path: '/models/x/onnx/model.onnx' },
  'bad-json': { code: 'bad-json', cause: 'Unexpected end of JSON input' },
  other: { code: 'other', cause: 'protobuf parsing failed' },
} satisfies { [C in LoadProblem['code']]: Extract<LoadProblem, { code: C }> };

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** The English the runtime wrote, minus the values that stay as they are (host, file, the library's cause). */
const englishWords = (problem: LoadProblem) =>
  describeLoadProblem(problem)
    .replace(/\([^)]*\)|https?:\S+|\S+\.(onnx|json)\b|\/\S+/g, ' ')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 3);

describe('runtime errors in the interface language', () => {
  it('words every load problem in Japanese, keeping its values; only the technical cause stays English', async () => {
    await inJapanese(() => {
      for (const problem of Object.values(PROBLEMS)) {
        const text = errorText(new ModelLoadError(hub, problem));
        expect(text, problem.code).toMatch(/^org\/m（int8、wasm）を https:\/\/hub\.test から読み込めませんでした：/);
        expect(text, problem.code).toMatch(/[^。]。$/);
        const cause = loadCauseText(new ModelLoadError(hub, problem));
        if (problem.code === 'other') {
          expect(cause).toBe(problem.cause);
          continue;
        }
        expect(cause, problem.code).toMatch(JAPANESE);
        const values = Object.values(problem).filter((v) => v !== problem.code && v !== (problem as { detail?: string }).detail);
        for (const value of values) expect(cause).toContain(value);
        const words = values.reduce((rest, value) => rest.replaceAll(value, ' '), cause);
        for (const word of englishWords(problem)) expect(words, `${problem.code}: "${word}"`).not.toContain(word);
      }
    });
  });

  it('says the same in English as the runtime wrote, without the host for a model that is not from the hub', () => {
    const unreachable = new ModelLoadError(hub, PROBLEMS['hub-unreachable']);
    expect(errorText(unreachable)).toBe('Could not load org/m (int8, wasm) from https://hub.test: the model hub at https://hub.test cannot be reached (offline?); hub models need it until they are stored in this browser.');
    expect(errorText(new ModelLoadError({ ...hub, modelId: 'local/x', source: 'local' }, PROBLEMS['local-file-missing']))).toBe(
      'Could not load local/x (int8, wasm): onnx/model.onnx is no longer stored in this browser; open the model folder again.',
    );
    expect(errorText(new ModelLoadError(hub, { code: 'other', cause: 'protobuf parsing failed.' }))).toMatch(/failed\.$/);
  });

  it('names a model opened from disk by its folder name, and says its damaged file cannot be downloaded', async () => {
    setLocalModels([{ id: 'local/model-2', title: '日本語モデル', task: 'sketch-classification', source: 'local', dtypes: {}, sharedFiles: [], defaultDtype: 'fp32' }]);
    try {
      const damaged = new ModelLoadError({ ...hub, modelId: 'local/model-2', source: 'local', dtype: 'fp32' }, PROBLEMS['local-file-damaged']);
      expect(errorText(damaged)).toBe('Could not load 日本語モデル (fp32, wasm): the copy of onnx/model.onnx in this browser is damaged; open the model folder again.');
      await inJapanese(() => expect(errorText(damaged)).toBe('日本語モデル（fp32、wasm）を読み込めませんでした：このブラウザーに保存された onnx/model.onnx が壊れています。モデルフォルダをもう一度開いてください。'));
      expect(retryMayHelp(damaged)).toBe(false);
      expect(retryMayHelp(new ModelLoadError(hub, PROBLEMS['hub-unreachable']))).toBe(true);
      expect(retryMayHelp(new WorkerCrashedError('stopped'))).toBe(true);
    } finally {
      setLocalModels([]);
    }
  });

  it('words a stopped worker, and leaves other errors as they are', async () => {
    await inJapanese(() => {
      expect(errorText(new WorkerCrashedError('The x worker stopped unexpectedly (out of memory).', 'out of memory'))).toMatch(/^モデルが予期せず停止しました（out of memory）/);
      expect(errorText(new WorkerCrashedError('The x worker was restarted for WASM.'))).toMatch(JAPANESE);
      expect(errorText(new Error('plain'))).toBe('plain');
      expect(errorText('text')).toBe('text');
    });
  });
});
