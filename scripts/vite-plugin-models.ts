/**
 * Serves the repo's models/ folder at /models/ in dev and preview and copies it into the build, so bundled models
 * load from the app's own origin. Unknown files answer 404 (never the SPA's index.html).
 */
import { cpSync, createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';

/** Folders under models/ that hold tools or work files, not models the app serves. */
const NOT_SERVED = new Set(['tools']);

function isServedPath(relative: string): boolean {
  const first = relative.split(/[\\/]/)[0] ?? '';
  return !NOT_SERVED.has(first) && !first.startsWith('.') && !first.startsWith('_');
}

function contentType(path: string): string {
  return extname(path) === '.json' ? 'application/json' : 'application/octet-stream';
}

function serveFrom(root: string, base: string): Connect.NextHandleFunction {
  const prefix = `${base}models/`;
  return (req, res, next) => {
    const [url = '', query = ''] = (req.url ?? '').split('?');
    // `import catalog from 'models/catalog.json'` reaches the dev server as a module request: Vite answers those.
    if (!url.startsWith(prefix) || /(^|&)import\b/.test(query)) return next();
    const relative = normalize(decodeURIComponent(url.slice(prefix.length)));
    const file = resolve(root, relative);
    if (!file.startsWith(root + sep) || !isServedPath(relative) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    res.setHeader('Content-Type', contentType(file));
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
}

export function modelsPlugin(modelsDir: string): Plugin {
  const source = resolve(modelsDir);
  let config: ResolvedConfig;
  return {
    name: 'mlwb-models',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(serveFrom(source, config.base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveFrom(resolve(config.root, config.build.outDir, 'models'), config.base));
    },
    writeBundle() {
      const target = resolve(config.root, config.build.outDir, 'models');
      for (const entry of readdirSync(source)) {
        if (isServedPath(entry)) cpSync(join(source, entry), join(target, entry), { recursive: true });
      }
    },
  };
}
