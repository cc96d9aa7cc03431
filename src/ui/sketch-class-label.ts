// Sketch class names in the interface language: the bundled sketch model's 16 classes (models/doodle-cnn/config.json)
// have Japanese names (ids "doodle.class.<label>", spaces as hyphens); any other label, e.g. from a hub model with its
// own classes, is shown as the model names it.
import { msg } from '@lit/localize';

// Functions, not strings: msg() must run when a name is shown, so a language switch shows the new names.
const NAMES: Readonly<Record<string, () => string>> = {
  airplane: () => msg('airplane', { id: 'doodle.class.airplane' }),
  apple: () => msg('apple', { id: 'doodle.class.apple' }),
  bicycle: () => msg('bicycle', { id: 'doodle.class.bicycle' }),
  bowtie: () => msg('bowtie', { id: 'doodle.class.bowtie' }),
  cat: () => msg('cat', { id: 'doodle.class.cat' }),
  circle: () => msg('circle', { id: 'doodle.class.circle' }),
  crown: () => msg('crown', { id: 'doodle.class.crown' }),
  diamond: () => msg('diamond', { id: 'doodle.class.diamond' }),
  eye: () => msg('eye', { id: 'doodle.class.eye' }),
  fish: () => msg('fish', { id: 'doodle.class.fish' }),
  lollipop: () => msg('lollipop', { id: 'doodle.class.lollipop' }),
  rainbow: () => msg('rainbow', { id: 'doodle.class.rainbow' }),
  skull: () => msg('skull', { id: 'doodle.class.skull' }),
  'smiley face': () => msg('smiley face', { id: 'doodle.class.smiley-face' }),
  square: () => msg('square', { id: 'doodle.class.square' }),
  star: () => msg('star', { id: 'doodle.class.star' }),
};

/** A model's class label (e.g. "smiley face") as shown in the interface language; unknown labels unchanged. */
export function sketchClassLabel(label: string): string {
  return Object.hasOwn(NAMES, label) ? NAMES[label]!() : label;
}
