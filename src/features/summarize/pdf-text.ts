// Text of a PDF via pdfjs-dist. Parsing runs in pdf.js's own worker; only the page-by-page text is joined here.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

/** A PDF that cannot give text, with a message for the user. */
export class PdfTextError extends Error {
  override name = 'PdfTextError';
}

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

export function joinTextItems(items: readonly TextPiece[]): string {
  return items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('');
}

export async function pdfText(name: string, data: Uint8Array, onPage?: (done: number, total: number) => void): Promise<string> {
  const task = getDocument({ data, isEvalSupported: false });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new PdfTextError(`${name} is password-protected. Open it in a PDF reader, copy the text and paste it here.`);
    }
    if (kind === 'InvalidPDFException') throw new PdfTextError(`${name} is damaged or not a valid PDF.`);
    throw new PdfTextError(`${name} could not be read: ${(error as Error).message}`);
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(joinTextItems(content.items as TextPiece[]));
      page.cleanup();
      onPage?.(number, document.numPages);
    }
    const text = pages.join('\n\n');
    if (text.trim() === '') {
      throw new PdfTextError(`${name} has no text layer (it is probably scanned pages). Run it through OCR first, or paste the text.`);
    }
    return text;
  } finally {
    await document.destroy();
  }
}
