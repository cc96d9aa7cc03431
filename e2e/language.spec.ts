// Interface language: a Japanese browser gets Japanese on every page (no English words left outside technical
// terms), the header switch changes the language without a reload and is remembered, an English browser gets English.
// With SHOTS_DIR set, every page is also photographed in both languages at a desktop and a phone size.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pages } from '../src/app/pages';
import { templates as jaApp } from '../src/i18n/ja/app';
import { expect, test } from './helpers';

const SHOTS_DIR = process.env.SHOTS_DIR;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Pages still in English when this was last run (route → why), checked as `test.fixme` until translated. */
const STILL_ENGLISH: Record<string, string> = {};

/**
 * Words that are the same in a Japanese interface: names of products, formats, runtimes, units and keys.
 * Compared lower-case. Tokens with a digit (int8, p50, Apache-2.0), with "/", "." or "_" inside (file names, model
 * ids, URLs), all-capital abbreviations (WASM, ONNX, ROUGE) and single letters (key caps, x/y) are technical by form.
 */
const TECHNICAL = new Set(
  [
    'ML Workbench English WebGPU WASM WebAssembly onnxruntime node web transformers js dtype shader',
    'Markdown JSON CSV PDF txt md npy onnx IndexedDB Chromium Chrome Hugging Face Hub',
    'BART DistilBART MobileViT ViT CNN Quick Draw QuickDraw SwiftShader google nvidia swiftshader',
    'ms kB MB GB KiB MiB GiB px top nats Ctrl Shift Alt Enter Space Backspace Esc Tab Delete',
    // ONNX operator names and methods, as Japanese ML articles write them (hyphenated ones whole: k-means).
    'Conv Gemm MatMul LayerNormalization Softmax k-means SmoothQuant',
  ]
    .join(' ')
    .toLowerCase()
    .split(/\s+/),
);

/** Model names and ids come from the catalog (data, shown as they are named). */
const catalog = JSON.parse(readFileSync('models/catalog.json', 'utf8')) as { models: { id: string; title: string }[] };
// A title's name part ("T5 small" of "T5 small (summarization)") also counts: pages may translate the rest.
const MODEL_NAMES = catalog.models.flatMap((m) => [m.title, m.title.replace(/\s*\(.*$/, ''), m.id]).sort((a, b) => b.length - a.length);

/**
 * Every piece of text a person can see on the page: visible text nodes in the document and in every shadow root,
 * the options of each select, and input placeholders.
 */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          const text = node.textContent?.trim();
          if (text && parent && parent.tagName !== 'OPTION' && parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) out.push(text);
        } else if (node instanceof Element) {
          if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(node.tagName)) continue;
          if (node instanceof HTMLSelectElement && node.checkVisibility()) out.push(...Array.from(node.options, (o) => o.text.trim()));
          const placeholder = node.getAttribute('placeholder');
          if (placeholder && node.checkVisibility()) out.push(placeholder);
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document);
    return out;
  });
}

/** The English-looking words in the texts, each with the text it came from. */
function englishWords(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    // Model names, and code samples ({"label": "star"}, quoted keys) are not interface words.
    const plain = MODEL_NAMES.reduce((t, name) => t.split(name).join(' '), text).replace(/\{[^}]*\}?|"[^"]*"/g, ' ');
    for (const token of plain.split(/[\s、。（）()「」：:;,，・·—–→×'“”[\]…]+/)) {
      if (/[0-9/._@]/.test(token)) continue;
      if (TECHNICAL.has(token.toLowerCase())) continue;
      for (const word of token.match(/[A-Za-z]+/g) ?? []) {
        const technical = TECHNICAL.has(word.toLowerCase()) || /^[A-Z]+s?$/.test(word) || word.length === 1;
        if (!technical) found.add(`${word}  ← "${text.slice(0, 80)}"`);
      }
    }
  }
  return [...found];
}

/** Opens a route and waits until its page has rendered and its first loads have settled. */
async function openRoute(page: Page, route: string): Promise<void> {
  await page.goto(`/#/${route}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Let progress and status lines reach their resting text.
  await page.waitForTimeout(1000);
}

async function photograph(page: Page, language: string, route: string): Promise<void> {
  if (!SHOTS_DIR) return;
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS_DIR}/${language}-${route}-${viewport.name}.png` });
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

const jaTitle = (route: string) => jaApp[`app.page.${route}`] as string;

test.describe('a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('shows the header, the nav and the backend badge in Japanese, with <html lang="ja">', async ({ page, watch }) => {
    await page.goto('/#/models');
    const nav = page.getByRole('navigation', { name: 'ページ' });
    for (const { route } of pages) await expect(nav.getByRole('link', { name: jaTitle(route), exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByTestId('language-select')).toHaveValue('ja');
    await expect(page).toHaveTitle(`${jaTitle('models')} · ML Workbench`);
    await expect(page.getByTestId('backend-label')).not.toHaveText('ハードウェアを確認中…');
    await page.getByTestId('backend-badge').click();
    await expect(page.getByRole('group', { name: 'バックエンドの設定' })).toBeVisible();
    await page.getByTestId('device-select').selectOption('wasm');
    await expect(page.getByTestId('backend-reason')).toContainText('設定で選択');
    await page.goto('/#/no-such-page');
    await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });

  for (const { route } of pages) {
    test(`#/${route} shows no English words outside technical terms, and fits a phone's width`, async ({ page, watch }) => {
      test.fixme(route in STILL_ENGLISH, STILL_ENGLISH[route]);
      await openRoute(page, route);
      await expect(page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: jaTitle(route), exact: true })).toHaveAttribute('aria-current', 'page');
      await photograph(page, 'ja', route);
      expect(englishWords(await visibleTexts(page)), `English words on #/${route}`).toEqual([]);
      // Japanese labels are wider than the English ones; no page may scroll sideways on a 390 px phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `#/${route} scrolls sideways at 390 px` })
        .toBeLessThanOrEqual(0);
      expect(watch.consoleErrors).toEqual([]);
    });
  }
});

test('the header switch changes the language without a reload, and the choice survives a reload', async ({ page }) => {
  await page.goto('/#/bench');
  await expect(page.getByRole('heading', { name: 'Benchmark', level: 1 })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.getByTestId('language-select').selectOption('ja');
  await expect(page.getByRole('heading', { name: 'ベンチマーク', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: jaTitle('models'), exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page).toHaveTitle(`${jaTitle('bench')} · ML Workbench`);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'ベンチマーク', level: 1 })).toBeVisible();
  await expect(page.getByTestId('language-select')).toHaveValue('ja');

  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Benchmark', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an English browser gets English; every page is photographed in English', async ({ page, watch }) => {
  if (SHOTS_DIR) test.setTimeout(pages.length * 90_000);
  await page.goto('/#/models');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('language-select')).toHaveValue('en');
  for (const { title } of pages) {
    await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: title(), exact: true })).toBeVisible();
  }
  if (SHOTS_DIR) {
    for (const { route } of pages) {
      await openRoute(page, route);
      await photograph(page, 'en', route);
    }
  }
  expect(watch.consoleErrors).toEqual([]);
});
