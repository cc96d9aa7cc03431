// The inference worker client with image classification (workers/inference.worker.ts exposes `classifyImage`).
import type { ImageLabelScore, ImagePixels } from './protocol';
import { InferenceClient } from './worker-client';

export class ImageClassifyClient extends InferenceClient {
  /** Best `topk` labels for the image, from the pipeline loaded with `pipeline: 'image-classification'`. */
  classifyImage(image: ImagePixels, topk: number): Promise<ImageLabelScore[]> {
    return this.call((api) => api.classifyImage(image, topk));
  }
}
