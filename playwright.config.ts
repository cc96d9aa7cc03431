import { defineConfig } from '@playwright/test';

/** Each suite run takes a base port: app preview = E2E_PORT, fixture hub = E2E_PORT + 1 (see NOTES.md). */
const port = Number(process.env.E2E_PORT ?? 4173);
const hubPort = port + 1;
const outDir = `.tmp/dist-${port}`;

/** Keeps Debian's Chromium from phoning home, so tests can assert that nothing leaves localhost. */
export const quietChromium = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Not test-results/: `npm test` keeps the unit report there and Playwright empties its outputDir.
  outputDir: `.tmp/playwright-${port}`,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: '/usr/bin/chromium', args: quietChromium },
    trace: 'retain-on-failure',
    // The build registers a service worker; only e2e/offline-app.spec.ts lets it run, so other suites see the network.
    serviceWorkers: 'block',
  },
  metadata: { hubUrl: `http://127.0.0.1:${hubPort}` },
  projects: [
    { name: 'chromium', testIgnore: /\.webgpu\.spec\.ts$/ },
    {
      name: 'chromium-webgpu',
      testMatch: /\.webgpu\.spec\.ts$/,
      use: { launchOptions: { executablePath: '/usr/bin/chromium', args: [...quietChromium, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}/`,
      timeout: 240_000,
      reuseExistingServer: false,
    },
    {
      command: `npx tsx e2e/hub-server.ts --port ${hubPort}`,
      url: `http://127.0.0.1:${hubPort}/__log`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
});
