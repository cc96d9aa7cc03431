import { describe, expect, it } from 'vitest';
import { sketchModelChoices } from './classifier';

describe('sketch model choices', () => {
  it('offers the bundled model in each dtype and the hub image model in its default dtype only', () => {
    const choices = sketchModelChoices();
    expect(choices.filter((c) => c.kind === 'bitmap').map((c) => c.key)).toEqual(['doodle-cnn', 'doodle-cnn@fp32', 'doodle-cnn@int8']);
    const hub = choices.filter((c) => c.kind === 'image');
    expect(hub).toEqual([expect.objectContaining({ key: 'Xenova/quickdraw-mobilevit-small', modelId: 'Xenova/quickdraw-mobilevit-small', dtype: 'fp32' })]);
    expect(hub[0]!.title).toMatch(/345 classes.*hub/);
  });
});
