import type { Page } from '@playwright/test';
import { expect, test } from './helpers';
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
    await expect(page.getByTestId('made-by')).toContainText(`抽出型エンジン（同梱・オフライン）· 7 文中 ${sentences.length} 文`);
    for (const label of ['要約', 'コピー', '長さ', '時間', '生成元', '原文（選ばれた文を強調表示）']) {
      await expect(summarizePage.getByText(label, { exact: true }).first(), label).toBeVisible();
    }
    for (const english of ['Summarize', 'Text to summarize', 'Open a file…', 'Engine', 'Length', 'Summary', 'Copy', 'Time', 'Made by']) {
      await expect(summarizePage.getByText(english, { exact: true }), english).toHaveCount(0);
    }
    expect(watch.consoleErrors).toEqual([]);
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
