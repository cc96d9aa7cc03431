import { describe, expect, it } from 'vitest';
import { pdfFailure, type PdfFailure, type PdfProblem } from '../../pdf/worker-api';
import { checkText, classifyFile, decodeTextFile, MAX_PDF_BYTES, MAX_TEXT_BYTES, type InputFailure, type InputProblem } from '../../summarize/validation';
import { formatBytes } from '../../util/format-bytes';
import { failureMessage, fileEmpty, type FileEmpty, type FileUnreadable } from './check-messages';
import { inJapanese } from '../../i18n/testing/in-japanese';

const bytes = (s: string) => new TextEncoder().encode(s);
const PDF_HEAD = bytes('%PDF-1.7');

/** Each failure the checks can give, made to happen by the input that causes it (the Record keeps the list complete). */
const CAUSES: Record<InputProblem['code'], () => { ok: boolean }> = {
  empty: () => checkText(' \n\t'),
  'text-too-large': () => checkText('A short sentence. '.repeat(Math.ceil(MAX_TEXT_BYTES / 18) + 1)),
  'no-sentence-ends': () => checkText(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')),
  'single-sentence': () => checkText('Only one sentence here.'),
  'not-pdf': () => classifyFile('scan.pdf', 10, bytes('hello')),
  'pdf-too-large': () => classifyFile('atlas.pdf', MAX_PDF_BYTES + 1, PDF_HEAD),
  'unsupported-file': () => classifyFile('photo.png', 10, new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
  'text-file-too-large': () => classifyFile('huge.txt', MAX_TEXT_BYTES + 1, bytes('a')),
  'binary-file': () => decodeTextFile('data.txt', new Uint8Array([72, 101, 0, 1, 2, 3])),
  'not-utf8': () => decodeTextFile('latin1.txt', new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0xe9 : 0x61)))),
};

const PDF_PROBLEMS: Record<PdfProblem['code'], PdfProblem> = {
  'pdf-password': { code: 'pdf-password', name: 'locked.pdf' },
  'pdf-damaged': { code: 'pdf-damaged', name: 'broken.pdf' },
  'pdf-no-text': { code: 'pdf-no-text', name: 'scan.pdf' },
  'pdf-unreadable': { code: 'pdf-unreadable', name: 'odd.pdf', cause: 'Bad XRef entry' },
};

const UNREADABLE: FileUnreadable = { ok: false, code: 'file-unreadable', name: 'notes.txt', cause: 'NotReadableError', message: 'notes.txt could not be read: NotReadableError' };

function inputFailures(): InputFailure[] {
  return Object.entries(CAUSES).map(([code, cause]) => {
    const outcome = cause();
    expect(outcome, `the input for ${code}`).toMatchObject({ ok: false, code });
    return outcome as InputFailure;
  });
}

const allFailures = (): (InputFailure | PdfFailure | FileUnreadable | FileEmpty)[] => [...inputFailures(), ...Object.values(PDF_PROBLEMS).map(pdfFailure), UNREADABLE, fileEmpty('empty.txt')];

/** What the Japanese may keep in Latin letters besides the file name and a worker's cause: file kinds, units, formats. */
const LATIN_ALLOWED = new Set(['txt', 'md', 'pdf', 'PDF', 'UTF', 'OCR', 'B', 'kB', 'MB']);

function latinWords(text: string, failure: object): string[] {
  const { name, cause } = failure as { name?: string; cause?: string };
  let rest = text;
  for (const value of [name, cause]) if (value) rest = rest.split(value).join(' ');
  return (rest.match(/[A-Za-z]+/g) ?? []).filter((word) => !LATIN_ALLOWED.has(word));
}

describe('failure messages on the summarize page', () => {
  it('read in English exactly as the checks and the PDF worker word them (the CLI and the page agree)', () => {
    for (const failure of allFailures()) expect(failureMessage(failure), failure.code).toBe(failure.message);
  });

  it('read in Japanese for every code, without English words other than the file name and formats', async () => {
    const failures = allFailures();
    await inJapanese(() => {
      for (const failure of failures) {
        const text = failureMessage(failure);
        expect(text, failure.code).not.toBe(failure.message);
        expect(text, failure.code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(latinWords(text, failure), `${failure.code}: ${text}`).toEqual([]);
        if ('name' in failure) expect(text, failure.code).toContain(failure.name);
      }
    });
  });

  it('give sizes in the interface format and name the excess over the limit', async () => {
    const failure = CAUSES['text-too-large']() as Extract<InputFailure, { code: 'text-too-large' }>;
    expect(failureMessage(failure)).toContain(`the limit is ${formatBytes(MAX_TEXT_BYTES, 'en')}`);
    await inJapanese(() => {
      const text = failureMessage(failure);
      for (const size of [failure.bytes, failure.bytes - failure.limit, failure.limit]) expect(text).toContain(formatBytes(size));
    });
  });

  it('fall back to the English message for a code the page does not know, or none', async () => {
    await inJapanese(() => {
      expect(failureMessage({ code: 'pdf-encrypted-v9', message: 'new.pdf uses an unknown cipher.' })).toBe('new.pdf uses an unknown cipher.');
      expect(failureMessage({ message: 'Something else.' })).toBe('Something else.');
    });
  });
});
