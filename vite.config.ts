import { defineConfig } from 'vite';
import { cspPlugin } from './scripts/csp.ts';
import { modelsPlugin } from './scripts/vite-plugin-models.ts';
import { pwaPlugin } from './scripts/pwa.ts';

/** Cross-origin isolation, so onnxruntime-web can use WASM threads (SharedArrayBuffer). */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [modelsPlugin('models'), cspPlugin(), pwaPlugin()],
  // .tmp holds test builds and traces: watching it would reload the dev page whenever a test runs.
  server: { headers: isolationHeaders, watch: { ignored: ['**/.tmp/**', '**/test-results/**'] } },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  build: {
    target: 'es2022',
    // The inference worker bundles transformers.js + onnxruntime-web (~560 kB): one chunk on purpose.
    chunkSizeWarningLimit: 2000,
    // Timing warnings only say the (shared, 2-core) build machine was busy.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
