import { describe, expect, it } from 'vitest';
import { catalog } from '../runtime/catalog';
import { playsInGame, variantIdFromSubroute } from './play-variant';

describe('playing a lab variant in the game', () => {
  it('other game routes ask for no variant', () => {
    for (const subroute of ['', 'practice', 'variant', 'variant/', 'variants/x']) expect(variantIdFromSubroute(subroute)).toBeUndefined();
  });

  it('plays variants of 28×28 sketch models and opened files, not of the hub image model or other tasks', () => {
    expect(playsInGame('file:abc')).toBe(true);
    for (const model of catalog.models) {
      expect(playsInGame(model.id), model.id).toBe(model.task === 'sketch-classification' && model.source !== 'hub');
    }
    expect(playsInGame('doodle-cnn')).toBe(true);
    expect(playsInGame('Xenova/quickdraw-mobilevit-small')).toBe(false);
    expect(playsInGame('no-such-model')).toBe(false);
  });
});
