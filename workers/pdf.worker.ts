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
import { pdfFailure, type PdfFailure, type PdfReadOutcome, type PdfWorkerApi } from '../src/pdf/worker-api';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

function openFailure(name: string, error: unknown): PdfFailure {
  const kind = (error as { name?: string }).name;
  if (kind === 'PasswordException') return pdfFailure({ code: 'pdf-password', name });
  if (kind === 'InvalidPDFException') return pdfFailure({ code: 'pdf-damaged', name });
  return pdfFailure({ code: 'pdf-unreadable', name, cause: (error as Error).message });
}

const api: PdfWorkerApi = {
  async read(name, data, onPage): Promise<PdfReadOutcome> {
    let document;
    try {
      document = await getDocument({ data, isEvalSupported: false }).promise;
    } catch (error) {
      return openFailure(name, error);
    }
    try {
      const pages = await readTextItems(document, onPage);
      const text = pdfPagesToText(pages);
      if (text.trim() === '') {
        return pdfFailure({ code: 'pdf-no-text', name });
      }
      return { ok: true, text };
    } finally {
      await document.destroy();
    }
  },
};
Comlink.expose(api);
