/**
 * The installable offline app: web app manifest and a Workbox service worker (vite-plugin-pwa, `generateSW`).
 * The precache holds one build's files, each versioned by content hash (Workbox revision or the file name's hash), so
 * an update installs beside the running version and waits: the page asks the user to reload (src/app/sw-update.ts).
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/** Largest precached file: the plain SIMD onnxruntime build (~14 MB) must fit; Workbox's default is 2 MiB. */
const MAX_PRECACHED_BYTES = 32 * 1024 * 1024;

export function pwaPlugin(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    // src/main.ts registers through workbox-window in production builds only.
    injectRegister: false,
    manifest: {
      name: 'ML Workbench',
      short_name: 'Workbench',
      description: 'Machine-learning models running in your browser: sketch game, summarization, quantization lab, model cache.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: '#2f5bd3',
      background_color: '#f6f7f9',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      // App shell, bundled models, and of onnxruntime's two builds the plain one (what WASM loads use).
      globPatterns: ['**/*.{html,js,mjs,css}', 'assets/ort-wasm-simd-threaded-*.wasm', 'models/**/*.{json,onnx}'],
      globIgnores: ['**/ort-wasm-simd-threaded.asyncify-*'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHED_BYTES,
      // Vite puts a content hash in every assets/ file name: no second revision needed.
      dontCacheBustURLsMatching: /^assets\//,
      navigateFallback: 'index.html',
      // models/ answers 404 for unknown files; a navigation there must not get the app.
      navigateFallbackDenylist: [/^\/models\//],
      runtimeCaching: [
        {
          // onnxruntime-web's asyncify build (WebGPU backend, 27 MB): kept when a WebGPU load first fetches it. A
          // literal, since Workbox copies it into sw.js as source text (a named constant would not exist there).
          urlPattern: /\/assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.(?:wasm|mjs)$/,
          handler: 'CacheFirst',
          options: { cacheName: 'mlwb-ort-webgpu-runtime', expiration: { maxEntries: 2 } },
        },
      ],
      cleanupOutdatedCaches: true,
    },
  }) as Plugin[];
}
