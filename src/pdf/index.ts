/**
 * PDF text as a reader reads it: pdf.js text items per page → lines in reading order (columns from positions),
 * without running headers, footers and page numbers, joined into paragraphs. Pure (no DOM, no pdf.js): the PDF
 * worker feeds it pdf.js output; tests feed it pdf.js output in Node.
 */
import { removeFurniture } from './furniture';
import { linesToText } from './paragraphs';
import { orderLines } from './reading-order';
import { buildLines, type PdfTextItem } from './text-lines';

export type { PdfTextItem, TextLine } from './text-lines';
export { isPageNumber } from './furniture';

/** The document's text from each page's pdf.js text items: paragraphs separated by a blank line. */
export function pdfPagesToText(pages: readonly (readonly PdfTextItem[])[]): string {
  return linesToText(removeFurniture(pages.map(buildLines)).map(orderLines));
}
