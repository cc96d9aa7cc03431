import { describe, expect, it } from 'vitest';
import type { CachedFileMeta } from '../../runtime/cache';
import type { Catalog } from '../../runtime/catalog';
import { buildModelRows, localNamesakes, zeroInputs } from './model-rows';

const catalog: Catalog = {
  models: [
    {
      id: 'sketch',
      title: 'Sketch',
      task: 'sketch-classification',
      source: 'bundled',
      dtypes: { fp32: { files: [{ path: 'onnx/model.onnx' }] }, int8: { files: [{ path: 'onnx/model_quantized.onnx' }] } },
      sharedFiles: [{ path: 'config.json' }],
      defaultDtype: 'fp32',
    },
  ],
};
const file = (modelId: string, path: string, bytes: number): CachedFileMeta => ({ url: `u/${modelId}/${path}`, modelId, path, bytes, sha256: '', stored: 1, lastUsed: 2 });

describe('buildModelRows', () => {
  it('groups cached files by model and dtype, catalogued models first', () => {
    const rows = buildModelRows(catalog, [
      file('zzz/other', 'onnx/model.onnx', 5),
      file('sketch', 'onnx/model_quantized.onnx', 30),
      file('sketch', 'config.json', 1),
      file('sketch', 'onnx/model.onnx', 100),
    ]);
    expect(rows.map((r) => r.modelId)).toEqual(['sketch', 'zzz/other']);
    const [sketch, other] = rows;
    expect(sketch!.groups.map((g) => [g.dtype, g.bytes])).toEqual([['shared', 1], ['fp32', 100], ['int8', 30]]);
    expect(sketch!.cachedBytes).toBe(131);
    expect(sketch!.completeDtypes).toEqual(['fp32', 'int8']);
    expect(other!.model).toBeUndefined();
    expect(other!.title).toBe('zzz/other');
  });

  it('lists a catalogued model with nothing cached, and knows a dtype is incomplete without its shared files', () => {
    expect(buildModelRows(catalog, [])[0]).toMatchObject({ modelId: 'sketch', groups: [], cachedBytes: 0, completeDtypes: [] });
    expect(buildModelRows(catalog, [file('sketch', 'onnx/model.onnx', 1)])[0]!.completeDtypes).toEqual([]);
  });
});

describe('offline status', () => {
  it('a dtype is available offline when every file of it is cached, or precached for a bundled model', () => {
    const cached = [file('sketch', 'config.json', 1), file('sketch', 'onnx/model_quantized.onnx', 30)];
    expect(buildModelRows(catalog, cached)[0]).toMatchObject({ completeDtypes: ['int8'], precachedDtypes: [], offlineDtypes: ['int8'] });
    const precached = new Set(['sketch/config.json', 'sketch/onnx/model.onnx', 'other/onnx/model_quantized.onnx']);
    expect(buildModelRows(catalog, cached, precached)[0]).toMatchObject({ precachedDtypes: ['fp32'], offlineDtypes: ['fp32', 'int8'] });
    expect(buildModelRows(catalog, [], precached)[0]).toMatchObject({ offlineDtypes: ['fp32'] });
  });

  it('a hub model is never counted as precached, and a missing shared file makes a dtype unavailable', () => {
    const hub: Catalog = { models: [{ ...catalog.models[0]!, id: 'org/hub', source: 'hub' }] };
    expect(buildModelRows(hub, [], new Set(['org/hub/config.json', 'org/hub/onnx/model.onnx']))[0]!.offlineDtypes).toEqual([]);
    expect(buildModelRows(hub, [file('org/hub', 'onnx/model.onnx', 1)])[0]!.offlineDtypes).toEqual([]);
  });
});

describe('localNamesakes', () => {
  it('finds the other folders from disk of the same name, never the model itself nor a hub model of that title', () => {
    const models = [
      { id: 'local/model', title: '日本語モデル', source: 'local' as const },
      { id: 'local/model-2', title: '日本語モデル', source: 'local' as const },
      { id: 'local/other', title: 'other', source: 'local' as const },
      { id: 'org/model', title: '日本語モデル', source: 'hub' as const },
    ];
    expect(localNamesakes(models, '日本語モデル', 'local/model-2')).toEqual(['local/model']);
    expect(localNamesakes(models, 'other', 'local/other')).toEqual([]);
  });
});

describe('zeroInputs', () => {
  it('makes zero tensors, free dimensions set to 1, only for float32 inputs', () => {
    const inputs = zeroInputs([{ name: 'input', type: 'float32', dims: ['batch', 1, 28, 28] }]);
    expect(inputs!.input!.dims).toEqual([1, 1, 28, 28]);
    expect(inputs!.input!.data).toHaveLength(784);
    expect(zeroInputs([{ name: 'input_ids', type: 'int64', dims: [1, 8] }])).toBeUndefined();
    expect(zeroInputs([])).toBeUndefined();
  });
});
