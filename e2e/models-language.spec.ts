// Errors from the model runtime in a Japanese interface: the runtime reports why a load failed as a code, and the
// pages word it in Japanese (the technical cause may follow in English). Hub unreachable (a dead port) on the Models
// page, in the game and the summarizer, and a hub model whose config.json is damaged.
import { createServer } from 'node:net';
import { TINY_MOBILEVIT } from './fixtures/generate';
import { expect, hubUrl, test } from './helpers';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A local address nothing listens on: a port the system just handed out and took back (a fixed one may be in use). */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

test.use({ locale: 'ja-JP' });

/** The English the runtime writes for these failures: none of it may reach a Japanese page. */
const RUNTIME_ENGLISH = /cannot be reached|Could not load|is damaged|Failed to fetch|until they are cached/;

test('with the hub unreachable, the Models page and the game say so in Japanese', async ({ page }) => {
  const deadHub = await deadAddress();
  await page.addInitScript((host) => localStorage.setItem('mlwb.settings', JSON.stringify({ hubHost: host })), deadHub);
  await page.goto('/#/models');
  await expect(page.getByRole('heading', { name: 'モデル', level: 1 })).toBeVisible();
  await page.getByTestId('hub-model-id').fill('org/unreachable-model');
  await page.getByTestId('hub-model-id').press('Enter');
  const result = page.getByTestId('load-result');
  await expect(result).toContainText(`を ${deadHub} から読み込めませんでした`, { timeout: 60_000 });
  await expect(result).toContainText(`モデルハブ（${deadHub}）に接続できません`);
  await expect(result).not.toContainText(RUNTIME_ENGLISH);
  // Worded when shown: a switch to English rewords the same outcome, and back.
  await page.getByTestId('language-select').selectOption('en');
  await expect(result).toContainText(`the model hub at ${deadHub} cannot be reached`);
  await page.getByTestId('language-select').selectOption('ja');
  await expect(result).toContainText(`モデルハブ（${deadHub}）に接続できません`);

  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*準備完了 ·/, { timeout: 60_000 });
  await page.getByTestId('model-select').selectOption('Xenova/quickdraw-mobilevit-small');
  const problem = page.getByTestId('hub-problem');
  await expect(problem).toContainText(`モデルハブ（${deadHub}）に接続できません`, { timeout: 60_000 });
  await expect(problem).toHaveText(JAPANESE);
  await expect(problem).not.toContainText(RUNTIME_ENGLISH);
});

test('with the hub unreachable, a hub summarizer says so in Japanese and the text stays', async ({ page }) => {
  const deadHub = await deadAddress();
  const text = '図書館は来月から夜九時まで開く。職員はこの知らせを歓迎した。新しい時間は市内のすべての図書館で始まる。';
  await page.addInitScript((host) => localStorage.setItem('mlwb.settings', JSON.stringify({ hubHost: host })), deadHub);
  await page.goto('/#/summarize');
  await page.getByTestId('source-text').fill(text);
  await page.getByTestId('engine').selectOption('other');
  await page.getByTestId('hub-model').fill('org/unreachable-summarizer');
  await page.getByTestId('summarize').click();
  const error = page.getByTestId('error');
  await expect(error).toContainText(`モデルハブ（${deadHub}）に接続できません`, { timeout: 60_000 });
  await expect(error).not.toContainText(RUNTIME_ENGLISH);
  await expect(page.getByTestId('source-text')).toHaveValue(text);
});

test('a hub model whose config.json is damaged gets a Japanese message naming the file kind, the parser detail after', async ({ page, context }) => {
  const modelId = `${TINY_MOBILEVIT.id}-damaged-json`;
  await context.route(`${hubUrl}/${modelId}/resolve/main/config.json`, (route) =>
    route.fulfill({
      status: 200,
      body: '{"model_type": "mobilevit", "id2label": {"0": "circle",',
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' },
    }),
  );
  await page.goto('/#/models');
  await page.getByTestId('hub-model-id').fill(modelId);
  await page.getByTestId('hub-model-id').press('Enter');
  const result = page.getByTestId('load-result');
  await expect(result).toContainText('モデルの設定ファイル（config.json またはトークナイザーのファイル）が壊れていて読めません', { timeout: 60_000 });
  await expect(result).not.toContainText(/Could not load|is damaged/);
});
