/**
 * How a model is named in a message to a person: a catalogued model by its title in the interface language ("Sketch
 * CNN (16 classes)"; a model opened from disk by its folder name, its id `local/<name>-2` being made up), any other
 * model by its id (a hub model typed in by hand: what the hub knows it by).
 */
import { findModel } from '../runtime/catalog';
import { modelTitle } from './model-title';

/** The title of the catalogued model `modelId` (call at render: titles follow the language); otherwise `modelId`. */
export function modelName(modelId: string): string {
  const model = findModel(modelId);
  return model ? modelTitle(model) : modelId;
}
