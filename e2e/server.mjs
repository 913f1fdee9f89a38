// Tiny static file server for the release build in dist/, used by the e2e
// tests. No npm dependencies. It behaves like a strict production host:
//   * 127.0.0.1 on an ephemeral port (or the one asked for),
//   * `.wasm` as application/wasm (needed for WebAssembly.instantiateStreaming),
//   * gzip when the client sends Accept-Encoding: gzip: the build's precompressed `<file>.gz`
//     (scripts/precompress.mjs) when there is a fresh one, as nginx's gzip_static does,
//     otherwise zlib level 9 on the fly; never brotli, though the build has `.br` copies for
//     hosts: the benchmark measures the page in gzip, as its budget is set,
//   * the headers the build tells hosts to send (its `_headers`, scripts/csp-headers.mjs): a
//     strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'; the inline loader
//     <script> that Trunk writes into index.html is allowed by its sha256 hash),
//
//   * with `initScript: true`, every HTML page gets `<script src="/__e2e/init.js">` right after its
//     charset, before its scripts, and /__e2e/init.js answers with what setInitScript(code) last set:
//     an init script for engines driven over classic WebDriver, which has none (e2e/engines.mjs),
//   * /fixtures/… is served from e2e/fixtures/ (test data files for `?data=fixtures/…`),
//     unless the build itself has a fixtures/ folder; `mounts` adds or replaces such folders.
//
// Library:  const { url, close, csp } = await startServer({ root: 'dist' });
// CLI:      node e2e/server.mjs [dist] [port]   (prints the URL, Ctrl-C to stop)
//
// $E2E_DIST, when set, replaces dist/ as the default root (to test a build made elsewhere:
// trunk build --release --offline -d /tmp/my-dist; E2E_DIST=/tmp/my-dist node --test ...).
// A second server can play another site, such as a news page that embeds the graphic:
//   startServer({ root: 'e2e/fixtures/embed', csp: '', mounts: { '/vendor/pym/': 'node_modules/pym.js/dist' } })
// serves a folder without an index.html and without a CSP header.

import { createServer } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isCopyOf } from '../scripts/copies.mjs';
import { buildCsp } from '../scripts/csp.mjs';
export { buildCsp, inlineScriptHashes } from '../scripts/csp.mjs';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_ROOT = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(REPO_ROOT, 'dist');
/** URL prefix → folder served under it besides the build (see `mounts` of startServer). */
export const DEFAULT_MOUNTS = { '/fixtures/': join(REPO_ROOT, 'e2e', 'fixtures') };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Already-compressed formats are sent as they are.
const NO_GZIP = new Set(['.png', '.jpg', '.jpeg', '.webp', '.woff2', '.woff', '.gif']);

/**
 * The gzip body of `file`: the build's precompressed `<file>.gz` (scripts/precompress.mjs), as
 * a host with `gzip_static` sends it, when it decompresses to the file (a stale copy would
 * serve the previous build); otherwise zlib level 9 on the fly.
 */
async function gzipBody(file) {
  const raw = await readFile(file);
  const packed = existsSync(`${file}.gz`) ? await readFile(`${file}.gz`) : null;
  return packed && isCopyOf(packed, '.gz', raw) ? packed : gzipSync(raw, { level: 9 });
}

/**
 * The headers the build tells hosts to send (its `_headers` file, scripts/csp-headers.mjs), as an
 * object; the server sends exactly those.
 */
export function buildHeaders(root) {
  const file = join(root, '_headers');
  if (!existsSync(file)) {
    // A build from before the header files (the benchmark's comparisons): the same policy,
    // computed from its page.
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      throw new Error(`e2e server: ${file} not found; build first (scripts/build-release.sh)`);
    }
    return { 'Content-Security-Policy': buildCsp(readFileSync(index, 'utf8')) };
  }
  const headers = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]] = m[2];
  }
  return headers;
}

/**
 * Start the server.
 * @param {{root?: string, host?: string, port?: number, csp?: string,
 *          mounts?: Record<string, string>}} [options]
 *   mounts: URL prefix (with both slashes, '/fixtures/') → folder; merged over DEFAULT_MOUNTS.
 *   A path under a mount is looked up in the build first, then in the folder of the longest
 *   matching prefix.
 *   csp: the Content-Security-Policy to send instead of the build's (its `_headers` file);
 *   '' sends none. With csp given, root need not hold a build (another site's pages).
 *   headers: more headers for every response (another site's `Access-Control-Allow-Origin`).
 *   prefix: the URL path the root is served under ('/graphics/banan/'), as a newsroom hosts
 *   a graphic in a folder of its site; '/' by default. `url` then ends with it.
 *   initScript: true to put /__e2e/init.js first in every page (see above).
 * @returns {Promise<{url: string, port: number, csp: string, close: () => Promise<void>,
 *   setInitScript: (code: string) => void}>}
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? DEFAULT_ROOT);
  const host = options.host ?? '127.0.0.1';
  const built = options.csp === undefined ? buildHeaders(root) : {};
  const csp = options.csp ?? built['Content-Security-Policy'];
  const prefix = options.prefix ?? '/';
  // Longest prefix first, so that '/fixtures/generated/' can be mounted inside '/fixtures/'.
  const mounts = Object.entries({ ...DEFAULT_MOUNTS, ...(options.mounts ?? {}) })
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const gzCache = new Map(); // path -> { key, body }
  let initCode = '';
  const INIT_PATH = '/__e2e/init.js';

  const server = createServer(async (req, res) => {
    try {
      const baseHeaders = {
        ...built,
        ...(csp ? { 'Content-Security-Policy': csp } : {}),
        ...(options.headers ?? {}),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...baseHeaders, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
        res.end('method not allowed\n');
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        res.writeHead(400, { ...baseHeaders, 'Content-Type': 'text/plain' });
        res.end('bad request\n');
        return;
      }
      if (options.initScript && pathname === INIT_PATH) {
        const body = Buffer.from(initCode);
        res.writeHead(200, { ...baseHeaders, 'Content-Type': MIME['.js'], 'Content-Length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      if (!pathname.startsWith(prefix)) {
        res.writeHead(404, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`not found: ${pathname} (the graphic is under ${prefix})\n`);
        return;
      }
      pathname = pathname.slice(prefix.length - 1);
      let base = root;
      let file = resolve(root, '.' + pathname);
      if (!existsSync(file)) {
        const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
        if (mount) {
          base = mount[1];
          file = resolve(base, '.' + pathname.slice(mount[0].length - 1));
        }
      }
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403, { ...baseHeaders, 'Content-Type': 'text/plain' });
        res.end('forbidden\n');
        return;
      }
      let st = existsSync(file) ? statSync(file) : null;
      if (st?.isDirectory()) {
        file = join(file, 'index.html');
        st = existsSync(file) ? statSync(file) : null;
      }
      if (!st?.isFile()) {
        res.writeHead(404, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`not found: ${pathname}\n`);
        return;
      }
      const ext = extname(file).toLowerCase();
      const headers = { ...baseHeaders, 'Content-Type': MIME[ext] ?? 'application/octet-stream' };
      let body;
      const wantsGzip = /\bgzip\b/i.test(req.headers['accept-encoding'] ?? '');
      if (options.initScript && ext === '.html') {
        // After the charset (the build's minified HTML has no <head> tag), before every script.
        const tag = `<script src="${INIT_PATH}"></script>`;
        const html = (await readFile(file, 'utf8')).replace(/<meta charset=[^>]*>|<head>/i, `$&${tag}`);
        body = Buffer.from(html);
      } else if (wantsGzip && !NO_GZIP.has(ext)) {
        // Keyed by the modification times of the file and of its .gz, if any.
        const gzStat = existsSync(`${file}.gz`) ? statSync(`${file}.gz`) : null;
        const key = `${st.mtimeMs}:${gzStat?.mtimeMs ?? '-'}`;
        let cached = gzCache.get(file);
        if (cached?.key !== key) {
          cached = { key, body: await gzipBody(file) };
          gzCache.set(file, cached);
        }
        body = cached.body;
        headers['Content-Encoding'] = 'gzip';
      } else {
        body = await readFile(file);
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`internal error: ${err?.message ?? err}\n`);
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port } = server.address();
  const url = `http://${host}:${port}${prefix}`;

  const close = () =>
    new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    });

  const setInitScript = (code) => {
    initCode = code;
  };
  return { url, port, csp, close, setInitScript };
}

// CLI: node e2e/server.mjs [root] [port]
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = process.argv[2] ?? DEFAULT_ROOT;
  const port = process.argv[3] ? Number(process.argv[3]) : 0;
  const { url, csp, close } = await startServer({ root, port });
  console.log(`serving ${resolve(root)} at ${url}`);
  console.log(`Content-Security-Policy: ${csp}`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
