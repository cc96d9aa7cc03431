import { describe, expect, it } from 'vitest';
import { catalog, dtypeBytes, dtypeOfPath, expectedHashes, filesForDtype, findModel, parseCatalog, transformersDtype, type CatalogModel } from './catalog';

const model = (over: Partial<CatalogModel> = {}): CatalogModel => ({
  id: 'org/m',
  title: 'M',
  task: 'sketch-classification',
  source: 'hub',
  dtypes: { fp32: { files: [{ path: 'onnx/model.onnx', bytes: 100, sha256: 'a'.repeat(64) }] }, int8: { files: [{ path: 'onnx/model_quantized.onnx' }] } },
  sharedFiles: [{ path: 'config.json', bytes: 10, sha256: 'b'.repeat(64) }],
  defaultDtype: 'fp32',
  ...over,
});

describe('catalog', () => {
  it('ships the bundled sketch model and the hub models with sane defaults', () => {
    expect(findModel('doodle-cnn')?.source).toBe('bundled');
    expect(findModel('Xenova/quickdraw-mobilevit-small')?.defaultDtype).toBe('fp32');
    expect(catalog.models.filter((m) => m.task === 'summarization').map((m) => m.id)).toEqual(['Xenova/distilbart-cnn-6-6', 'Xenova/t5-small']);
    expect(findModel('nope/nothing')).toBeUndefined();
  });

  it('lists the files a dtype needs, its total size only when every size is known, and known hashes', () => {
    const m = model();
    expect(filesForDtype(m, 'fp32').map((f) => f.path)).toEqual(['config.json', 'onnx/model.onnx']);
    expect(dtypeBytes(m, 'fp32')).toBe(110);
    expect(dtypeBytes(m, 'int8')).toBeUndefined();
    expect(expectedHashes(m)).toEqual({ 'config.json': 'b'.repeat(64), 'onnx/model.onnx': 'a'.repeat(64) });
  });

  it('maps file names and dtype names the way transformers.js does', () => {
    expect(dtypeOfPath('onnx/model.onnx')).toBe('fp32');
    expect(dtypeOfPath('onnx/decoder_model_merged_quantized.onnx')).toBe('int8');
    expect(dtypeOfPath('onnx/model_fp16.onnx')).toBe('fp16');
    expect(dtypeOfPath('tokenizer.json')).toBeUndefined();
    expect(transformersDtype('int8')).toBe('q8');
    expect(transformersDtype('fp16')).toBe('fp16');
  });

  it('rejects a malformed catalog with a message that names the problem', () => {
    expect(() => parseCatalog({})).toThrow('expected { "models": [...] }');
    expect(() => parseCatalog({ models: [model(), model()] })).toThrow('"org/m" is listed twice');
    expect(() => parseCatalog({ models: [model({ defaultDtype: 'fp16' })] })).toThrow('defaultDtype "fp16" is not among its dtypes');
    expect(() => parseCatalog({ models: [model({ sharedFiles: [{ path: '../x' }] })] })).toThrow('bad file path "../x"');
    expect(() => parseCatalog({ models: [model({ sharedFiles: [{ path: 'c.json', sha256: 'xyz' }] })] })).toThrow('bad sha256 for c.json');
    expect(parseCatalog({ models: [model()] }).models).toHaveLength(1);
  });
});
