// A static file server for the built site (dist/), on loopback only, for the tests and the benchmark.
// Like a CDN in front of dist/, it sends the `.br` or `.gz` that `make build` wrote beside an asset
// when the request accepts that encoding, so tests and the benchmark see what visitors download.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** Precompressed variants, best first: the file suffix `make build` writes and its Content-Encoding. */
const ENCODINGS = [
  { suffix: '.br', name: 'br' },
  { suffix: '.gz', name: 'gzip' },
];

/** The encodings a request's Accept-Encoding allows (a `q=0` refuses one). */
function accepted(header = '') {
  return new Set(
    header
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*/))
      .filter(([name, ...params]) => name && !params.some((p) => /^q=0(\.0*)?$/.test(p)))
      .map(([name]) => name.toLowerCase()),
  );
}

/** The body to send for `file`: its precompressed variant when the client accepts one. */
async function pick(file, acceptEncoding) {
  const allowed = accepted(acceptEncoding);
  for (const { suffix, name } of ENCODINGS) {
    if (!allowed.has(name)) continue;
    try {
      return { body: await readFile(file + suffix), encoding: name, variants: true };
    } catch {
      // No variant with this encoding: try the next one.
    }
  }
  const body = await readFile(file);
  const variants = await Promise.any(ENCODINGS.map(({ suffix }) => stat(file + suffix))).then(() => true, () => false);
  return { body, encoding: null, variants };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 (a free port unless given); `headers(path)` adds response headers, and
 * `pages` maps extra paths to `{ type, body }` (test host pages), and `alsoUnder` lists folder
 * prefixes under which `root` is served as well.
 */
export async function serve(root, { port = 0, headers = () => ({}), pages = {}, alsoUnder = [] } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    // `alsoUnder` serves the same files below other folders too (`/portal/static/altitude/...`).
    const prefix = alsoUnder.find((p) => path.startsWith(p));
    if (prefix) path = path.slice(prefix.length - 1);
    if (pages[path]) {
      response.writeHead(200, { 'content-type': pages[path].type, 'cache-control': 'no-store', ...headers(path) });
      response.end(pages[path].body);
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { body, encoding, variants } = await pick(file, request.headers['accept-encoding']);
      const head = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (encoding) head['content-encoding'] = encoding;
      // Caches must key a file with variants on the encoding the client asked for.
      if (variants) head.vary = 'Accept-Encoding';
      response.writeHead(200, { ...head, ...headers(path) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await serve(root, { port });
  console.log(`Serving ${root} at ${url}`);
}
