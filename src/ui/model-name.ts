/**
 * How a model is named in a message to a person: a model opened from disk by its folder name (its catalog title; its
 * id `local/<name>-2` is made up and may differ from the folder), any other model by its id (what the hub knows it by).
 */
import { findModel } from '../runtime/catalog';

/** The folder name of a model opened from disk; otherwise (or once the model is gone from the catalog) `modelId`. */
export function modelName(modelId: string): string {
  const model = findModel(modelId);
  return model?.source === 'local' ? model.title : modelId;
}
