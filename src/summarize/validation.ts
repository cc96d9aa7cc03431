// Checks on what the user gives the summarizer, each with a message that says what to do. Pure, so the page,
// the worker and the tests share one set of rules.
import { hasSentenceTerminator, splitSentences, type Sentence } from './sentences';
import { wordCount } from './tokens';

export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
export const TEXT_EXTENSIONS = ['txt', 'md', 'markdown'];
export const ACCEPTED_FILES = '.txt,.md,.markdown,.pdf,text/plain,text/markdown,application/pdf';

// An unpunctuated run this long is several sentences run together rather than one sentence.
const MIN_WORDS_FOR_SEVERAL_SENTENCES = 40;

export type TextCheck = { ok: true; sentences: Sentence[] } | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
// Just over the limit both sizes round to the same megabytes, so the excess is said in kB.
const overLimit = (bytes: number, limit: number) => `${Math.ceil((bytes - limit) / 1024)} kB too much`;

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function checkText(text: string): TextCheck {
  if (text.trim() === '') return { ok: false, message: 'There is no text yet: paste or type some, or open a .txt, .md or .pdf file.' };
  const bytes = utf8Bytes(text);
  if (bytes > MAX_TEXT_BYTES) {
    return { ok: false, message: `This text is ${megabytes(bytes)} (${overLimit(bytes, MAX_TEXT_BYTES)}); the limit is ${megabytes(MAX_TEXT_BYTES)}. Summarize a part of it.` };
  }
  const sentences = splitSentences(text);
  if (sentences.length < 2) {
    if (!hasSentenceTerminator(text) && wordCount(text) >= MIN_WORDS_FOR_SEVERAL_SENTENCES) {
      return {
        ok: false,
        message:
          'No sentence ends (. ! ? 。) or line breaks were found, so the text cannot be cut into sentences to choose from. ' +
          'Put each sentence or point on its own line, or add punctuation, and try again.',
      };
    }
    return { ok: false, message: 'This is a single sentence, so there is nothing to shorten. Add more text.' };
  }
  return { ok: true, sentences };
}

export type FileKind = { ok: true; kind: 'text' | 'pdf' } | { ok: false; message: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const isPdfSignature = (head: Uint8Array) =>
  head.length >= 5 && head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d; // %PDF-

/** Decides how to read a file from its name, size and first bytes (the whole file for text). */
export function classifyFile(name: string, size: number, head: Uint8Array): FileKind {
  const extension = extensionOf(name);
  if (extension === 'pdf' || isPdfSignature(head)) {
    if (!isPdfSignature(head)) return { ok: false, message: `${name} is named .pdf but is not a PDF file.` };
    if (size > MAX_PDF_BYTES) return { ok: false, message: `${name} is ${megabytes(size)}; PDFs up to ${megabytes(MAX_PDF_BYTES)} can be read.` };
    return { ok: true, kind: 'pdf' };
  }
  if (!TEXT_EXTENSIONS.includes(extension)) {
    return { ok: false, message: `${name}: only .txt, .md and .pdf files can be summarized.` };
  }
  if (size > MAX_TEXT_BYTES) return { ok: false, message: `${name} is ${megabytes(size)}; the limit for text is ${megabytes(MAX_TEXT_BYTES)}.` };
  return { ok: true, kind: 'text' };
}

// More than this share of undecodable characters means the file is not UTF-8 text.
const MAX_INVALID_SHARE = 0.01;

/** Decodes a text file; binary content (NUL bytes, many invalid UTF-8 sequences) gets a message instead. */
export function decodeTextFile(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.includes(0)) return { ok: false, message: `${name} looks like a binary file, not text (it contains NUL bytes).` };
  const text = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  for (const ch of text) if (ch === '\uFFFD') invalid++;
  if (text.length > 0 && invalid / text.length > MAX_INVALID_SHARE) {
    return { ok: false, message: `${name} is not UTF-8 text (${invalid} characters could not be decoded). Save it as UTF-8 and try again.` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}
