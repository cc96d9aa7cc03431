// Catalogued models' titles and notes in the interface language. Titles are data in models/catalog.json (English); the models
// the catalog ships with have Japanese titles here (ids "ui.model.<catalog id>"); any other model, e.g. a folder
// opened from disk, is shown by the title it came with.
import { msg } from '@lit/localize';

// Functions, not strings: msg() must run when a title is shown, so a language switch shows the new titles.
const TITLES: Readonly<Record<string, () => string>> = {
  'doodle-cnn': () => msg('Sketch CNN (16 classes)', { id: 'ui.model.doodle-cnn' }),
  'doodle-vit': () => msg('Sketch ViT (16 classes)', { id: 'ui.model.doodle-vit' }),
  'Xenova/quickdraw-mobilevit-small': () => msg('MobileViT sketch classifier (345 classes)', { id: 'ui.model.quickdraw-mobilevit-small' }),
  'Xenova/distilbart-cnn-6-6': () => msg('DistilBART CNN 6-6 (news summarization)', { id: 'ui.model.distilbart-cnn-6-6' }),
  'Xenova/t5-small': () => msg('T5 small (summarization)', { id: 'ui.model.t5-small' }),
};

const NOTES: Readonly<Record<string, () => string>> = {
  'Xenova/quickdraw-mobilevit-small': () =>
    msg('Its int8 (q8) export is reported to predict confidently wrong, so fp32 is the default.', { id: 'ui.model-note.quickdraw-mobilevit-small' }),
};

/** A model's title as shown in the interface language: `{ id, title }` of a catalog entry; unknown ids keep `title`. */
export function modelTitle(model: { id: string; title: string }): string {
  return Object.hasOwn(TITLES, model.id) ? TITLES[model.id]!() : model.title;
}

/** A catalog entry's `notes` in the interface language (unknown ids keep their notes; undefined without notes). */
export function modelNote(model: { id: string; notes?: string }): string | undefined {
  if (!model.notes) return undefined;
  return Object.hasOwn(NOTES, model.id) ? NOTES[model.id]!() : model.notes;
}
