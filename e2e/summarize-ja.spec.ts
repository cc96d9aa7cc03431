// The summarize page's input and file errors in the Japanese interface: each check's code is worded in Japanese
// (src/features/summarize/check-messages.ts), and a language switch re-words the message on screen.
import type { Locator } from '@playwright/test';
import { expect, test } from './helpers';
import { pdfWithPassword } from './fixtures/pdf-files';

const SHOTS = '/work/helpers/sum-messages-shots';
const TEXT = '図書館は来月から夜九時まで開く。職員はこの知らせを歓迎した。';

/** The alert's text with the file name taken out must have no English words (formats like PDF, .txt are allowed). */
async function expectJapaneseOnly(error: Locator, fileName = ''): Promise<void> {
  const text = (await error.textContent()) ?? '';
  const words = (fileName ? text.split(fileName).join(' ') : text).match(/[A-Za-z]+/g) ?? [];
  expect(words.filter((w) => !['txt', 'md', 'pdf', 'PDF', 'UTF', 'OCR'].includes(w)), text).toEqual([]);
}

test.describe('summarize page in Japanese', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('mlwb.locale', 'ja'));
    await page.goto('/#/summarize');
    await expect(page.getByRole('heading', { name: '要約', level: 1 })).toBeVisible({ timeout: 120_000 });
  });

  test('empty text, a one-sentence text and a binary file get Japanese messages and the text stays', async ({ page }) => {
    test.setTimeout(300_000);
    const error = page.getByTestId('error');
    const source = page.getByTestId('source-text');
    await source.fill('   ');
    await page.getByTestId('summarize').click();
    await expect(error).toContainText('テキストがありません', { timeout: 120_000 });
    await expectJapaneseOnly(error);

    await source.fill('図書館は来月から夜九時まで開く。');
    await page.getByTestId('summarize').click();
    await expect(error).toContainText('1 文だけなので', { timeout: 120_000 });
    await expectJapaneseOnly(error);

    await source.fill(TEXT);
    await page.getByTestId('file-input').setInputFiles({ name: 'data.txt', mimeType: 'text/plain', buffer: Buffer.from([72, 101, 0, 1, 2, 3, 0, 0]) });
    await expect(error).toContainText('data.txt はテキストではなくバイナリファイルのようです', { timeout: 120_000 });
    await expectJapaneseOnly(error, 'data.txt');
    await expect(source).toHaveValue(TEXT);
    await page.screenshot({ path: `${SHOTS}/summarize-error-ja.png`, fullPage: true });
  });

  test('a password-protected PDF is worded in Japanese, and in English after a language switch', async ({ page }) => {
    test.setTimeout(300_000);
    const error = page.getByTestId('error');
    await page.getByTestId('source-text').fill(TEXT);
    await page.getByTestId('file-input').setInputFiles({ name: 'locked.pdf', mimeType: 'application/pdf', buffer: pdfWithPassword() });
    await expect(error).toContainText('locked.pdf はパスワードで保護されています', { timeout: 120_000 });
    await expectJapaneseOnly(error, 'locked.pdf');
    await page.getByTestId('language-select').selectOption('en');
    await expect(error).toContainText('locked.pdf is password-protected', { timeout: 60_000 });
    await expect(page.getByTestId('source-text')).toHaveValue(TEXT);
  });
});
