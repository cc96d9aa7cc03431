/**
 * PDF → text off the main thread: pdf.js parses the file and gives each page's text items, `pdfPagesToText` puts
 * them in reading order (columns, no running headers/footers or page numbers, paragraphs). pdf.js's own worker code
 * runs in this thread (its `pdfjsWorker` global), so one worker does the whole job and ends with it.
 */
import * as Comlink from 'comlink';
import { getDocument } from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.min.mjs';
import { pdfPagesToText } from '../src/pdf';
import { readTextItems } from '../src/pdf/read-items';
import type { PdfReadOutcome, PdfWorkerApi } from '../src/pdf/worker-api';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

function openFailure(name: string, error: unknown): string {
  const kind = (error as { name?: string }).name;
  if (kind === 'PasswordException') return `${name} is password-protected. Open it in a PDF reader, copy the text and paste it here.`;
  if (kind === 'InvalidPDFException') return `${name} is damaged or not a valid PDF.`;
  return `${name} could not be read: ${(error as Error).message}`;
}

const api: PdfWorkerApi = {
  async read(name, data, onPage): Promise<PdfReadOutcome> {
    let document;
    try {
      document = await getDocument({ data, isEvalSupported: false }).promise;
    } catch (error) {
      return { ok: false, message: openFailure(name, error) };
    }
    try {
      const pages = await readTextItems(document, onPage);
      const text = pdfPagesToText(pages);
      if (text.trim() === '') {
        return { ok: false, message: `${name} has no text layer (it is probably scanned pages). Run it through OCR first, or paste the text.` };
      }
      return { ok: true, text };
    } finally {
      await document.destroy();
    }
  },
};
Comlink.expose(api);
