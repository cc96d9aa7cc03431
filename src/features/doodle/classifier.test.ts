import { describe, expect, it } from 'vitest';
import { catalog } from '../../runtime/catalog';
import { sketchModelChoices } from './classifier';

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
  });
});
