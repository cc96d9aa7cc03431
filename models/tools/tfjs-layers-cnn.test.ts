import { describe, expect, it } from 'vitest';
import { loadTfjsCnn, type TfjsModelJson } from './tfjs-layers-cnn';

/** 2×2×1 input → Conv2D(1 filter, 3×3, same, relu) → MaxPooling2D(2×2) → Flatten → Dense(2, linear). */
function tinyModel(layers: TfjsModelJson['modelTopology']['model_config']['config']): TfjsModelJson {
  return {
    modelTopology: { model_config: { class_name: 'Sequential', config: layers } },
    weightsManifest: [{
      paths: ['w.bin'],
      weights: [
        { name: 'c/kernel', shape: [3, 3, 1, 1], dtype: 'float32' },
        { name: 'c/bias', shape: [1], dtype: 'float32' },
        { name: 'd/kernel', shape: [1, 2], dtype: 'float32' },
        { name: 'd/bias', shape: [2], dtype: 'float32' },
      ],
    }],
  };
}

const LAYERS = {
  layers: [
    { class_name: 'Conv2D', config: { name: 'c', filters: 1, kernel_size: [3, 3], padding: 'same', activation: 'relu', strides: [1, 1], batch_input_shape: [null, 2, 2, 1] } },
    { class_name: 'MaxPooling2D', config: { name: 'p', pool_size: [2, 2], strides: [2, 2], padding: 'valid' } },
    { class_name: 'Flatten', config: { name: 'f' } },
    { class_name: 'Dense', config: { name: 'd', units: 2, activation: 'linear' } },
  ],
};

// Kernel: centre 1, right neighbour 10, so out(y, x) = in(y, x) + 10·in(y, x+1) − 1 (bias), then relu.
const kernel = [0, 0, 0, 0, 1, 10, 0, 0, 0];
const weights = new Uint8Array(Float32Array.from([...kernel, -1, 2, -3, 0.5, 0]).buffer);

describe('loadTfjsCnn', () => {
  it('computes convolution with same padding, max pooling and a dense layer in channels-last order', () => {
    const network = loadTfjsCnn(tinyModel(LAYERS), weights);
    // Input rows [1, 2], [3, 4]: conv = [1+20-1, 2-1], [3+40-1, 4-1] = [20, 1], [42, 3] → max 42.
    expect(Array.from(network.predict(Float32Array.of(1, 2, 3, 4)))).toEqual([84.5, -126]);
  });

  it('refuses layer types and inputs it cannot run, with their names', () => {
    const unknown = { layers: [LAYERS.layers[0], { class_name: 'LSTM', config: { name: 'l' } }] };
    expect(() => loadTfjsCnn(tinyModel(unknown), weights)).toThrow(/LSTM \(l\) is not supported/);
    expect(() => loadTfjsCnn(tinyModel(LAYERS), weights).predict(new Float32Array(3))).toThrow(/needs 2×2×1 inputs; got 3/);
  });
});
