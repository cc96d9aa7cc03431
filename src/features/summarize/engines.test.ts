import { describe, expect, it } from 'vitest';
import { catalog } from '../../runtime/catalog';
import { hubSummarizers, parseHubId, progressLabel } from './engines';

describe('engines', () => {
  it('accepts organisation/name hub ids and explains anything else', () => {
    expect(parseHubId(' Xenova/t5-small ')).toEqual({ ok: true, id: 'Xenova/t5-small' });
    expect(parseHubId('t5-small')).toMatchObject({ ok: false, message: expect.stringMatching(/organisation\/name/) });
    expect(parseHubId('https://example.com/x')).toMatchObject({ ok: false });
  });

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
