// The page's words for a failed input check or file read, by the failure's code: the domain checks
// (src/summarize/validation.ts) and the PDF worker give a code, the values and an English message, and cannot
// import the language layer. Called at render time, so a language switch re-words the message on screen.
import { msg, str } from '@lit/localize';
import type { PdfFailure } from '../../pdf/worker-api';
import type { InputFailure } from '../../summarize/validation';
import { formatNumber } from '../../ui/format';
import { formatBytes } from '../../util/format-bytes';

/** A file that failed in a way no check names (the browser could not read it): `cause` is the error's own text. */
export type FileUnreadable = { ok: false; code: 'file-unreadable'; name: string; cause: string; message: string };

/** A file with no text in it, or only whitespace: opening it would only wipe the text on the page. */
export type FileEmpty = { ok: false; code: 'file-empty'; name: string; message: string };

export function fileEmpty(name: string): FileEmpty {
  return { ok: false, code: 'file-empty', name, message: `${name} has no text in it (it is empty, or only spaces and line breaks), so your text was not replaced.` };
}

/** Every failure the page can put into words. */
export type SourceFailure = InputFailure | PdfFailure | FileUnreadable | FileEmpty;

/**
 * The message for `failure` in the interface language. A failure with a code this page does not know (a newer
 * worker, or none) reads as its English `message`.
 */
export function failureMessage(failure: { code?: string; message: string }): string {
  const known = failure as SourceFailure;
  switch (known.code) {
    case 'empty':
      return msg('There is no text yet: paste or type some, or open a .txt, .md or .pdf file.', { id: 'summarize.error.empty' });
    case 'text-too-large': {
      const [size, excess, limit] = [formatBytes(known.bytes), formatBytes(known.bytes - known.limit), formatBytes(known.limit)];
      return msg(str`This text is ${size} (${excess} too much); the limit is ${limit}. Summarize a part of it.`, { id: 'summarize.error.text-too-large' });
    }
    case 'no-sentence-ends':
      return msg(
        'No sentence ends (. ! ? 。) or line breaks were found, so the text cannot be cut into sentences to choose from. Put each sentence or point on its own line, or add punctuation, and try again.',
        { id: 'summarize.error.no-sentence-ends' },
      );
    case 'single-sentence':
      return msg('This is a single sentence, so there is nothing to shorten. Add more text.', { id: 'summarize.error.single-sentence' });
    case 'not-pdf': {
      const { name } = known;
      return msg(str`${name} is named .pdf but is not a PDF file.`, { id: 'summarize.error.not-pdf' });
    }
    case 'pdf-too-large': {
      const [name, size, limit] = [known.name, formatBytes(known.bytes), formatBytes(known.limit)];
      return msg(str`${name} is ${size}; PDFs up to ${limit} can be read.`, { id: 'summarize.error.pdf-too-large' });
    }
    case 'unsupported-file': {
      const { name } = known;
      return msg(str`${name}: only .txt, .md and .pdf files can be summarized.`, { id: 'summarize.error.unsupported-file' });
    }
    case 'text-file-too-large': {
      const [name, size, limit] = [known.name, formatBytes(known.bytes), formatBytes(known.limit)];
      return msg(str`${name} is ${size}; the limit for text is ${limit}.`, { id: 'summarize.error.text-file-too-large' });
    }
    case 'binary-file': {
      const { name } = known;
      return msg(str`${name} looks like a binary file, not text (it contains NUL bytes).`, { id: 'summarize.error.binary-file' });
    }
    case 'not-utf8': {
      const [name, count] = [known.name, formatNumber(known.undecodable)];
      return msg(str`${name} is not UTF-8 text (${count} characters could not be decoded). Save it as UTF-8 and try again.`, { id: 'summarize.error.not-utf8' });
    }
    case 'pdf-password': {
      const { name } = known;
      return msg(str`${name} is password-protected. Open it in a PDF reader, copy the text and paste it here.`, { id: 'summarize.error.pdf-password' });
    }
    case 'pdf-damaged': {
      const { name } = known;
      return msg(str`${name} is damaged or not a valid PDF.`, { id: 'summarize.error.pdf-damaged' });
    }
    case 'pdf-no-text': {
      const { name } = known;
      return msg(str`${name} has no text layer (it is probably scanned pages). Run it through OCR first, or paste the text.`, { id: 'summarize.error.pdf-no-text' });
    }
    case 'file-empty': {
      const { name } = known;
      return msg(str`${name} has no text in it (it is empty, or only spaces and line breaks), so your text was not replaced.`, { id: 'summarize.error.file-empty' });
    }
    case 'pdf-unreadable':
    case 'file-unreadable': {
      const { name, cause } = known;
      return msg(str`${name} could not be read: ${cause}`, { id: 'summarize.error.unreadable' });
    }
    default:
      return failure.message;
  }
}
