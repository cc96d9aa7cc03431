// A PDF as people bring them, through the page: three pages in two columns drawn row by row, a running header,
// a "page n of 3" footer and words hyphenated at line ends. The PDF is written by the test (src/pdf/testing).
import { expect, test } from './helpers';
import { writePdf } from '../src/pdf/testing/pdf-writer';
import { randomDocument, RUNNING_HEADER } from '../src/pdf/testing/random-document';

test('a three-page, two-column PDF with a header and footer reads as its paragraphs, and so does its summary', async ({ page, watch }, testInfo) => {
  const document = randomDocument(7, { columns: 2, pages: 3, order: 'rows', pageNumberForm: 'page-of' });
  expect(document.pages).toHaveLength(3);
  expect(document.hyphenated.length).toBeGreaterThan(3);

  await page.goto('/#/summarize');
  await page.getByTestId('file-input').setInputFiles({ name: 'layouts.pdf', mimeType: 'application/pdf', buffer: Buffer.from(writePdf(document.pages)) });
  const source = page.getByTestId('source-text');
  await expect(source).toHaveValue(document.expected);
  // For a person to look at: the page after opening the PDF, and after summarizing (test output folder).
  await page.screenshot({ path: testInfo.outputPath('opened.png') });

  await page.getByTestId('length').selectOption('long');
  await page.getByTestId('summarize').click();
  const summary = (await page.getByTestId('summary').innerText()).trim();
  await page.screenshot({ path: testInfo.outputPath('summarized.png'), fullPage: true });
  expect(summary.length).toBeGreaterThan(0);
  expect(summary).not.toContain(RUNNING_HEADER.slice(0, 20));
  expect(summary).not.toMatch(/page \d of 3/);
  // No broken word: every hyphenated line end ("sum- / marization") reads whole, and every sentence of the summary
  // is a sentence of the source paragraphs (the title, a unit without a full stop, may lead the summary).
  expect(summary).not.toMatch(/\p{L}- \p{Ll}/u);
  const [title, ...paragraphs] = document.expected.split('\n\n');
  const sourceSentences = new Set(paragraphs.flatMap((paragraph) => paragraph.split(/(?<=\.) /)));
  for (const sentence of summary.replace(title!, '').trim().split(/(?<=\.)\s+/)) expect(sourceSentences).toContain(sentence);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.externalRequests).toEqual([]);
});
