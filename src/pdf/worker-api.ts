/** Protocol of `workers/pdf.worker.ts`: a PDF's text as a reader reads it, parsed and laid out off the main thread. */

/** Why a PDF gives no text: a code the interface translates, the file's name and, for other errors, pdf.js's cause. */
export type PdfProblem =
  | { code: 'pdf-password'; name: string }
  | { code: 'pdf-damaged'; name: string }
  | { code: 'pdf-no-text'; name: string }
  | { code: 'pdf-unreadable'; name: string; cause: string };

/** A PDF that gave no text: the problem and its English message. */
export type PdfFailure = PdfProblem & { ok: false; message: string };

export type PdfReadOutcome = { ok: true; text: string } | PdfFailure;

/** The failure for `problem`, its English message saying what to do where the user can do something. */
export function pdfFailure(problem: PdfProblem): PdfFailure {
  return { ...problem, ok: false, message: englishMessage(problem) };
}

function englishMessage(problem: PdfProblem): string {
  switch (problem.code) {
    case 'pdf-password':
      return `${problem.name} is password-protected. Open it in a PDF reader, copy the text and paste it here.`;
    case 'pdf-damaged':
      return `${problem.name} is damaged or not a valid PDF.`;
    case 'pdf-no-text':
      return `${problem.name} has no text layer (it is probably scanned pages). Run it through OCR first, or paste the text.`;
    case 'pdf-unreadable':
      return `${problem.name} could not be read: ${problem.cause}`;
  }
}

export interface PdfWorkerApi {
  /**
   * The text of the PDF in `data` (paragraphs separated by blank lines; see `pdfPagesToText`), or the failure
   * naming `name` (damaged, password-protected, no text layer, another pdf.js error). `onPage(done, total)` follows the pages.
   */
  read(name: string, data: Uint8Array, onPage: (done: number, total: number) => void): Promise<PdfReadOutcome>;
}
