/** The drawings the lab compares models on and calibrates with, whatever their origin, as model inputs. */
import { bitmapToInput, sketchInputShape } from '../../sketch';
import type { TensorMap } from '../../runtime/protocol';
import type { LabelledSample } from './compare';

export type SampleOrigin = 'synthetic' | 'game' | 'drawn' | 'imported';

export interface EvalDrawing {
  label: string;
  /** 28×28 uint8, ink high. */
  bitmap: Uint8Array;
}

/** What each origin is, in words, for the UI's "compared on …" line. */
export const ORIGIN_NAMES: Record<SampleOrigin, string> = {
  synthetic: 'synthetic shapes',
  game: 'Doodle Dash drawings (yours)',
  drawn: 'drawings made here',
  imported: 'imported drawings',
};

/** "128 synthetic shapes · 8 classes" */
export function describeSamples(origin: SampleOrigin, drawings: readonly EvalDrawing[]): string {
  const classes = new Set(drawings.map((d) => d.label)).size;
  return `${drawings.length} ${ORIGIN_NAMES[origin]} · ${classes} class${classes === 1 ? '' : 'es'}`;
}

export interface ModelSamples {
  samples: LabelledSample[];
  /** Drawings whose label is not one of the model's classes: still compared, but not counted for accuracy. */
  unknownLabels: string[];
}

/** Drawings → model inputs, with the label as the model's class index when the model has that class. */
export function toModelSamples(drawings: readonly EvalDrawing[], classNames: readonly string[]): ModelSamples {
  const index = new Map(classNames.map((name, i) => [name, i]));
  const unknown = new Set<string>();
  const samples = drawings.map(({ label, bitmap }) => {
    const classIndex = index.get(label);
    if (classIndex === undefined) unknown.add(label);
    return { input: bitmapToInput(bitmap), label: classIndex };
  });
  return { samples, unknownLabels: [...unknown].sort() };
}

/** One input map per drawing, as static calibration takes them (input name from the model). */
export function calibrationInputs(drawings: readonly EvalDrawing[], inputName: string): TensorMap[] {
  return drawings.map(({ bitmap }) => ({ [inputName]: { type: 'float32', data: bitmapToInput(bitmap), dims: sketchInputShape(1) } }));
}
