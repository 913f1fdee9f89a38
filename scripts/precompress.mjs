// Trunk post-build hook (Trunk.toml, run after shrink-glue.mjs): writes a gzip copy `<file>.gz`
// beside every text file of a release build, compressed with Zopfli, for hosts that send
// precompressed files (nginx `gzip_static on`, an S3 or CDN upload with
// `Content-Encoding: gzip`; README "Hosting").
//
// Zopfli writes ordinary gzip that every browser reads, about 4 % smaller than zlib at level 9
// (the wasm: 151.8 KB against 161.3 KB), at a cost paid once per build (about 2 s) instead of
// on every response. A `.gz` is written only when it is smaller than its file.
//
// Library: precompressDir(dir) (used by tests); CLI: node scripts/precompress.mjs [dir]
// Environment (set by Trunk): TRUNK_PROFILE, TRUNK_STAGING_DIR. Debug builds are left alone.

import { gzipAsync } from '@gfx/zopfli';
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Extensions worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.csv']);

/** Every file under `dir` (recursively), as paths. */
export function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * Writes `<file>.gz` for each compressible file under `dir`, removes stale ones whose file is
 * gone or no longer gains from compression. Returns [{ path, raw, gzip }] for the written ones.
 */
export async function precompressDir(dir) {
  const written = [];
  const files = filesUnder(dir);
  for (const path of files.filter((p) => p.endsWith('.gz'))) unlinkSync(path);
  for (const path of files.filter((p) => COMPRESSIBLE.has(extname(p).toLowerCase()))) {
    const raw = readFileSync(path);
    const gzip = Buffer.from(await gzipAsync(raw, { numiterations: 15 }));
    if (gzip.length >= raw.length) continue;
    writeFileSync(`${path}.gz`, gzip);
    written.push({ path: relative(dir, path), raw: raw.length, gzip: gzip.length });
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0);
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('precompress: no directory (run me as a Trunk hook, or pass one)');
    process.exit(1);
  }
  const written = await precompressDir(dir);
  const sum = (key) => written.reduce((total, file) => total + file[key], 0);
  console.log(`precompress: ${written.length} .gz files (Zopfli), ${sum('raw')} -> ${sum('gzip')} bytes`);
}
