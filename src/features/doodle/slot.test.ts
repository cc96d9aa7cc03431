import { describe, expect, it } from 'vitest';
import { aroundSlot, SLOT } from './slot';

describe('aroundSlot', () => {
  it('splits a sentence where the emphasised words go, wherever the language puts them', () => {
    expect(aroundSlot(`Draw ${SLOT}`)).toEqual(['Draw ', '']);
    expect(aroundSlot(`${SLOT}を描いて！`)).toEqual(['', 'を描いて！']);
    expect(aroundSlot(`制限時間は${SLOT}です。`)).toEqual(['制限時間は', 'です。']);
  });

  it('keeps a sentence without the slot whole', () => {
    expect(aroundSlot('Draw')).toEqual(['Draw', '']);
  });
});
