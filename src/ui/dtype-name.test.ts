import { describe, expect, it } from 'vitest';
import { DTYPES } from '../runtime/catalog';
import { dtypeName } from './dtype-name';

describe('dtypeName', () => {
  it('names the 4-bit dtype int4 as the lab does, every other dtype by its own name, each distinctly', () => {
    expect(DTYPES.map(dtypeName)).toEqual(['fp32', 'int8', 'fp16', 'int4']);
  });
});
