/**
 * Labelled drawings a user imports into the lab. One JSON object per line, any of:
 *   {"label": "star", "strokes": [[[x…], [y…]], …]}   strokes in any coordinate space (y down), rasterised here
 *   {"label": "star", "bitmap": [784 numbers 0–255]}  28×28 row-major, ink high
 *   {"word": "star", "drawing": [[[x…], [y…]], …]}   a Quick, Draw! simplified .ndjson file as downloaded
 */
import { msg, str } from '@lit/localize';
import { isStroke, rasteriseStrokes, SKETCH_INPUT_SPEC, type Stroke } from '../../sketch';
import { parseQuickDrawNdjson } from '../../sketch/quickdraw-ndjson';

export interface ImportedDrawing {
  label: string;
  /** Model input pixels: 28×28 uint8, ink high. */
  bitmap: Uint8Array;
}

const PIXELS = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;
/** The accepted formats, in a sentence for the page and for import errors. */
export function importFormatHelp(): string {
  return msg('one JSON object per line: {"label": "star", "strokes": [[[x…],[y…]], …]}, {"label": "star", "bitmap": [784 values 0–255]}, or a Quick, Draw! .ndjson file ({"word", "drawing"})', {
    id: 'quantize.import.format',
  });
}

export class LabelledImportError extends Error {
  override name = 'LabelledImportError';
}

function isBitmap(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === PIXELS && value.every((n) => typeof n === 'number' && n >= 0 && n <= 255);
}

function fromStrokes(label: string, strokes: readonly Stroke[], where: string): ImportedDrawing {
  const bitmap = rasteriseStrokes(strokes);
  if (!bitmap) throw new LabelledImportError(msg(str`${where} has no points to draw.`, { id: 'quantize.import.noPoints' }));
  return { label, bitmap };
}

function parseRecord(record: unknown, where: string): ImportedDrawing {
  const { label, strokes, bitmap } = (record ?? {}) as { label?: unknown; strokes?: unknown; bitmap?: unknown };
  if (typeof label !== 'string' || label.trim() === '') throw new LabelledImportError(msg(str`${where} has no "label" (a class name such as "star").`, { id: 'quantize.import.noLabel' }));
  if (bitmap !== undefined) {
    if (!isBitmap(bitmap)) throw new LabelledImportError(msg(str`${where}: "bitmap" must be ${PIXELS} numbers from 0 to 255 (28×28, ink high).`, { id: 'quantize.import.badBitmap' }));
    return { label: label.trim(), bitmap: Uint8Array.from(bitmap) };
  }
  if (Array.isArray(strokes) && strokes.every(isStroke)) return fromStrokes(label.trim(), strokes, where);
  throw new LabelledImportError(msg(str`${where} needs "strokes" ([[xs], [ys]] per stroke) or "bitmap" (${PIXELS} numbers).`, { id: 'quantize.import.noDrawing' }));
}

/** Parses an import file; throws LabelledImportError naming the first bad line. `name` is the file name. */
export function parseLabelledDrawings(text: string, name: string): ImportedDrawing[] {
  const lines = text.split('\n').map((line, index) => ({ line: line.trim(), where: msg(str`${name} line ${index + 1}`, { id: 'quantize.import.line' }) })).filter((l) => l.line !== '');
  if (lines.length === 0) throw new LabelledImportError(msg(str`${name} is empty. Expected ${importFormatHelp()}.`, { id: 'quantize.import.empty' }));
  const records = lines.map(({ line, where }) => {
    try {
      return { record: JSON.parse(line) as unknown, where };
    } catch {
      throw new LabelledImportError(msg(str`${where} is not JSON. Expected ${importFormatHelp()}.`, { id: 'quantize.import.notJson' }));
    }
  });
  const first = records[0]!.record as Record<string, unknown> | null;
  if (first && typeof first === 'object' && 'word' in first && 'drawing' in first) {
    try {
      return parseQuickDrawNdjson(text, name).map((d, i) => fromStrokes(d.word, d.strokes, msg(str`${name} drawing ${i + 1}`, { id: 'quantize.import.drawing' })));
    } catch (error) {
      throw error instanceof LabelledImportError ? error : new LabelledImportError((error as Error).message);
    }
  }
  return records.map(({ record, where }) => parseRecord(record, where));
}
