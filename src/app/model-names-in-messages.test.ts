import { afterEach, describe, expect, it } from 'vitest';
import { noticeText } from './notice-toasts';
import { inJapanese } from '../i18n/testing/in-japanese';
import { catalog, setLocalModels, type CatalogModel } from '../runtime/catalog';
import { ModelLoadError } from '../runtime/load-problem';
import type { NoticeCode } from '../runtime/notices';
import { errorText } from '../ui/load-error-text';
import { modelName } from '../ui/model-name';
import { modelTitle } from '../ui/model-title';

const LOCAL: CatalogModel = { id: 'local/my-sketches-2', title: 'my-sketches', task: 'image-classification', source: 'local', dtypes: {}, sharedFiles: [], defaultDtype: 'fp32' };

/** Every message that names a model by the id the runtime gave it: the toasts with a model, and load errors. */
function messagesAbout(modelId: string): string[] {
  const codes: NoticeCode[] = [
    { code: 'webgpu-load-failed', modelId, why: 'no adapter' },
    { code: 'cache-damaged', modelId, file: 'onnx/model.onnx' },
    { code: 'local-file-damaged', modelId, file: 'onnx/model.onnx' },
    { code: 'cache-checksum', modelId, file: 'onnx/model.onnx' },
    { code: 'cache-full', modelId, file: 'onnx/model.onnx', bytes: 1e6, deletable: [{ name: modelId, bytes: 2e6 }] },
    { code: 'cache-full', modelId, file: 'onnx/model.onnx', bytes: 1e6, deletable: [] },
  ];
  const load = { modelId, dtype: 'fp32', device: 'wasm', hubHost: 'https://hub.test', source: 'hub', fromBytes: false } as const;
  return [
    ...codes.map((about) => noticeText({ id: 1, message: 'English from the runtime', level: 'warning', about })),
    errorText(new ModelLoadError(load, { code: 'other', cause: 'x' })),
    errorText(new ModelLoadError({ ...load, source: 'local' }, { code: 'local-file-damaged', file: 'onnx/model.onnx' })),
  ];
}

describe('modelName', () => {
  afterEach(() => setLocalModels([]));

  it('names every catalogued model by its title in the interface language, a model opened from disk by its folder', async () => {
    setLocalModels([LOCAL]);
    const models = catalog.models;
    for (const model of models) expect(modelName(model.id), model.id).toBe(model.source === 'local' ? model.title : modelTitle(model));
    expect(modelName('doodle-cnn')).toBe('Sketch CNN (16 classes)');
    await inJapanese(() => expect(modelName('doodle-cnn')).toBe('スケッチ CNN（16 クラス）'));
    expect(modelName('someone/typed-by-hand')).toBe('someone/typed-by-hand');
  });

  it('is how every toast and load error names a catalogued model, never by its id, in both languages', async () => {
    setLocalModels([LOCAL]);
    const check = () => {
      for (const model of catalog.models) {
        for (const text of messagesAbout(model.id)) {
          expect(text, text).toContain(modelName(model.id));
          expect(text, text).not.toContain(model.id);
        }
      }
    };
    check();
    await inJapanese(check);
  });
});
