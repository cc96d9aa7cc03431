/**
 * Playing a quantization-lab variant in Doodle Dash: which variants the game can play, and the route between the two
 * pages (the lab's Play button links to it, the game reads it). Pages never import each other, so the contract is here.
 */
import { findModel } from '../runtime/catalog';

const SUBROUTE = 'variant/';

/** The game with the stored variant `id` chosen: "#/doodle/variant/<id>". */
export function playVariantHref(id: string): string {
  return `#/doodle/${SUBROUTE}${encodeURIComponent(id)}`;
}

/** The variant id a game subroute asks for ("variant/<id>", already decoded by the router), else undefined. */
export function variantIdFromSubroute(subroute: string): string | undefined {
  const id = subroute.startsWith(SUBROUTE) ? subroute.slice(SUBROUTE.length) : '';
  return id || undefined;
}

/**
 * Whether the game can play a variant made from `modelId` (a catalog id, or `file:<id>` for a model opened in the
 * lab): yes for a 28×28 sketch model of the catalog, bundled or opened from disk, and for an opened file (the lab
 * opens only models taking one 28×28 sketch). No for a hub sketch model: the hub's MobileViT reads a picture through
 * a transformers.js pipeline, which a model run from stored bytes does not have.
 */
export function playsInGame(modelId: string): boolean {
  if (modelId.startsWith('file:')) return true;
  const model = findModel(modelId);
  return model?.task === 'sketch-classification' && model.source !== 'hub';
}
