import { describe, expect, it } from 'vitest';
import { checkText, classifyFile, decodeTextFile, MAX_PDF_BYTES, MAX_TEXT_BYTES, utf8Bytes } from './validation';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkText', () => {
  it('asks for text when there is none', () => {
    for (const t of ['', '   \n\t']) {
      const r = checkText(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/no text yet/);
    }
  });

  it('explains that a single sentence cannot be shortened', () => {
    const r = checkText('Just one sentence here.');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/single sentence/);
  });

  it('accepts Japanese, Chinese and unpunctuated transcripts that have several units', () => {
    for (const text of [
      '東京は晴れです。大阪は雨でした。名古屋は曇りでした。',
      '今天天气很好。我们去公园散步吧！',
      'ok so the release is friday\nwe still need the migration tested\nanna can take that',
    ]) {
      expect(checkText(text)).toMatchObject({ ok: true });
    }
  });

  it('falls back to lines, or to the sentence marks of the script, in scripts without other rules', () => {
    expect(checkText('ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾ ᚠᚢᚦ\nᛁᛃᛇᛈ ᛉᛊᛏ ᚠᚢᚦ\nᚷᚹᚺᚾ ᛁᛃᛇᛈ')).toMatchObject({ ok: true, sentences: { length: 3 } });
    expect(checkText('བོད་ཀྱི་སྐད་ཡིག་ཡིན། ད་ལྟ་མི་མང་པོས་བེད་སྤྱོད་བྱེད། ')).toMatchObject({ ok: true, sentences: { length: 2 } });
  });

  it('says why a long run without sentence ends or line breaks cannot be summarized', () => {
    const run = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const r = checkText(run);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/No sentence ends .* or line breaks were found/);
  });

  it('names the size limit for text over 5 MB', () => {
    const r = checkText('A sentence. '.repeat(Math.ceil(MAX_TEXT_BYTES / 12) + 10));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/limit is 5\.0 MB/);
  });

  it('says by how much a text just over the limit is too large', () => {
    const r = checkText('x'.repeat(MAX_TEXT_BYTES + 10));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/\(10 B too much\); the limit is 5\.0 MB/);
  });

  it('accepts two sentences and returns them', () => {
    const r = checkText('One. Two.');
    expect(r.ok && r.sentences.length).toBe(2);
  });

  it('counts UTF-8 bytes like TextEncoder', () => {
    const s = 'aé€😀';
    expect(utf8Bytes(s)).toBe(bytes(s).length);
  });
});

describe('files', () => {
  it('accepts .txt, .md and real PDFs', () => {
    expect(classifyFile('notes.txt', 10, bytes('hello'))).toEqual({ ok: true, kind: 'text' });
    expect(classifyFile('README.MD', 10, bytes('# hi'))).toEqual({ ok: true, kind: 'text' });
    expect(classifyFile('paper.pdf', 10, bytes('%PDF-1.7'))).toEqual({ ok: true, kind: 'pdf' });
  });

  it('refuses other types, fake PDFs and oversized text', () => {
    expect(classifyFile('photo.png', 10, new Uint8Array([0x89, 0x50]))).toMatchObject({ ok: false, message: expect.stringMatching(/only \.txt, \.md and \.pdf/) });
    expect(classifyFile('fake.pdf', 10, bytes('hello'))).toMatchObject({ ok: false, message: expect.stringMatching(/not a PDF/) });
    expect(classifyFile('big.txt', MAX_TEXT_BYTES + 1, bytes('a'))).toMatchObject({ ok: false, message: expect.stringMatching(/limit/) });
  });

  it('detects binary content in a .txt', () => {
    expect(decodeTextFile('x.txt', new Uint8Array([72, 105, 0, 1]))).toMatchObject({ ok: false, message: expect.stringMatching(/binary/) });
    const latin1 = new Uint8Array(200).fill(0xe9); // "é" in Latin-1: invalid as UTF-8
    expect(decodeTextFile('x.txt', latin1)).toMatchObject({ ok: false, message: expect.stringMatching(/not UTF-8/) });
  });

  it('decodes UTF-8 text and drops a byte-order mark', () => {
    expect(decodeTextFile('x.txt', bytes('\uFEFFCafé. Olé.'))).toEqual({ ok: true, text: 'Café. Olé.' });
  });

  it('gives each refusal a code and the values its message names, for the interface to word', () => {
    expect(checkText('')).toMatchObject({ ok: false, code: 'empty' });
    expect(checkText('x'.repeat(MAX_TEXT_BYTES + 10))).toMatchObject({ code: 'text-too-large', bytes: MAX_TEXT_BYTES + 10, limit: MAX_TEXT_BYTES });
    expect(checkText('Just one sentence here.')).toMatchObject({ code: 'single-sentence' });
    expect(classifyFile('fake.pdf', 10, bytes('hello'))).toMatchObject({ code: 'not-pdf', name: 'fake.pdf' });
    expect(classifyFile('atlas.pdf', MAX_PDF_BYTES + 1, bytes('%PDF-1.7'))).toMatchObject({ code: 'pdf-too-large', name: 'atlas.pdf', bytes: MAX_PDF_BYTES + 1, limit: MAX_PDF_BYTES });
    expect(classifyFile('photo.png', 10, bytes('x'))).toMatchObject({ code: 'unsupported-file', name: 'photo.png' });
    expect(classifyFile('big.txt', MAX_TEXT_BYTES + 1, bytes('a'))).toMatchObject({ code: 'text-file-too-large', name: 'big.txt', bytes: MAX_TEXT_BYTES + 1 });
    expect(decodeTextFile('x.txt', new Uint8Array([72, 0]))).toMatchObject({ code: 'binary-file', name: 'x.txt' });
    expect(decodeTextFile('l1.txt', new Uint8Array([0x61, 0xe9, 0x61, 0xe9]))).toMatchObject({ code: 'not-utf8', name: 'l1.txt', undecodable: 2 });
  });
});
