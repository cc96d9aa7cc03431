/** The drawings the lab compares models on and calibrates with, whatever their origin, as model inputs. */
import { msg, str } from '@lit/localize';
import { bitmapToInput, sketchInputShape } from '../../sketch';
import { formatNumber } from '../../ui/format';
import type { TensorMap } from '../../runtime/protocol';
import type { LabelledSample } from './compare';

export type SampleOrigin = 'synthetic' | 'game' | 'drawn' | 'imported';

export interface EvalDrawing {
  label: string;
  /** 28×28 uint8, ink high. */
  bitmap: Uint8Array;
}

/** What each origin is, in words, for the UI's "compared on …" line (interface language). */
export function originName(origin: SampleOrigin): string {
  switch (origin) {
    case 'synthetic':
      return msg('synthetic shapes', { id: 'quantize.origin.synthetic' });
    case 'game':
      return msg('Doodle Dash drawings (yours)', { id: 'quantize.origin.game' });
    case 'drawn':
      return msg('drawings made here', { id: 'quantize.origin.drawn' });
    case 'imported':
      return msg('imported drawings', { id: 'quantize.origin.imported' });
  }
}

/** "128 synthetic shapes · 8 classes" */
export function describeSamples(origin: SampleOrigin, drawings: readonly EvalDrawing[]): string {
  const classes = new Set(drawings.map((d) => d.label)).size;
  const count = formatNumber(drawings.length);
  const name = originName(origin);
  return classes === 1
    ? msg(str`${count} ${name} · 1 class`, { id: 'quantize.samples.oneClass' })
    : msg(str`${count} ${name} · ${formatNumber(classes)} classes`, { id: 'quantize.samples.classes' });
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
