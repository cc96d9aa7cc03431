// The quantization lab's message above the page (a variant made, a model opened, an error) is worded when shown, so a
// language switch after it appeared rewords it, as the rest of the lab.
import { expect, test } from './helpers';

test('the message about a variant just made follows a switch to Japanese and back', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/#/quantize');
  await page.getByTestId('quantize').click();
  const message = page.getByTestId('lab-message');
  await expect(message).toContainText(/Made .*int8/, { timeout: 150_000 });
  await expect(message).toContainText('It is ticked for the comparison below.');

  await page.getByTestId('language-select').selectOption('ja');
  await expect(message).toContainText('を作成しました');
  await expect(message).toContainText('下の比較用にチェックを入れてあります。');
  await expect(message).not.toContainText(/Made|ticked/);

  await page.getByTestId('language-select').selectOption('en');
  await expect(message).toContainText('It is ticked for the comparison below.');
});
