/**
 * The app's Content-Security-Policy: scripts only from the app itself (no inline scripts; WebAssembly may compile),
 * connections only to the app and the model hub. The policy is fixed at build time, so a hub on another host must be
 * listed in MLWB_HUB_HOSTS (space-separated origins) when building; this machine (any port) is always allowed, for a
 * local mirror and the test hub.
 */
import type { Plugin } from 'vite';

const DEFAULT_HUB_HOSTS = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];
const LOCAL_HOSTS = ['http://127.0.0.1:*', 'http://localhost:*'];

export function contentSecurityPolicy(extraHubHosts = (process.env.MLWB_HUB_HOSTS ?? '').split(/\s+/).filter(Boolean)): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // onnxruntime-web compiles its WebAssembly at run time; nothing else is evaluated.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    // lit templates may bind style attributes; styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'connect-src': ["'self'", 'blob:', 'data:', ...DEFAULT_HUB_HOSTS, ...extraHubHosts, ...LOCAL_HOSTS],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Puts the policy in the built index.html (for any static host) and in the preview server's headers (the header also
 * covers the workers, which a meta tag cannot reach). The dev server is left without it: Vite's hot reload needs
 * inline scripts and websockets.
 */
export function cspPlugin(): Plugin {
  const policy = contentSecurityPolicy();
  return {
    name: 'mlwb-csp',
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
