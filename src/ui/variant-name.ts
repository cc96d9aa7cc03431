/**
 * How a model made or opened in the quantization lab is named, in the interface language (call at render). Shared by
 * the lab's variant list and the game's model menu, so a variant has one name wherever it is offered.
 */
import { msg, str } from '@lit/localize';
import type { StoredVariant } from '../runtime/variant-store';

/** How a variant was made, in words (interface language): "static int8", "fp32 (your file)". */
export function modeName(mode: StoredVariant['mode']): string {
  switch (mode) {
    case 'weight-only':
      return msg('weight-only int8', { id: 'quantize.mode.weightOnly' });
    case 'dynamic':
      return msg('dynamic int8', { id: 'quantize.mode.dynamic' });
    case 'static':
      return msg('static int8', { id: 'quantize.mode.static' });
    case 'opened':
      return msg('fp32 (your file)', { id: 'quantize.mode.opened' });
    default:
      // A mode the quantizer gained before the lab named it: its id still says what it is.
      return mode;
  }
}

/** A stored variant's name: "static int8 (made here)" for one quantized in the lab, "fp32 (your file)" for an opened one. */
export function storedVariantName(variant: Pick<StoredVariant, 'mode'>): string {
  if (variant.mode === 'opened') return modeName('opened');
  return msg(str`${modeName(variant.mode)} (made here)`, { id: 'quantize.variant.madeHere' });
}
