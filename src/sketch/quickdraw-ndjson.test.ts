import { describe, expect, it } from 'vitest';
import { parseQuickDrawNdjson } from './quickdraw-ndjson';

describe('parseQuickDrawNdjson', () => {
  it('reads one drawing per line and ignores blank lines', () => {
    const text = '{"word":"cat","drawing":[[[0,5],[1,6]]]}\n\n{"word":"star","drawing":[[[1],[2]],[[3],[4]]]}\n';
    const drawings = parseQuickDrawNdjson(text, 'mix.ndjson');
    expect(drawings.map((d) => d.word)).toEqual(['cat', 'star']);
    expect(drawings[1].strokes).toHaveLength(2);
  });

  it('names the file and line of a broken record', () => {
    expect(() => parseQuickDrawNdjson('{"word":"cat","drawing":[[[0],[1]]]}\n{oops', 'c.ndjson')).toThrow(/c\.ndjson line 2 is not valid JSON/);
    expect(() => parseQuickDrawNdjson('{"word":"cat","drawing":[["a"]]}', 'c.ndjson')).toThrow(/line 1 is not a Quick, Draw! drawing/);
  });
});
