// The page's handle on workers/pdf.worker.ts: one worker per file, ended when the file is read (pdf.js keeps
// large caches that a long-lived worker would hold on to).
import * as Comlink from 'comlink';
import { pdfFailure, type PdfFailure, type PdfWorkerApi } from '../../pdf/worker-api';

/** A PDF that cannot give text; `failure` has the code the page translates and the English message. */
export class PdfTextError extends Error {
  override name = 'PdfTextError';

  constructor(readonly failure: PdfFailure) {
    super(failure.message);
  }
}

/**
 * The text of a PDF as a reader reads it (columns in order, no running headers/footers or page numbers, paragraphs
 * separated by blank lines). Throws `PdfTextError`; `data` is transferred (emptied).
 */
export async function pdfText(name: string, data: Uint8Array, onPage?: (done: number, total: number) => void): Promise<string> {
  const worker = new Worker(new URL('../../../workers/pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf' });
  try {
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => reject(new PdfTextError(pdfFailure({ code: 'pdf-unreadable', name, cause: event.message || 'the PDF reader stopped' }))));
    });
    const api = Comlink.wrap<PdfWorkerApi>(worker);
    const outcome = await Promise.race([api.read(name, Comlink.transfer(data, [data.buffer]), Comlink.proxy(onPage ?? (() => {}))), crashed]);
    if (!outcome.ok) throw new PdfTextError(outcome);
    return outcome.text;
  } finally {
    worker.terminate();
  }
}
