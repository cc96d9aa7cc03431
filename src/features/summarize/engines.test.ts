import { describe, expect, it } from 'vitest';
import { catalog, setLocalModels, type CatalogModel } from '../../runtime/catalog';
import { inJapanese } from '../../i18n/testing/in-japanese';
import { chosenHubModel, dtypeFor, hubSummarizers, OTHER_HUB_MODEL, progressLabel, uncataloguedSummarizer, type HubSummarizer } from './engines';

describe('engines', () => {
  it('offers the catalogued summarization models with their own dtypes', () => {
    const models = hubSummarizers(catalog);
    expect(models.map((m) => m.id)).toEqual(expect.arrayContaining(['Xenova/distilbart-cnn-6-6', 'Xenova/t5-small']));
    for (const m of models) expect(m.dtypes).toContain(m.defaultDtype);
  });

  it('labels map-reduce progress', () => {
    expect(progressLabel({ stage: 'chunk', index: 3, total: 8, round: 1 })).toBe('Chunk 3 of 8');
    expect(progressLabel({ stage: 'chunk', index: 1, total: 2, round: 2 })).toMatch(/^Chunk 1 of 2 .*round 2/);
    expect(progressLabel({ stage: 'combine', round: 2 })).toMatch(/Combining/);
  });

  it('labels map-reduce progress in Japanese when the interface is Japanese', async () => {
    await inJapanese(() => {
      expect(progressLabel({ stage: 'chunk', index: 3, total: 8, round: 1 })).toBe('チャンク 3 / 8');
      expect(progressLabel({ stage: 'chunk', index: 1, total: 2, round: 2 })).toBe('チャンク 1 / 2（要約の要約・2 巡目）');
      expect(progressLabel({ stage: 'combine', round: 2 })).toBe('チャンクの要約を統合中…');
    });
  });

  it('finds the chosen hub model: catalogued, typed, or none for an id that is not organisation/name', () => {
    const models = hubSummarizers(catalog);
    expect(chosenHubModel(models[0]!.id, '', models)).toEqual(models[0]);
    expect(chosenHubModel(OTHER_HUB_MODEL, '  someone/tiny-bart ', models)).toEqual(uncataloguedSummarizer('someone/tiny-bart'));
    for (const typed of ['', 'tiny-bart', 'a/b/c', 'a b/c']) expect(chosenHubModel(OTHER_HUB_MODEL, typed, models), typed).toBeUndefined();
  });

  it('uses the chosen dtype only where the model offers it', () => {
    const model: HubSummarizer = { id: 'm/x', title: 'x', dtypes: ['fp32', 'q4'], defaultDtype: 'fp32', local: false };
    expect(dtypeFor(model, 'q4')).toBe('q4');
    expect(dtypeFor(model, 'int8')).toBe('fp32');
  });

  it('offers a model folder opened from disk as soon as it is in the catalog, marked as local', () => {
    const local: CatalogModel = {
      id: 'local/my-bart',
      title: 'my-bart',
      task: 'summarization',
      source: 'local',
      dtypes: { int8: { files: [{ path: 'onnx/encoder_model_quantized.onnx', bytes: 1, sha256: '' }], quality: {} } },
      sharedFiles: [],
      defaultDtype: 'int8',
    };
    setLocalModels([local]);
    try {
      const offered = hubSummarizers(catalog).find((m) => m.id === 'local/my-bart');
      expect(offered).toMatchObject({ local: true, dtypes: ['int8'], defaultDtype: 'int8' });
      expect(hubSummarizers(catalog).filter((m) => !m.local).length).toBeGreaterThan(0);
    } finally {
      setLocalModels([]);
    }
  });
});
