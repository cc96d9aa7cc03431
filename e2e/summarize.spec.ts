import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSidewaysOverflow, test } from './helpers';
import { pdfWithPassword, pdfWithText, pdfWithoutText } from './fixtures/pdf-files';

const ARTICLE = [
  'The city council approved a new budget for public libraries on Monday after a long debate.',
  'The budget adds two million dollars for library books, computers and longer opening hours.',
  'Council members said the libraries had been underfunded for more than a decade.',
  'Library staff welcomed the budget and said the longer opening hours would help students.',
  'The new hours start next month at every library in the city, including the central branch.',
  'Some residents asked whether the money would be better spent on road repairs.',
  'The mayor said roads would get their own budget later in the year.',
  'A local bakery near the central library sold out of bread early on Monday.',
].join(' ');

// SHOTS_DIR=<dir> saves the pages these tests look at (390 and 1280 px, English and Japanese).
const shots = process.env.SHOTS_DIR;

/** A 300-character link in the text: one run with no place to break. */
const LONG_URL = `https://example.com/reports/${'x'.repeat(300 - 'https://example.com/reports/'.length)}`;
const URL_TEXT = `The council voted 7-2 to build the seawall on Monday. The full report is at ${LONG_URL} for anyone who wants it. Work starts in the spring.`;

/** Lines the text of `element` takes on screen (its line boxes). */
function lineCount(element: Locator): Promise<number> {
  return element.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

/** At 390 × 844 the page, the result card and the source card fit the screen, and Copy stays inside its card. */
async function expectFitsPhone(page: Page, name: string): Promise<void> {
  const result = page.locator('mlwb-summary-result section');
  const input = page.locator('mlwb-source-input section');
  for (const [card, what] of [[result, 'result'], [input, 'source input']] as const) {
    await expectNoSidewaysOverflow(page, card, `${name}, the page and the ${what} card`);
  }
  const copy = (await page.getByTestId('copy').boundingBox())!;
  const card = (await result.boundingBox())!;
  expect(copy.x + copy.width, `${name}: Copy outside its card`).toBeLessThanOrEqual(card.x + card.width);
}

test.describe('summarize page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/#/summarize');
    await expect(page.getByRole('heading', { name: 'Summarize', level: 1 })).toBeVisible();
  });

  test('summarizes pasted text offline, highlights the chosen sentences and shows the facts', async ({ page, watch }) => {
    await page.getByTestId('source-text').fill(ARTICLE);
    await expect(page.getByTestId('counts')).toContainText('words');
    await page.getByTestId('summarize').click();
    const summary = page.getByTestId('summary');
    await expect(summary).toContainText('budget');
    const marks = page.getByTestId('source-view').locator('mark');
    expect(await marks.count()).toBeGreaterThan(0);
    // Every highlighted sentence is in the summary, in document order.
    const highlighted = await marks.allInnerTexts();
    expect(highlighted.join(' ')).toBe(await summary.innerText());
    await expect(page.getByTestId('compression')).toContainText(/of \d+ words/);
    await expect(page.getByTestId('time-taken')).toContainText(/ms|s$/);
    await expect(page.getByTestId('made-by')).toContainText('Extractive engine');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
  });

  test('the copy button puts the summary on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('summarize').click();
    const summary = await page.getByTestId('summary').innerText();
    await page.getByTestId('copy').click();
    await expect(page.getByTestId('status')).toHaveText('Summary copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(summary);
  });

  test('a number of sentences gives exactly that many', async ({ page }) => {
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('length').selectOption('sentences');
    await page.getByTestId('sentence-count').fill('2');
    await page.getByTestId('sentence-count').dispatchEvent('change');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('source-view').locator('mark')).toHaveCount(2);
  });

  test('markup in the text is shown as text, never run as HTML', async ({ page }) => {
    // The markup sits inside the opening sentence, which any sensible summary of this article keeps.
    const hostile = ARTICLE.replace('approved a new budget', `approved <img src=x onerror="document.title='owned'"> a new <b>budget</b>`);
    await page.getByTestId('source-text').fill(hostile);
    await page.getByTestId('length').selectOption('long');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).toContainText('<img src=x');
    await expect(page.getByTestId('summary')).toContainText('<b>budget</b>');
    expect(await page.locator('summarize-page').locator('img, b').count()).toBe(0);
    expect(await page.title()).not.toBe('owned');
  });

  test('the draft survives a reload', async ({ page }) => {
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('source-text').blur();
    await page.reload();
    await expect(page.getByTestId('source-text')).toHaveValue(ARTICLE);
  });

  test('empty text and a single sentence get clear messages and the text stays', async ({ page }) => {
    await page.getByTestId('source-text').fill('   ');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('error')).toContainText('no text yet');
    await page.getByTestId('source-text').fill('Only one sentence here.');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('error')).toContainText('single sentence');
    await expect(page.getByTestId('source-text')).toHaveValue('Only one sentence here.');
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).toBeVisible();
    await expect(page.getByTestId('error')).toHaveCount(0);
  });

  test('a failed run clears the previous summary, and an edited text marks the summary as out of date', async ({ page }) => {
    const source = page.getByTestId('source-text');
    for (const failing of ['Single sentence now', `one long line without any punctuation ${'and more words '.repeat(40)}`]) {
      await source.fill(ARTICLE);
      await page.getByTestId('summarize').click();
      await expect(page.getByTestId('summary')).toBeVisible();
      await expect(page.getByTestId('stale')).toHaveCount(0);
      await source.fill(failing);
      await expect(page.getByTestId('stale')).toContainText('text has changed');
      await page.getByTestId('summarize').click();
      await expect(page.getByTestId('error')).toBeVisible();
      await expect(page.getByTestId('summary')).toHaveCount(0);
      await expect(page.getByTestId('copy')).toHaveCount(0);
      await expect(page.getByTestId('source-view')).toHaveCount(0);
      await expect(page.getByTestId('compression')).toHaveCount(0);
      await expect(source).toHaveValue(failing);
    }
  });

  test('opening a file over typed text offers an undo that restores the text', async ({ page }) => {
    const source = page.getByTestId('source-text');
    const input = page.getByTestId('file-input');
    const typed = 'My own notes, typed by hand. They must not be lost.';
    await input.setInputFiles({ name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
    await expect(source).toHaveValue(ARTICLE);
    // An empty box loses nothing, so there is nothing to undo.
    await expect(page.getByTestId('replaced-note')).toHaveCount(0);
    await source.fill(typed);
    await input.setInputFiles({ name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
    await expect(source).toHaveValue(ARTICLE);
    await expect(page.getByTestId('replaced-note')).toContainText('Replaced your text with article.txt');
    await page.screenshot({ path: test.info().outputPath('summarize-replaced.png') });
    await page.getByTestId('undo-replace').focus();
    await page.keyboard.press('Enter');
    await expect(source).toHaveValue(typed);
    await expect(page.getByTestId('replaced-note')).toHaveCount(0);
    // Typing after opening a file ends the offer, so an undo can never throw new edits away.
    await input.setInputFiles({ name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
    await expect(page.getByTestId('replaced-note')).toBeVisible();
    await source.fill(`${ARTICLE} An edit.`);
    await expect(page.getByTestId('replaced-note')).toHaveCount(0);
  });

  test('every out-of-range number of sentences is corrected in the field', async ({ page }) => {
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('length').selectOption('sentences');
    const field = page.getByTestId('sentence-count');
    const cases: [string, string][] = [['0', '1'], ['-1', '1'], ['99', '50'], ['-1', '1'], ['-25', '1'], ['2.6', '3'], ['', '1'], ['4', '4'], ['-1', '1']];
    for (const [typed, shown] of cases) {
      await field.fill(typed);
      await field.dispatchEvent('change');
      await expect(field, `typed ${JSON.stringify(typed)}`).toHaveValue(shown);
    }
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('source-view').locator('mark')).toHaveCount(1);
  });

  test('opens .txt and .md files', async ({ page }) => {
    const input = page.getByTestId('file-input');
    await input.setInputFiles({ name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
    await expect(page.getByTestId('source-text')).toHaveValue(ARTICLE);
    await input.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Notes\n\n${ARTICLE}`) });
    await expect(page.getByTestId('source-text')).toHaveValue(`# Notes\n\n${ARTICLE}`);
  });

  test('reads the text layer of a PDF', async ({ page, watch }) => {
    const lines = ['The council approved the library budget on Monday.', 'Longer opening hours start next month.', 'Staff welcomed the news.'];
    await page.getByTestId('file-input').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdfWithText(lines) });
    await expect(page.getByTestId('source-text')).toHaveValue(/approved the library budget[\s\S]*Staff welcomed the news\./);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).toContainText('library budget');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
  });

  test('bad files get clear messages and the text already there stays', async ({ page }) => {
    await page.getByTestId('source-text').fill(ARTICLE);
    const input = page.getByTestId('file-input');
    const error = page.getByTestId('error');
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    await expect(error).toContainText('only .txt, .md and .pdf');
    await input.setInputFiles({ name: 'data.txt', mimeType: 'text/plain', buffer: Buffer.from([72, 101, 0, 1, 2, 3, 0, 0]) });
    await expect(error).toContainText('binary');
    await input.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') });
    await expect(error).toContainText('5.0 MB');
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdfWithoutText() });
    await expect(error).toContainText('no text layer');
    await input.setInputFiles({ name: 'locked.pdf', mimeType: 'application/pdf', buffer: pdfWithPassword() });
    await expect(error).toContainText('password-protected');
    await expect(page.getByTestId('source-text')).toHaveValue(ARTICLE);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).toBeVisible();
  });

  test('a 300-character link and a long file name wrap on a phone: nothing widens the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('source-text').fill(URL_TEXT);
    await page.getByTestId('length').selectOption('long');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).toContainText(LONG_URL);
    await expect(page.getByTestId('source-view').locator('mark')).toHaveCount(3);
    await expectFitsPhone(page, 'summary with a link');
    if (shots) await page.screenshot({ path: `${shots}/summarize-url-en-390.png`, fullPage: true });
    // A file name is text from outside too: the undo note and an error name it.
    const longName = `${'quarterly-report-'.repeat(12)}final.txt`;
    await page.getByTestId('file-input').setInputFiles({ name: longName, mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
    await expect(page.getByTestId('replaced-note')).toContainText(longName);
    await page.getByTestId('file-input').setInputFiles({ name: longName.replace('.txt', '.png'), mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await expect(page.getByTestId('error')).toContainText('only .txt, .md and .pdf');
    await expectNoSidewaysOverflow(page, page.locator('mlwb-source-input section'), 'the page and the card with the undo note');
    expect(await lineCount(page.getByTestId('undo-replace')), 'Undo on one line').toBe(1);
  });

  test('an empty or blank file is refused: the typed text and the summary on screen stay', async ({ page }) => {
    const source = page.getByTestId('source-text');
    await source.fill(ARTICLE);
    await page.getByTestId('summarize').click();
    const summary = await page.getByTestId('summary').innerText();
    for (const [name, content] of [['empty.txt', ''], ['blank.md', ' \n\t\r\n  \n']]) {
      await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
      await expect(page.getByTestId('error')).toHaveText(`${name} has no text in it (it is empty, or only spaces and line breaks), so your text was not replaced.`);
      await expect(source).toHaveValue(ARTICLE);
      await expect(page.getByTestId('replaced-note')).toHaveCount(0);
      await expect(page.getByTestId('summary')).toHaveText(summary);
    }
  });

  test('counts words and characters as a reader does', async ({ page }) => {
    const counts = page.getByTestId('counts');
    const source = page.getByTestId('source-text');
    for (const [text, shown] of [
      ["Don't panic: it's 3.5 km to the U.S. border.", '9 words · 44 characters'],
      ['Mail sam@example.com or read https://example.com/report-2026.pdf today.', '6 words · 71 characters'],
      ['Great 👍🏽\nThanks 👨‍👩‍👧\r\n', '2 words · 15 characters'],
    ]) {
      await source.fill(text);
      await expect(counts, JSON.stringify(text)).toHaveText(shown);
    }
    // A hard-wrapped Japanese text has as many words and characters as the same text in one line.
    const { words, characters } = await japaneseCounts(page, JAPANESE);
    await source.fill(JAPANESE_WRAPPED);
    await expect(counts).toHaveText(`${words} words · ${characters} characters`);
  });

  test('a text too large to keep across a reload: after the reload the page says so and shows the earlier text', async ({ page }) => {
    const source = page.getByTestId('source-text');
    await source.fill(ARTICLE);
    await source.blur();
    // 6 MB, more than Chromium lets one site keep in localStorage; set in one go (typing it would take minutes).
    await source.evaluate((e: HTMLTextAreaElement) => {
      e.value = 'A sentence that is pasted many times. '.repeat(160_000);
      e.dispatchEvent(new Event('input'));
    });
    await source.blur();
    await expect(page.getByTestId('draft-note')).toContainText('too large for the browser to keep across a reload');
    await page.reload();
    await expect(source).toHaveValue(ARTICLE);
    await expect(page.getByTestId('draft-note')).toHaveText(/^Your last text \(6\.\d MB\) was too large for the browser to keep across a reload, so this is the text you had before it\.$/);
    if (shots) await page.screenshot({ path: `${shots}/summarize-draft-not-kept-en-1280.png` });
    // Once the earlier text is saved again the note has done its job.
    await source.fill(`${ARTICLE} More.`);
    await source.blur();
    await expect(page.getByTestId('draft-note')).toHaveText('');
    await page.reload();
    await expect(page.getByTestId('draft-note')).toHaveText('');
  });

  test('a text no longer than the chosen length comes back whole, with a note saying why', async ({ page }) => {
    const short = 'The library opens at nine every morning. It closes at six on weekdays. Entry is free for every resident.';
    await page.getByTestId('source-text').fill(short);
    await page.getByTestId('length').selectOption('short');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('compression')).toHaveText('19 of 19 words (100%)');
    await expect(page.getByTestId('whole-text')).toHaveText('The text is no longer than the chosen length, so the summary is the whole text.');
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('compression')).not.toContainText('100%');
    await expect(page.getByTestId('whole-text')).toHaveCount(0);
  });
});

const JAPANESE = [
  '東京都は新しい中央図書館を来月開くと発表した。',
  '図書館には二十万冊の本が並び、開館時間は夜九時までに延びる。',
  '都の担当者は記者会見で「若い人や働く人に使ってほしい」と話した。',
  '建設費は約五十億円で、都の予算から支出される。',
  '一方、近くの商店街では駐車場が足りなくなると心配する声もある。',
  '図書館の開館式には知事も出席する予定だ。',
  '当日の天気は晴れの予報だ。',
].join('');

/** The same article hard-wrapped as a copied web page is: line breaks inside sentences. */
const JAPANESE_WRAPPED = JAPANESE.replace(/(.{17})/g, '$1\n');

/** Word and character counts as the page must show them: words from the browser's own Japanese segmenter. */
async function japaneseCounts(page: Page, text: string): Promise<{ words: number; characters: number }> {
  return page.evaluate((t) => {
    const segments = [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(t)];
    return { words: segments.filter((s) => s.isWordLike).length, characters: [...t].length };
  }, text);
}

test.describe('summarize page, English interface, Japanese text', () => {
  test('a pasted Japanese text gets a summary of several sentences and word counts from the segmenter', async ({ page, watch }) => {
    await page.goto('/#/summarize');
    await page.getByTestId('source-text').fill(JAPANESE);
    const expected = await japaneseCounts(page, JAPANESE);
    expect(expected.words).toBeGreaterThan(60);
    await expect(page.getByTestId('counts')).toHaveText(`${expected.words} words · ${expected.characters} characters`);
    await page.getByTestId('length').selectOption('short');
    await page.getByTestId('summarize').click();
    const summary = page.getByTestId('summary');
    await expect(summary).toBeVisible();
    const text = await summary.innerText();
    const sentences = text.match(/[^。]+。/g) ?? [];
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.length).toBeLessThan(7);
    for (const sentence of sentences) expect(JAPANESE).toContain(sentence);
    await expect(page.getByTestId('source-view').locator('mark')).toHaveCount(sentences.length);
    await expect(page.getByTestId('compression')).toContainText(new RegExp(`of ${expected.words} words`));
    await page.screenshot({ path: test.info().outputPath('summarize-japanese.png'), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
  });
});

test.describe('summarize page with a Japanese interface', () => {
  test.use({ locale: 'ja-JP' });

  test('shows Japanese labels, counts and facts, and summarizes a Japanese text', async ({ page, watch }) => {
    await page.goto('/#/summarize');
    const summarizePage = page.locator('summarize-page');
    await expect(summarizePage.getByRole('heading', { name: '要約', level: 1 })).toBeVisible();
    await expect(summarizePage.getByLabel('要約するテキスト')).toBeVisible();
    await expect(page.getByTestId('summarize')).toHaveText('要約する');
    await expect(page.getByTestId('length').locator('option:checked')).toHaveText(/^標準（約 \d+ 語）$/);
    await page.getByTestId('source-text').fill(JAPANESE);
    const { words, characters } = await japaneseCounts(page, JAPANESE);
    await expect(page.getByTestId('counts')).toHaveText(`${words} 語・${characters} 文字`);
    await page.getByTestId('length').selectOption('short');
    await page.getByTestId('summarize').click();
    const summary = page.getByTestId('summary');
    await expect(summary).toBeVisible();
    const sentences = (await summary.innerText()).match(/[^。]+。/g) ?? [];
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) expect(JAPANESE).toContain(sentence);
    await expect(page.getByTestId('compression')).toHaveText(new RegExp(`^${words} 語中 \\d+ 語（[\\d.]+%）$`));
    await expect(page.getByTestId('made-by')).toHaveText(`抽出型エンジン（同梱・オフライン）・7 文中 ${sentences.length} 文・ワーカーで実行`);
    for (const label of ['要約', 'コピー', '長さ', '時間', '生成元', '原文（選ばれた文を強調表示）']) {
      await expect(summarizePage.getByText(label, { exact: true }).first(), label).toBeVisible();
    }
    for (const english of ['Summarize', 'Text to summarize', 'Open a file…', 'Engine', 'Length', 'Summary', 'Copy', 'Time', 'Made by']) {
      await expect(summarizePage.getByText(english, { exact: true }), english).toHaveCount(0);
    }
    expect(watch.consoleErrors).toEqual([]);
  });

  test('on a phone a link wraps, Undo keeps one line, and an empty file or a short text gets a Japanese note', async ({ page }) => {
    await page.goto('/#/summarize');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.getByTestId('source-text').fill(URL_TEXT);
      await page.getByTestId('length').selectOption('long');
      await page.getByTestId('summarize').click();
      await expect(page.getByTestId('whole-text')).toHaveText('テキストが選んだ長さ以下なので、要約は全文のままです。');
      await page.getByTestId('file-input').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
      await expect(page.getByTestId('error')).toHaveText('empty.txt にはテキストがありません（空か、空白と改行だけです）。入力中のテキストはそのままです。');
      await expect(page.getByTestId('summary')).toContainText(LONG_URL);
      if (width === 390) await expectFitsPhone(page, 'ja');
      if (shots) await page.screenshot({ path: `${shots}/summarize-ja-${width}-result.png`, fullPage: true });
      await page.getByTestId('file-input').setInputFiles({ name: 'two-columns.pdf.txt', mimeType: 'text/plain', buffer: Buffer.from(JAPANESE) });
      await expect(page.getByTestId('undo-replace')).toHaveText('元に戻す');
      expect(await lineCount(page.getByTestId('undo-replace')), `${width}px: 元に戻す on one line`).toBe(1);
      if (shots) await page.screenshot({ path: `${shots}/summarize-ja-${width}-undo.png` });
      await page.getByTestId('undo-replace').click();
    }
  });

  test('switching the language in the header turns the page and its summary facts into English without a reload', async ({ page }) => {
    await page.goto('/#/summarize');
    await page.getByTestId('source-text').fill(JAPANESE);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('compression')).toContainText('語中');
    await page.getByTestId('language-select').selectOption('en');
    await expect(page.getByTestId('summarize')).toHaveText('Summarize');
    await expect(page.getByTestId('counts')).toHaveText(/^\d+ words · \d+ characters$/);
    await expect(page.getByTestId('compression')).toHaveText(/^\d+ of \d+ words \(\d+%\)$/);
    await expect(page.getByTestId('made-by')).toContainText('Extractive engine');
    await expect(page.getByTestId('source-text')).toHaveValue(JAPANESE);
  });
});
