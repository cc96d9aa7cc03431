/**
 * How a model made or opened in the quantization lab is named, in the interface language (call at render). Shared by
 * the lab's variant list and the game's model menu, so a variant has one name wherever it is offered.
 */
import { msg, str } from '@lit/localize';
import type { StoredVariant } from '../runtime/variant-store';
import { findModel } from '../runtime/catalog';
import { formatNumber } from './format';
import { modelName } from './model-name';

/** How a variant was made, in words (interface language): "static int8", "fp32 (your file)". */
export function modeName(mode: StoredVariant['mode']): string {
  switch (mode) {
    case 'weight-only':
      return msg('weight-only int8', { id: 'quantize.mode.weightOnly' });
    case 'dynamic':
      return msg('dynamic int8', { id: 'quantize.mode.dynamic' });
    case 'static':
      return msg('static int8', { id: 'quantize.mode.static' });
    case 'fp16':
      return msg('fp16', { id: 'quantize.mode.fp16' });
    case 'int4':
      return msg('int4', { id: 'quantize.mode.int4' });
    case 'palette':
      return msg('palette', { id: 'quantize.mode.palette' });
    case 'opened':
      return msg('fp32 (your file)', { id: 'quantize.mode.opened' });
  }
}

/**
 * The format and the settings it was made with, in words (interface language): "int4 block 32, symmetric",
 * "palette 4-bit", "static int8, entropy, SmoothQuant α 0.5", "static int8, percentile 99.9", "fp16, 2 layers fp32".
 * Variants stored without settings are named by their mode alone.
 */
export function formatName(variant: Pick<StoredVariant, 'mode' | 'options' | 'keptInFloat'>): string {
  const o = variant.options ?? {};
  const parts: string[] = [];
  if (variant.mode === 'int4' && o.blockSize) {
    const size = o.blockSize;
    parts.push(msg(str`int4 block ${size}`, { id: 'quantize.name.int4Block' }));
    if (o.symmetric !== undefined) parts.push(o.symmetric ? msg('symmetric', { id: 'quantize.name.symmetric' }) : msg('asymmetric', { id: 'quantize.name.asymmetric' }));
  } else if (variant.mode === 'palette' && o.bits) {
    const bits = o.bits;
    parts.push(msg(str`palette ${bits}-bit`, { id: 'quantize.name.paletteBits' }));
  } else {
    parts.push(modeName(variant.mode));
  }
  if (o.calibrationMethod === 'percentile' && o.percentile !== undefined) {
    const p = formatNumber(o.percentile);
    parts.push(msg(str`percentile ${p}`, { id: 'quantize.name.percentile' }));
  } else if (o.calibrationMethod === 'entropy') parts.push(msg('entropy', { id: 'quantize.name.entropy' }));
  else if (o.calibrationMethod === 'mse') parts.push(msg('MSE', { id: 'quantize.name.mse' }));
  if (o.smoothQuantAlpha !== undefined) {
    const alpha = formatNumber(o.smoothQuantAlpha);
    parts.push(msg(str`SmoothQuant α ${alpha}`, { id: 'quantize.name.smoothQuant' }));
  }
  const kept = variant.keptInFloat?.length ?? 0;
  if (kept === 1) parts.push(msg('1 layer fp32', { id: 'quantize.name.keptOneInFloat' }));
  else if (kept > 1) {
    const count = formatNumber(kept);
    parts.push(msg(str`${count} layers fp32`, { id: 'quantize.name.keptInFloat' }));
  }
  return parts.join(msg(', ', { id: 'quantize.name.separator' }));
}

/** A stored variant's name: "static int8 (made here)" for one quantized in the lab, "fp32 (your file)" for an opened one. */
/**
 * Names made distinct in order: a name already given gets " (2)", " (3)"… (two variants made with the same settings
 * would otherwise look alike in the lab's list, its results and the game's menu).
 */
export function numberRepeats(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * The model a variant was made from, as a person knows it: a catalog model's title (a folder from disk: its name),
 * else the name stored with the variant (an opened file's name, or a model no longer in this browser).
 */
export function variantSourceName(variant: Pick<StoredVariant, 'modelId' | 'name'>): string {
  return findModel(variant.modelId) ? modelName(variant.modelId) : variant.name;
}

export function storedVariantName(variant: Pick<StoredVariant, 'mode' | 'options' | 'keptInFloat'>): string {
  if (variant.mode === 'opened') return modeName('opened');
  return msg(str`${formatName(variant)} (made here)`, { id: 'quantize.variant.madeHere' });
}
