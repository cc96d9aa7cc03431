/** Each page's text items from an open pdf.js document (either pdf.js build: only this shape is used). */
import { isTextItem, type PdfTextItem } from './text-lines';

export interface PdfDocumentLike {
  numPages: number;
  getPage(number: number): Promise<{ getTextContent(): Promise<{ items: object[] }>; cleanup(): void }>;
}

/** Text items of every page, in page order; `onPage(done, total)` after each page. */
export async function readTextItems(document: PdfDocumentLike, onPage?: (done: number, total: number) => void): Promise<PdfTextItem[][]> {
  const pages: PdfTextItem[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.filter(isTextItem));
    page.cleanup();
    onPage?.(number, document.numPages);
  }
  return pages;
}
