import { describe, expect, it } from 'vitest';
import { comparisonClasses } from './class-names';

const SKETCH = ['circle', 'square', 'star'];

describe('comparisonClasses', () => {
  it("uses the config's id2label when there is one", () => {
    expect(comparisonClasses({ id2label: { 1: 'b', 0: 'a' } }, 2, SKETCH)).toEqual({ names: ['a', 'b'], source: 'config' });
  });

  it.each([[{}], [undefined], [null], [{ id2label: {} }]])('numbers the classes of a config without id2label (%j)', (config) => {
    expect(comparisonClasses(config, 4, SKETCH)).toEqual({ names: ['class 0', 'class 1', 'class 2', 'class 3'], source: 'numbered' });
  });

  it('assumes the sketch classes when the output has exactly as many scores', () => {
    expect(comparisonClasses({}, 3, SKETCH)).toEqual({ names: SKETCH, source: 'sketch' });
  });

  it('still refuses a malformed id2label', () => {
    expect(() => comparisonClasses({ id2label: { 7: 'x' } }, 1, SKETCH)).toThrow(/invalid class index/);
  });
});
