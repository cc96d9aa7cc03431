/**
 * A local stand-in for the model hub: serves e2e/fixtures/generated/<org>/<name>/<file> at
 * /<org>/<name>/resolve/main/<file>, with CORS and CORP headers so a cross-origin-isolated page may fetch it.
 * `<name>-<anything>` serves `<name>` too, so each test can use its own model id (and cache entries).
 * GET /__log lists the requests served so far, for tests that count downloads.
 * Run: tsx e2e/hub-server.ts --port 4174
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { GENERATED_DIR, generateFixtures } from './fixtures/generate';

interface HubLogEntry {
  method: string;
  path: string;
  status: number;
  range?: string;
}

const HUB_PATH = /^\/([\w.-]+)\/([\w.-]+)\/resolve\/[\w.-]+\/(.+)$/;

/** The fixture folder for org/name, trying shorter names when a test added its own suffix. */
function modelDir(org: string, name: string): string | undefined {
  const parts = name.split('-');
  for (let n = parts.length; n > 0; n--) {
    const dir = join(GENERATED_DIR, org, parts.slice(0, n).join('-'));
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

function setCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'range, content-type');
  res.setHeader('Access-Control-Expose-Headers', 'content-length, content-range, etag');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}

function startHub(port: number): void {
  const log: HubLogEntry[] = [];
  const server = createServer((req, res) => {
    setCors(res);
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/__log') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(log));
      return;
    }
    const match = HUB_PATH.exec(path);
    const dir = match && modelDir(match[1]!, match[2]!);
    const file = dir && normalize(join(dir, match![3]!));
    const found = file && file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile();
    log.push({ method: req.method ?? 'GET', path, status: found ? 200 : 404, range: req.headers.range });
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Entry not found');
      return;
    }
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const type = extname(file) === '.json' ? 'application/json' : 'application/octet-stream';
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      res.writeHead(206, { 'Content-Type': type, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${size}` });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  server.listen(port, '127.0.0.1', () => console.log(`Fixture hub on http://127.0.0.1:${port}/ (models from ${GENERATED_DIR})`));
}

const portFlag = process.argv.indexOf('--port');
await generateFixtures();
startHub(Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.HUB_PORT ?? 4174)));
