import { describe, expect, it } from 'vitest';
import { catalog } from '../../runtime/catalog';
import { hubSummarizers, progressLabel } from './engines';

describe('engines', () => {
  it('offers the catalogued summarization models with their own dtypes', () => {
    const models = hubSummarizers(catalog);
    expect(models.map((m) => m.id)).toEqual(expect.arrayContaining(['Xenova/distilbart-cnn-6-6', 'Xenova/t5-small']));
    for (const m of models) expect(m.dtypes).toContain(m.defaultDtype);
  });

  it('labels map-reduce progress', () => {
    expect(progressLabel({ stage: 'chunk', index: 3, total: 8, round: 1 })).toBe('Chunk 3 of 8');
    expect(progressLabel({ stage: 'chunk', index: 1, total: 2, round: 2 })).toMatch(/^Chunk 1 of 2 .*round 2/);
    expect(progressLabel({ stage: 'combine', round: 2 })).toMatch(/Combining/);
  });
});
