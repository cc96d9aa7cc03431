/**
 * A local stand-in for the model hub: serves e2e/fixtures/generated/<org>/<name>/<file> at
 * /<org>/<name>/resolve/main/<file>, with CORS and CORP headers so a cross-origin-isolated page may fetch it.
 * `<name>-<anything>` serves `<name>` too, so each test can use its own model id (and cache entries).
 * GET /__log lists the requests served so far, for tests that count downloads.
 * GET /__fault?path=<model path or file suffix>&mode=500|cut|stall&count=N makes the next N requests whose path ends
 * with `path` fail (500: an error answer; cut: half the body, then the connection drops; stall: half the body, then
 * nothing until the client gives up); count=0 clears it.
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

interface Fault {
  pathSuffix: string;
  mode: '500' | 'cut' | 'stall';
  remaining: number;
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
  const faults: Fault[] = [];
  const server = createServer((req, res) => {
    setCors(res);
    const url = new URL(req.url ?? '/', 'http://hub');
    const path = decodeURIComponent(url.pathname);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/__log') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(log));
      return;
    }
    if (path === '/__fault') {
      const pathSuffix = url.searchParams.get('path') ?? '';
      const asked = url.searchParams.get('mode');
      const mode = asked === 'cut' || asked === 'stall' ? asked : '500';
      faults.splice(0, faults.length, ...faults.filter((f) => f.pathSuffix !== pathSuffix));
      const remaining = Number(url.searchParams.get('count') ?? 1);
      if (remaining > 0) faults.push({ pathSuffix, mode, remaining });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(faults));
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
    const fault = req.method === 'GET' && !req.headers.range ? faults.find((f) => f.remaining > 0 && path.endsWith(f.pathSuffix)) : undefined;
    if (fault) {
      fault.remaining--;
      log[log.length - 1]!.status = fault.mode === '500' ? 500 : 200;
      if (fault.mode === '500') {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Injected failure');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
        const half = createReadStream(file, { start: 0, end: Math.floor(size / 2) });
        if (fault.mode === 'cut') half.on('end', () => res.destroy());
        half.pipe(res, { end: false });
      }
      return;
    }
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
