import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, onnx, toNumber } from './proto';
import { QuantizeError } from './errors';
import { readFloatTensor, tensorDims } from './tensor';
import { buildSmallCnn } from './testing/model-builder';
import { inspectModel } from './testing/inspect';

describe('ONNX protobuf', () => {
  it('round-trips a model: parse → serialize → parse gives the same model', () => {
    const bytes = buildSmallCnn();
    const first = decodeModel(bytes);
    expect(encodeModel(first)).toEqual(bytes);
    const second = decodeModel(encodeModel(first));
    expect(onnx.ModelProto.toObject(second, { longs: Number })).toEqual(onnx.ModelProto.toObject(first, { longs: Number }));
    expect(inspectModel(encodeModel(second)).graph.node.map((node) => node.opType)).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'Relu', 'MaxPool', 'Flatten', 'Gemm']);
  });

  it('reads int64 dims whether protobufjs returns Long objects or numbers', () => {
    const model = decodeModel(buildSmallCnn());
    expect(tensorDims(model.graph?.initializer?.[0] ?? {})).toEqual([8, 1, 3, 3]);
    expect(toNumber(7)).toBe(7);
    expect(toNumber({ toNumber: () => 9 })).toBe(9);
  });

  it('reads float weights stored as raw_data and as float_data alike', () => {
    const values = [1.5, -2.25, 3e-8, 0];
    const raw = new Uint8Array(new Float32Array(values).buffer);
    expect(Array.from(readFloatTensor({ name: 'raw', dims: [4], dataType: 1, rawData: raw }))).toEqual(Array.from(Float32Array.from(values)));
    expect(Array.from(readFloatTensor({ name: 'list', dims: [2, 2], dataType: 1, floatData: values }))).toEqual(Array.from(Float32Array.from(values)));
  });

  it('refuses bytes that are not an ONNX model with a clear message', () => {
    const notModels = [new TextEncoder().encode('{"hello": "this is JSON"}'), new Uint8Array(0), Uint8Array.of(0xff, 0xff, 0xff)];
    for (const bytes of notModels) {
      expect(() => decodeModel(bytes)).toThrowError(QuantizeError);
      expect(() => decodeModel(bytes)).toThrowError(/This file is not an ONNX model/);
    }
  });
});
