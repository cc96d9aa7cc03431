/** Protocol of `workers/pdf.worker.ts`: a PDF's text as a reader reads it, parsed and laid out off the main thread. */

export type PdfReadOutcome = { ok: true; text: string } | { ok: false; message: string };

export interface PdfWorkerApi {
  /**
   * The text of the PDF in `data` (paragraphs separated by blank lines; see `pdfPagesToText`), or a message for
   * the user naming `name` (damaged, password-protected, no text layer). `onPage(done, total)` follows the pages.
   */
  read(name: string, data: Uint8Array, onPage: (done: number, total: number) => void): Promise<PdfReadOutcome>;
}
