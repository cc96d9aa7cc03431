import { describe, expect, it } from 'vitest';
import { parseHubId } from './hub-id';

describe('parseHubId', () => {
  it('accepts organisation/name hub ids and explains anything else with an example', () => {
    expect(parseHubId(' Xenova/t5-small ')).toEqual({ ok: true, id: 'Xenova/t5-small' });
    expect(parseHubId('t5-small', 'Xenova/distilbart-cnn-6-6')).toEqual({
      ok: false,
      message: 'Enter a hub model id like "Xenova/distilbart-cnn-6-6" (organisation/name).',
    });
    expect(parseHubId('https://example.com/x')).toMatchObject({ ok: false });
    expect(parseHubId('')).toMatchObject({ ok: false });
  });
});
