// Documents as people bring them, through the page. A PDF: three pages in two columns drawn row by row, a running
// header, a "page n of 3" footer and words hyphenated at line ends, written by the test (src/pdf/testing). A
// Markdown file with YAML front matter, links, emphasis, code spans and an image.
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

const MARKDOWN = `---
title: "Migrating our API to HTTP/3"
date: 2026-10-02
tags: [networking, performance]
---

# Migrating our API to HTTP/3

We moved our public API to **HTTP/3** last month. Median latency for mobile users dropped by 18%, mostly because
connection setup is faster on _lossy_ networks. You can read the [QUIC specification](https://www.rfc-editor.org/rfc/rfc9000) for the details.
![Latency before and after](latency.png)

The migration itself was simple: we enabled \`listen 443 quic\` in our load balancer. <!-- TODO: link the config -->
Nothing else in the service had to change, and the rollout took one afternoon.

## What went wrong

- Corporate firewalls that block UDP sent about 6% of clients back to **HTTP/2**.
- Our [load tests](https://example.org/load-tests) had to be rewritten for *QUIC*.

The biggest problem was those firewalls. We recommend keeping HTTP/2 enabled as a fallback.
`;

test('a Markdown file reads as its text, without front matter or markup, and so does its summary', async ({ page, watch }, testInfo) => {
  await page.goto('/#/summarize');
  await page.getByTestId('file-input').setInputFiles({ name: 'http3.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
  const source = page.getByTestId('source-text');
  await expect(source).toHaveValue(/^# Migrating our API to HTTP\/3\n\nWe moved our public API to HTTP\/3 last month\./);
  const text = await source.inputValue();
  expect(text).toContain('You can read the QUIC specification for the details.');
  expect(text).toContain('- Our load tests had to be rewritten for QUIC.');

  await page.getByTestId('length').selectOption('long');
  await page.getByTestId('summarize').click();
  const summary = (await page.getByTestId('summary').innerText()).trim();
  await page.screenshot({ path: testInfo.outputPath('markdown-summarized.png'), fullPage: true });
  expect(summary.length).toBeGreaterThan(0);
  for (const shown of [text, summary]) {
    expect(shown).not.toMatch(/title:|date:|---|\*\*|\]\(|!\[|<!--|`|_lossy_|\*QUIC\*|https?:/);
  }
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.externalRequests).toEqual([]);
});
