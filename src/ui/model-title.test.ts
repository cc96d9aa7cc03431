import { describe, expect, it } from 'vitest';
import { catalog } from '../runtime/catalog';
import { modelNote, modelTitle } from './model-title';
import { inJapanese } from '../i18n/testing/in-japanese';

describe('modelTitle', () => {
  it('shows every catalogued model by its catalog title in English', () => {
    for (const model of catalog.models.filter((m) => m.source !== 'local')) expect(modelTitle(model)).toBe(model.title);
  });

  it('has a Japanese title for every catalogued model, and keeps the title of a model it does not know', async () => {
    await inJapanese(() => {
      for (const model of catalog.models.filter((m) => m.source !== 'local')) {
        expect(modelTitle(model), model.id).not.toBe(model.title);
        expect(modelTitle(model), model.id).toMatch(/[\p{Script=Han}\p{Script=Katakana}]/u);
      }
      expect(modelTitle({ id: 'local/my-model', title: 'my-model' })).toBe('my-model');
      for (const model of catalog.models.filter((m) => m.notes)) expect(modelNote(model), model.id).toMatch(/[\p{Script=Hiragana}]/u);
      expect(modelNote({ id: 'local/my-model', notes: 'as written' })).toBe('as written');
    });
  });
});
