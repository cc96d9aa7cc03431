import { isStroke, type Stroke } from './rasterise';

/** One drawing from a Quick, Draw! simplified .ndjson file. */
export interface QuickDrawDrawing {
  readonly word: string;
  readonly strokes: Stroke[];
}

/** Parses Quick, Draw! simplified ndjson (one drawing per line); `name` names the file in errors. */
export function parseQuickDrawNdjson(text: string, name: string): QuickDrawDrawing[] {
  const drawings: QuickDrawDrawing[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${name} line ${index + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new Error(`${where} is not valid JSON.`);
    }
    const { word, drawing } = (record ?? {}) as { word?: unknown; drawing?: unknown };
    if (typeof word !== 'string' || !Array.isArray(drawing) || !drawing.every(isStroke)) {
      throw new Error(`${where} is not a Quick, Draw! drawing (needs "word" and "drawing": [[xs], [ys]] per stroke).`);
    }
    drawings.push({ word, strokes: drawing });
  });
  return drawings;
}
