import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/router';
import { newVariant } from '../../runtime/variant-store';
import { playVariantHref, variantIdFromSubroute } from '../../ui/play-variant';

// The shell hands the game the subroute of the lab's Play link; the game must read back the id the link was made for.
describe("the lab's Play link", () => {
  it("reaches the game with the variant's id, for every id the store makes", () => {
    for (let i = 0; i < 50; i++) {
      const { id } = newVariant({ modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'static', bytes: new Uint8Array(0), createdAt: Date.now() + i * 7919 });
      const route = parseRoute(playVariantHref(id));
      expect(route.route).toBe('doodle');
      expect(variantIdFromSubroute(route.subroute)).toBe(id);
    }
  });
});
