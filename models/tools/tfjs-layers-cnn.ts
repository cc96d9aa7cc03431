/**
 * Runs a small TF.js "layers-model" CNN (Sequential: Conv2D, MaxPooling2D, Dropout, Flatten, Dense) with plain
 * TypeScript math, channels-last. Used only to compare our sketch model with a reference peer; nothing ships it.
 */

interface LayerJson {
  class_name: string;
  config: {
    name: string;
    activation?: string;
    padding?: string;
    strides?: number[];
    pool_size?: number[];
    kernel_size?: number[];
    filters?: number;
    units?: number;
    data_format?: string;
    batch_input_shape?: (number | null)[];
  };
}

export interface TfjsModelJson {
  format?: string;
  modelTopology: { model_config: { class_name: string; config: { layers: LayerJson[] } | LayerJson[] } };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** A feature map: height × width × channels, channels last. */
interface Tensor3 {
  h: number;
  w: number;
  c: number;
  data: Float32Array;
}

type Layer = (x: Tensor3) => Tensor3;

export interface TfjsCnn {
  readonly inputShape: readonly [number, number, number];
  /** Outputs of the last layer for one image given as h×w×c floats. */
  predict(input: Float32Array): Float32Array;
}

/** Builds the network from model.json and the concatenated weight shards. */
export function loadTfjsCnn(modelJson: TfjsModelJson, weightBytes: Uint8Array): TfjsCnn {
  const topology = modelJson.modelTopology.model_config;
  if (topology.class_name !== 'Sequential') throw new Error(`Only Sequential TF.js models are supported, not ${topology.class_name}.`);
  const layers = Array.isArray(topology.config) ? topology.config : topology.config.layers;
  const weights = readWeights(modelJson, weightBytes);
  const inputShape = layers[0]?.config.batch_input_shape?.slice(1) as [number, number, number] | undefined;
  if (!inputShape || inputShape.length !== 3) throw new Error('The first layer does not declare a [height, width, channels] input.');

  const built: Layer[] = layers.map((layer) => {
    const { name, activation = 'linear' } = layer.config;
    if (layer.config.data_format && layer.config.data_format !== 'channels_last') throw new Error(`${name}: only channels_last is supported.`);
    const weight = (suffix: string) => {
      const w = weights.get(`${name}/${suffix}`);
      if (!w) throw new Error(`Weights for ${name}/${suffix} are missing from the manifest.`);
      return w;
    };
    switch (layer.class_name) {
      case 'Conv2D': {
        const [kh, kw] = layer.config.kernel_size ?? [];
        if (layer.config.strides?.some((s) => s !== 1)) throw new Error(`${name}: only stride 1 is supported.`);
        return conv2d(weight('kernel'), weight('bias'), kh, kw, layer.config.filters!, layer.config.padding === 'same', activationOf(activation, name));
      }
      case 'MaxPooling2D': {
        const [ph, pw] = layer.config.pool_size ?? [2, 2];
        const [sh, sw] = layer.config.strides ?? [ph, pw];
        if (layer.config.padding === 'same') throw new Error(`${name}: only valid max pooling is supported.`);
        return (x) => maxPool(x, ph, pw, sh, sw);
      }
      case 'Dropout':
        return (x) => x;
      case 'Flatten':
        return (x) => ({ h: 1, w: 1, c: x.data.length, data: x.data });
      case 'Dense':
        return dense(weight('kernel'), weight('bias'), layer.config.units!, activationOf(activation, name));
      default:
        throw new Error(`Layer type ${layer.class_name} (${name}) is not supported.`);
    }
  });

  return {
    inputShape,
    predict(input: Float32Array): Float32Array {
      const [h, w, c] = inputShape;
      if (input.length !== h * w * c) throw new Error(`The model needs ${h}×${w}×${c} inputs; got ${input.length}.`);
      return built.reduce((x, layer) => layer(x), { h, w, c, data: input }).data;
    },
  };
}

function readWeights(modelJson: TfjsModelJson, bytes: Uint8Array): Map<string, Float32Array> {
  const weights = new Map<string, Float32Array>();
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let offset = 0;
  for (const entry of modelJson.weightsManifest.flatMap((group) => group.weights)) {
    if (entry.dtype !== 'float32') throw new Error(`Weight ${entry.name} is ${entry.dtype}; only float32 is supported.`);
    const count = entry.shape.reduce((a, b) => a * b, 1);
    if (offset + count > floats.length) throw new Error(`The weight file is too short for ${entry.name}.`);
    weights.set(entry.name, floats.subarray(offset, offset + count));
    offset += count;
  }
  return weights;
}

function activationOf(name: string, layer: string): (values: Float32Array) => void {
  switch (name) {
    case 'linear':
      return () => {};
    case 'relu':
      return (v) => v.forEach((x, i) => (v[i] = x > 0 ? x : 0));
    case 'tanh':
      return (v) => v.forEach((x, i) => (v[i] = Math.tanh(x)));
    case 'softmax':
      return (v) => {
        const max = Math.max(...v);
        let total = 0;
        v.forEach((x, i) => (total += v[i] = Math.exp(x - max)));
        v.forEach((x, i) => (v[i] = x / total));
      };
    default:
      throw new Error(`${layer}: activation ${name} is not supported.`);
  }
}

/** Kernel layout [kh, kw, in, out] as Keras stores it. */
function conv2d(kernel: Float32Array, bias: Float32Array, kh: number, kw: number, filters: number, same: boolean, activate: (v: Float32Array) => void): Layer {
  return (x) => {
    const padTop = same ? Math.floor((kh - 1) / 2) : 0;
    const padLeft = same ? Math.floor((kw - 1) / 2) : 0;
    const h = same ? x.h : x.h - kh + 1;
    const w = same ? x.w : x.w - kw + 1;
    const out = new Float32Array(h * w * filters);
    for (let oy = 0; oy < h; oy++) {
      for (let ox = 0; ox < w; ox++) {
        const o = (oy * w + ox) * filters;
        out.set(bias, o);
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy + ky - padTop;
          if (iy < 0 || iy >= x.h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox + kx - padLeft;
            if (ix < 0 || ix >= x.w) continue;
            const inBase = (iy * x.w + ix) * x.c;
            const kBase = (ky * kw + kx) * x.c * filters;
            for (let ci = 0; ci < x.c; ci++) {
              const v = x.data[inBase + ci];
              if (v === 0) continue;
              const k = kBase + ci * filters;
              for (let f = 0; f < filters; f++) out[o + f] += v * kernel[k + f];
            }
          }
        }
      }
    }
    activate(out);
    return { h, w, c: filters, data: out };
  };
}

function maxPool(x: Tensor3, ph: number, pw: number, sh: number, sw: number): Tensor3 {
  const h = Math.floor((x.h - ph) / sh) + 1;
  const w = Math.floor((x.w - pw) / sw) + 1;
  const out = new Float32Array(h * w * x.c).fill(-Infinity);
  for (let oy = 0; oy < h; oy++) {
    for (let ox = 0; ox < w; ox++) {
      for (let py = 0; py < ph; py++) {
        for (let px = 0; px < pw; px++) {
          const i = ((oy * sh + py) * x.w + ox * sw + px) * x.c;
          const o = (oy * w + ox) * x.c;
          for (let c = 0; c < x.c; c++) out[o + c] = Math.max(out[o + c], x.data[i + c]);
        }
      }
    }
  }
  return { h, w, c: x.c, data: out };
}

/** Kernel layout [in, units]. */
function dense(kernel: Float32Array, bias: Float32Array, units: number, activate: (v: Float32Array) => void): Layer {
  return (x) => {
    const out = Float32Array.from(bias);
    for (let i = 0; i < x.data.length; i++) {
      const v = x.data[i];
      if (v === 0) continue;
      const row = i * units;
      for (let u = 0; u < units; u++) out[u] += v * kernel[row + u];
    }
    activate(out);
    return { h: 1, w: 1, c: units, data: out };
  };
}
