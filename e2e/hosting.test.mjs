// The release build's precompressed files (scripts/precompress.mjs) and how they are served:
// every text file of dist/ has a Zopfli `.gz` and a brotli `.br` that are exactly the file, the
// server sends the `.gz` (as a host with gzip_static does), never a stale one, and the size
// report refuses a stale copy of either kind.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { DEFAULT_ROOT, startServer } from './server.mjs';
import { COMPRESSIBLE } from '../scripts/precompress.mjs';
import { filesUnder } from '../scripts/copies.mjs';

const REPO = join(import.meta.dirname, '..');

/** GET with the raw (still encoded) body: node's fetch would decompress it. */
function getEncoded(url, acceptEncoding) {
  return new Promise((ok, fail) => {
    // A connection of its own (agent: false): Node's shared agent keeps sockets alive, and one the
    // server closed after its keep-alive timeout (5 s) while a slow step ran fails with ECONNRESET.
    request(url, { agent: false, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('precompressed files', () => {
  const wasmPath = () => filesUnder(DEFAULT_ROOT).find((p) => p.endsWith('.wasm'));

  it('the release build has a Zopfli .gz and a brotli .br of every text file, each exactly its file and smaller than zlib -9', () => {
    const texts = filesUnder(DEFAULT_ROOT).filter((p) => COMPRESSIBLE.has(extname(p)));
    assert.ok(texts.some((p) => p.endsWith('.wasm')) && texts.some((p) => p.endsWith('index.html')));
    for (const path of texts) {
      const raw = readFileSync(path);
      const packed = readFileSync(`${path}.gz`);
      assert.ok(gunzipSync(packed).equals(raw), `${relative(DEFAULT_ROOT, path)}.gz is not its file`);
      const brotli = readFileSync(`${path}.br`);
      assert.ok(brotliDecompressSync(brotli).equals(raw), `${relative(DEFAULT_ROOT, path)}.br is not its file`);
      if (raw.length > 1000) {
        assert.ok(
          packed.length < gzipSync(raw, { level: 9 }).length,
          `${relative(DEFAULT_ROOT, path)}.gz is no smaller than zlib -9`,
        );
        assert.ok(brotli.length < packed.length, `${relative(DEFAULT_ROOT, path)}.br is no smaller than its .gz`);
      }
    }
  });

  describe('served', () => {
    let server;
    before(async () => {
      server = await startServer();
    });
    after(async () => server?.close());

    it('a client that takes gzip gets the .gz bytes; one that does not gets the file', async () => {
      const path = wasmPath();
      const url = server.url + relative(DEFAULT_ROOT, path);
      const gz = await getEncoded(url, 'gzip, deflate, br');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.ok(gz.body.equals(readFileSync(`${path}.gz`)));
      const plain = await getEncoded(url, 'identity');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.equals(readFileSync(path)));
    });
  });

  describe('stale copies', () => {
    let dir;
    let server;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'banan-stale-'));
      cpSync(DEFAULT_ROOT, dir, { recursive: true });
      // An edit after the build: index.html.gz and index.html.br still hold the build's page.
      const index = join(dir, 'index.html');
      writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<!-- edited --></body>'));
      assert.ok(statSync(`${index}.gz`).isFile() && statSync(`${index}.br`).isFile());
      server = await startServer({ root: dir });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the server compresses the edited file instead of sending its stale .gz', async () => {
      const res = await getEncoded(server.url, 'gzip');
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.match(gunzipSync(res.body).toString('utf8'), /<!-- edited -->/);
    });

    it('the size report fails and names the stale .gz and .br', () => {
      const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'size-report.mjs'), dir, '--ceiling=10000000'], {
        encoding: 'utf8',
      });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /index\.html\.gz/);
      assert.match(run.stderr, /index\.html\.br/);
      assert.match(run.stderr, /stale/);
    });

    it('the server never sends brotli, even to a client that asks only for it', async () => {
      const res = await getEncoded(server.url, 'br');
      assert.equal(res.headers['content-encoding'], undefined);
      assert.match(res.body.toString('utf8'), /<!-- edited -->/);
    });
  });
});
