import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { labelsFromConfig } from '../../sketch';
import { createTransformersCache } from '../../runtime/cache';
import { catalog, setLocalModels, type CatalogModel } from '../../runtime/catalog';
import type { StoredVariant } from '../../runtime/variant-store';
import { storedVariantName, variantSourceName } from '../../ui/variant-name';
import doodleCnnConfig from '../../../models/doodle-cnn/config.json';
import doodleVitConfig from '../../../models/doodle-vit/config.json';
import { inJapanese } from '../../i18n/testing/in-japanese';
import { loadSketchClassifier, sketchModelChoices, variantChoiceKey, variantLabels, SourceModelGoneError, VariantMissingError, type VariantSummary } from './classifier';

const MODES: StoredVariant['mode'][] = ['weight-only', 'dynamic', 'static', 'fp16', 'int4', 'palette', 'opened'];

const localSketch: CatalogModel = {
  id: 'local/my-sketch',
  title: 'my-sketch',
  task: 'sketch-classification',
  source: 'local',
  dtypes: { fp32: { files: [{ path: 'onnx/model.onnx', bytes: 1, sha256: '' }], quality: {} } },
  sharedFiles: [{ path: 'config.json', bytes: 1, sha256: '' }],
  defaultDtype: 'fp32',
};

/** Every kind of variant the lab can store: each mode, from each catalog model the lab lists and from an opened file. */
function everyVariant(): VariantSummary[] {
  const bases = [...catalog.models.filter((m) => m.task === 'sketch-classification').map((m) => m.id), 'file:opened-1'];
  return bases.flatMap((modelId, b) =>
    MODES.filter((mode) => (mode === 'opened') === modelId.startsWith('file:')).map((mode, i) => ({
      id: `v${b}-${i}`,
      modelId,
      name: modelId.startsWith('file:') ? 'mine.onnx' : modelId,
      mode,
      createdAt: b * 10 + i,
    })),
  );
}

afterEach(() => setLocalModels([]));

describe('sketch model choices', () => {
  it('offers each bundled sketch model in each dtype and the hub image model in its default dtype only', () => {
    const choices = sketchModelChoices();
    const bundled = catalog.models.filter((m) => m.task === 'sketch-classification' && m.source === 'bundled');
    const keys = choices.filter((c) => c.kind === 'bitmap').map((c) => c.key);
    expect(keys).toEqual(bundled.flatMap((m) => [m.id, ...Object.keys(m.dtypes).map((dtype) => `${m.id}@${dtype}`)]));
    expect(keys.slice(0, 3)).toEqual(['doodle-cnn', 'doodle-cnn@fp32', 'doodle-cnn@int8']);
    const hub = choices.filter((c) => c.kind === 'image');
    expect(hub).toEqual([expect.objectContaining({ key: 'Xenova/quickdraw-mobilevit-small', modelId: 'Xenova/quickdraw-mobilevit-small', dtype: 'fp32' })]);
    expect(hub[0]!.title).toMatch(/345 classes.*hub/);
    expect(choices.some((c) => c.variantId !== undefined)).toBe(false);
  });

  it("lists the lab's variants of 28×28 sketch models and opened files last, named as the lab names them", () => {
    setLocalModels([localSketch]);
    const variants = everyVariant();
    const withoutVariants = sketchModelChoices();
    const choices = sketchModelChoices(variants);
    expect(choices.slice(0, withoutVariants.length)).toEqual(withoutVariants);
    const lab = choices.slice(withoutVariants.length);
    const playable = variants.filter((v) => v.modelId.startsWith('file:') || catalog.models.find((m) => m.id === v.modelId)!.source !== 'hub');
    expect(lab.map((c) => c.key)).toEqual(playable.map((v) => variantChoiceKey(v.id)));
    for (const [i, choice] of lab.entries()) {
      const v = playable[i]!;
      expect(choice).toMatchObject({ variantId: v.id, modelId: v.modelId, kind: 'bitmap', title: `${variantSourceName(v)} · ${storedVariantName(v)}` });
    }
    // Named by the title of the model it was made from, not its id; an opened file by its file name.
    expect(lab.map((c) => c.title)).toContain('Sketch CNN (16 classes) · static int8 (made here)');
    expect(lab.filter((c) => c.modelId === 'local/my-sketch').map((c) => c.title)).toContain('my-sketch · static int8 (made here)');
    expect(lab.map((c) => c.title)).toContain('mine.onnx · fp32 (your file)');
    expect(lab.some((c) => c.modelId === 'local/my-sketch')).toBe(true);
    // The hub's MobileViT reads a picture through a pipeline, which a model run from bytes lacks.
    expect(lab.some((c) => c.modelId === 'Xenova/quickdraw-mobilevit-small')).toBe(false);
  });

  it('numbers lab variants made with the same settings, so the menu tells them apart', () => {
    const [variant] = everyVariant().filter((v) => v.modelId === 'doodle-cnn' && v.mode === 'static');
    const titles = sketchModelChoices([variant!, { ...variant!, id: 'again' }]).slice(-2).map((c) => c.title);
    expect(titles).toEqual(['Sketch CNN (16 classes) · static int8 (made here)', 'Sketch CNN (16 classes) · static int8 (made here) (2)']);
  });

  it('names a variant in the interface language', async () => {
    const [variant] = everyVariant().filter((v) => v.modelId === 'doodle-cnn' && v.mode === 'static');
    await inJapanese(() => {
      expect(sketchModelChoices([variant!]).at(-1)!.title).toBe('スケッチ CNN（16 クラス） · 静的 int8（ここで作成）');
    });
  });
});

describe("a lab variant's classes", () => {
  it('are those of the bundled model it was made from', async () => {
    expect(await variantLabels('doodle-cnn')).toEqual(labelsFromConfig(doodleCnnConfig));
    expect(await variantLabels('doodle-vit')).toEqual(labelsFromConfig(doodleVitConfig));
  });

  it("of a model opened from disk come from its config.json in the model cache", async () => {
    setLocalModels([localSketch]);
    await expect(variantLabels('local/my-sketch')).rejects.toThrow('The class names of my-sketch (its config.json) are not stored in this browser.');
    const cache = createTransformersCache({ modelId: 'local/my-sketch', root: 'http://app.test/models/local/my-sketch/', expectedSha256: {} }, { hit() {}, notice() {} });
    await cache.put('http://app.test/models/local/my-sketch/config.json', new Response(JSON.stringify({ id2label: { 0: 'cat', 1: 'star' } })));
    expect(await variantLabels('local/my-sketch')).toEqual(['cat', 'star']);
  });

  it('of a model deleted from this browser fail with SourceModelGoneError, so the game can say so', async () => {
    await expect(variantLabels('local/deleted-folder')).rejects.toBeInstanceOf(SourceModelGoneError);
  });

  it("of an opened .onnx file are the bundled sketch model's 16, as the lab assumes", async () => {
    const labels = await variantLabels('file:abc');
    expect(labels).toEqual(labelsFromConfig(doodleCnnConfig));
    expect(labels).toHaveLength(16);
  });
});

describe('loading a lab variant', () => {
  it('that is no longer stored fails with VariantMissingError, before any model is loaded', async () => {
    const load = loadSketchClassifier({ key: variantChoiceKey('gone'), modelId: 'doodle-cnn', variantId: 'gone', title: 'doodle-cnn · static int8 (made here)', kind: 'bitmap' }, () => {});
    await expect(load).rejects.toBeInstanceOf(VariantMissingError);
    await expect(load).rejects.toMatchObject({ variantId: 'gone' });
  });
});
