// Every class of the bundled sketch model has a Japanese name; other labels pass through in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labelsFromConfig } from '../sketch';
import { switchLocale } from '../i18n/locale';
import { sketchClassLabel } from './sketch-class-label';

const config = JSON.parse(readFileSync(join(__dirname, '../../models/doodle-cnn/config.json'), 'utf8'));
const classes = labelsFromConfig(config);

describe('sketchClassLabel', () => {
  // @lit/localize announces a language switch on window; Node has none, an event target stands in.
  beforeAll(() => vi.stubGlobal('window', new EventTarget()));
  afterAll(async () => {
    await switchLocale('en');
    vi.unstubAllGlobals();
  });

  it('shows the class names as the model names them in English', async () => {
    await switchLocale('en');
    for (const label of classes) expect(sketchClassLabel(label)).toBe(label);
  });

  it('gives every bundled class a distinct Japanese name', async () => {
    await switchLocale('ja');
    const names = classes.map(sketchClassLabel);
    for (const [i, name] of names.entries()) {
      expect(name, classes[i]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(new Set(names).size).toBe(classes.length);
  });

  it('leaves labels it does not know unchanged, including names of object properties', async () => {
    await switchLocale('ja');
    for (const label of ['house', 'triangle', 'constructor', 'toString', '']) expect(sketchClassLabel(label)).toBe(label);
  });
});
