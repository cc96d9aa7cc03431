// Checks on what the user gives the summarizer, each with a message that says what to do. Pure, so the page,
// the worker and the tests share one set of rules.
import { formatBytes } from '../util/format-bytes';
import { hasSentenceTerminator, splitSentences, type Sentence } from './sentences';
import { wordCount } from './tokens';

// Decimal megabytes, as formatBytes writes sizes and browsers and disks report them.
export const MAX_TEXT_BYTES = 5_000_000;
export const MAX_PDF_BYTES = 50_000_000;
export const TEXT_EXTENSIONS = ['txt', 'md', 'markdown'];
export const ACCEPTED_FILES = '.txt,.md,.markdown,.pdf,text/plain,text/markdown,application/pdf';

// An unpunctuated run this long is several sentences run together rather than one sentence.
const MIN_WORDS_FOR_SEVERAL_SENTENCES = 40;

/**
 * Why an input cannot be summarized: a code the interface translates and the values its message names (sizes and
 * limits in bytes, the file's name, a count of characters).
 */
export type InputProblem =
  | { code: 'empty' }
  | { code: 'text-too-large'; bytes: number; limit: number }
  | { code: 'no-sentence-ends' }
  | { code: 'single-sentence' }
  | { code: 'not-pdf'; name: string }
  | { code: 'pdf-too-large'; name: string; bytes: number; limit: number }
  | { code: 'unsupported-file'; name: string }
  | { code: 'text-file-too-large'; name: string; bytes: number; limit: number }
  | { code: 'binary-file'; name: string }
  | { code: 'not-utf8'; name: string; undecodable: number };

/** A failed check: the problem and its English message (the CLI, logs and any caller that does not translate). */
export type InputFailure = InputProblem & { ok: false; message: string };

export type TextCheck = { ok: true; sentences: Sentence[] } | InputFailure;

const size = (bytes: number) => formatBytes(bytes, 'en');

/** The English message for `problem`; says what to do where the user can do something. */
export function englishMessage(problem: InputProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'There is no text yet: paste or type some, or open a .txt, .md or .pdf file.';
    case 'text-too-large':
      // Just over the limit both sizes round alike, so the excess is said too.
      return `This text is ${size(problem.bytes)} (${size(problem.bytes - problem.limit)} too much); the limit is ${size(problem.limit)}. Summarize a part of it.`;
    case 'no-sentence-ends':
      return (
        'No sentence ends (. ! ? 。) or line breaks were found, so the text cannot be cut into sentences to choose from. ' +
        'Put each sentence or point on its own line, or add punctuation, and try again.'
      );
    case 'single-sentence':
      return 'This is a single sentence, so there is nothing to shorten. Add more text.';
    case 'not-pdf':
      return `${problem.name} is named .pdf but is not a PDF file.`;
    case 'pdf-too-large':
      return `${problem.name} is ${size(problem.bytes)}; PDFs up to ${size(problem.limit)} can be read.`;
    case 'unsupported-file':
      return `${problem.name}: only .txt, .md and .pdf files can be summarized.`;
    case 'text-file-too-large':
      return `${problem.name} is ${size(problem.bytes)}; the limit for text is ${size(problem.limit)}.`;
    case 'binary-file':
      return `${problem.name} looks like a binary file, not text (it contains NUL bytes).`;
    case 'not-utf8':
      return `${problem.name} is not UTF-8 text (${problem.undecodable} characters could not be decoded). Save it as UTF-8 and try again.`;
  }
}

const fail = (problem: InputProblem): InputFailure => ({ ...problem, ok: false, message: englishMessage(problem) });

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
  if (text.trim() === '') return fail({ code: 'empty' });
  const bytes = utf8Bytes(text);
  if (bytes > MAX_TEXT_BYTES) return fail({ code: 'text-too-large', bytes, limit: MAX_TEXT_BYTES });
  const sentences = splitSentences(text);
  if (sentences.length < 2) {
    const runTogether = !hasSentenceTerminator(text) && wordCount(text) >= MIN_WORDS_FOR_SEVERAL_SENTENCES;
    return fail({ code: runTogether ? 'no-sentence-ends' : 'single-sentence' });
  }
  return { ok: true, sentences };
}

export type FileKind = { ok: true; kind: 'text' | 'pdf' } | InputFailure;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const isPdfSignature = (head: Uint8Array) =>
  head.length >= 5 && head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d; // %PDF-

/** Decides how to read a file from its name, size in bytes and first bytes (the whole file for text). */
export function classifyFile(name: string, bytes: number, head: Uint8Array): FileKind {
  const extension = extensionOf(name);
  if (extension === 'pdf' || isPdfSignature(head)) {
    if (!isPdfSignature(head)) return fail({ code: 'not-pdf', name });
    if (bytes > MAX_PDF_BYTES) return fail({ code: 'pdf-too-large', name, bytes, limit: MAX_PDF_BYTES });
    return { ok: true, kind: 'pdf' };
  }
  if (!TEXT_EXTENSIONS.includes(extension)) return fail({ code: 'unsupported-file', name });
  if (bytes > MAX_TEXT_BYTES) return fail({ code: 'text-file-too-large', name, bytes, limit: MAX_TEXT_BYTES });
  return { ok: true, kind: 'text' };
}

// More than this share of undecodable characters means the file is not UTF-8 text.
const MAX_INVALID_SHARE = 0.01;

/** Decodes a text file; binary content (NUL bytes, many invalid UTF-8 sequences) gets a message instead. */
export function decodeTextFile(name: string, bytes: Uint8Array): { ok: true; text: string } | InputFailure {
  if (bytes.includes(0)) return fail({ code: 'binary-file', name });
  const text = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  for (const ch of text) if (ch === '\uFFFD') invalid++;
  if (text.length > 0 && invalid / text.length > MAX_INVALID_SHARE) return fail({ code: 'not-utf8', name, undecodable: invalid });
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}
