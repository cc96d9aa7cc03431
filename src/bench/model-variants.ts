// The files the benchmarks time for each model variant, made the same way by the page (quantize worker) and the CLIs
// (quantizer in Node): fp32 and int8 are the shipped files, fp16 and int4 our quantizer's output from the fp32 file.
import { findModel } from '../runtime/catalog';
import type { Dtype } from '../runtime/protocol';
import type { QuantizeOptions } from '../quantize/types';
import type { VariantFile } from './results';
import type { ModelVariant } from './settings';

/** Quantizer options, a subset that both `quantizeModel` (Node) and `quantizeInWorker` (page) take. */
export type VariantQuantizeOptions = Pick<QuantizeOptions, 'mode' | 'blockSize' | 'symmetric'>;

export type VariantRecipe = { shipped: Dtype } | { quantize: VariantQuantizeOptions };

/** How a variant is made: a shipped catalog dtype, or the quantizer's options applied to the shipped fp32 file. */
export function variantRecipe(variant: ModelVariant): VariantRecipe {
  switch (variant) {
    case 'fp32':
      return { shipped: 'fp32' };
    case 'int8':
      return { shipped: 'int8' };
    case 'fp16':
      return { quantize: { mode: 'fp16' } };
    case 'int4':
      return { quantize: { mode: 'int4', blockSize: 32, symmetric: true } };
  }
}

/** The runtime dtype a variant loads as (int4 block-wise MatMulNBits is transformers.js's q4). */
export function variantDtype(variant: ModelVariant): Dtype {
  return variant === 'int4' ? 'q4' : variant;
}

/** Path of a shipped dtype's ONNX file inside the model folder, from the catalog (e.g. "onnx/model_quantized.onnx"). */
export function shippedPath(modelId: string, dtype: Dtype): string {
  const path = findModel(modelId)?.dtypes[dtype]?.files[0]?.path;
  if (!path) throw new Error(`The catalog lists no ${dtype} file for ${modelId}.`);
  return path;
}

export interface VariantSource {
  /** Bytes of a file of the model folder (e.g. fetched from the app, or read from models/). */
  read(path: string): Promise<Uint8Array>;
  quantize(fp32: Uint8Array, options: VariantQuantizeOptions): Promise<Uint8Array>;
}

/** The ONNX bytes of one variant of a bundled model. Throws when the catalog lacks the file or the quantizer refuses. */
export async function variantBytes(modelId: string, variant: ModelVariant, source: VariantSource): Promise<Uint8Array> {
  const recipe = variantRecipe(variant);
  if ('shipped' in recipe) return source.read(shippedPath(modelId, recipe.shipped));
  return source.quantize(await source.read(shippedPath(modelId, 'fp32')), recipe.quantize);
}

/**
 * Whether the page and onnxruntime-node timed the same variant files (SHA-256 compared), as English lines for the CLI
 * report: one line when all match, one per differing file otherwise; none when the page timed no variants.
 */
export function sameFilesNotes(page: readonly VariantFile[], native: readonly VariantFile[]): string[] {
  if (page.length === 0) return [];
  const differing = page.filter((p) => native.find((n) => n.model === p.model && n.variant === p.variant)?.sha256 !== p.sha256);
  if (differing.length === 0) return ['The page and onnxruntime-node timed byte-identical variant files (SHA-256 compared).'];
  return differing.map((f) => `${f.model} ${f.variant}: the page and onnxruntime-node timed different bytes (SHA-256 differs or native lacks it), so their ratio compares different files.`);
}
