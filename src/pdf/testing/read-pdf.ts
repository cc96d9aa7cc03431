/** pdf.js text items of every page of a PDF, in Node (pdfjs-dist's legacy build), for tests of the layout. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readTextItems } from '../read-items';
import type { PdfTextItem } from '../text-lines';

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function readPdfItems(bytes: Uint8Array): Promise<PdfTextItem[][]> {
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl, verbosity: 0 }).promise;
  try {
    return await readTextItems(document);
  } finally {
    await document.destroy();
  }
}
