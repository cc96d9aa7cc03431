import { describe, expect, it } from 'vitest';
import { LabelledImportError, parseLabelledDrawings } from './labelled-import';

const square = [[[10, 90, 90, 10, 10], [10, 10, 90, 90, 10]]];

describe('importing labelled drawings', () => {
  it('reads strokes (rasterised like the game) and 28×28 bitmaps, one JSON object per line', () => {
    const bitmap = Array.from({ length: 784 }, (_, i) => (i % 28 === 14 ? 255 : 0));
    const text = `${JSON.stringify({ label: 'square', strokes: square })}\n\n${JSON.stringify({ label: ' line ', bitmap })}\n`;
    const drawings = parseLabelledDrawings(text, 'mine.jsonl');
    expect(drawings.map((d) => d.label)).toEqual(['square', 'line']);
    expect(drawings[0]!.bitmap).toHaveLength(784);
    expect(Math.max(...drawings[0]!.bitmap)).toBeGreaterThan(200);
    expect([...drawings[1]!.bitmap]).toEqual(bitmap);
  });

  it('reads a Quick, Draw! .ndjson file, taking "word" as the label', () => {
    const line = JSON.stringify({ word: 'square', countrycode: 'DE', recognized: true, drawing: square });
    const drawings = parseLabelledDrawings(`${line}\n${line}\n`, 'square.ndjson');
    expect(drawings).toHaveLength(2);
    expect(drawings[0]!.label).toBe('square');
  });

  it('names the file and line of the first bad record and what was expected', () => {
    const bad = (text: string) => () => parseLabelledDrawings(text, 'set.jsonl');
    expect(bad('')).toThrow(/set.jsonl is empty/);
    expect(bad('{"label":"a","strokes":[]}\nnot json')).toThrow(/set.jsonl line 2 is not JSON/);
    expect(bad('{"strokes":[]}')).toThrow(/line 1 has no "label"/);
    expect(bad('{"label":"a","bitmap":[1,2]}')).toThrow(/"bitmap" must be 784 numbers/);
    expect(bad('{"label":"a","bitmap":' + JSON.stringify(Array(784).fill(300)) + '}')).toThrow(/from 0 to 255/);
    expect(bad('{"label":"a","strokes":"round"}')).toThrow(/needs "strokes"/);
    expect(bad('{"label":"a","strokes":[[[],[]]]}')).toThrow(/has no points to draw/);
    expect(bad(`${JSON.stringify({ word: 'a', drawing: square })}\n{"word":"b"}`)).toThrow(LabelledImportError);
  });
});
