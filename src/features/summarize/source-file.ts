// A picked or dropped file as the text to summarize: checked by name, size and first bytes, then decoded (.txt,
// .md, whose Markdown is reduced to the text a reader reads) or read by the PDF worker, page by page.
import { msg, str } from '@lit/localize';
import { isMarkdownName, markdownText } from '../../documents/markdown-text';
import { classifyFile, decodeTextFile } from '../../summarize/validation';
import type { SourceFailure } from './check-messages';
import type { PdfTextError } from './pdf-text';

export type SourceFileOutcome = { ok: true; text: string } | SourceFailure;

/**
 * The text of `file`, or the failure saying why there is none (put into words by `failureMessage`). `onReading`
 * gets a status line once the file passed its checks and is being read, and again for every PDF page read. Never
 * throws.
 */
export async function readSourceFile(file: File, onReading: (status: string) => void): Promise<SourceFileOutcome> {
  const name = file.name;
  try {
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const kind = classifyFile(name, file.size, head);
    if (!kind.ok) return kind;
    onReading(msg(str`Reading ${name}…`, { id: 'summarize.file.reading' }));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (kind.kind === 'text') {
      const decoded = decodeTextFile(name, bytes);
      return decoded.ok && isMarkdownName(name) ? { ok: true, text: markdownText(decoded.text) } : decoded;
    }
    const { pdfText } = await import('./pdf-text');
    const text = await pdfText(name, bytes, (done, total) => onReading(msg(str`Reading ${name}: page ${done} of ${total}…`, { id: 'summarize.file.reading-page' })));
    return { ok: true, text };
  } catch (error) {
    // By name: a static import of the class would load the PDF client with the page.
    if ((error as Error).name === 'PdfTextError') return (error as PdfTextError).failure;
    const cause = (error as Error).message;
    return { ok: false, code: 'file-unreadable', name, cause, message: `${name} could not be read: ${cause}` };
  }
}
