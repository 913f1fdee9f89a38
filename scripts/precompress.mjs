// Trunk post-build hook (Trunk.toml, run last): writes a gzip copy `<file>.gz`
// and a brotli copy `<file>.br` beside every text file of a release build, for hosts that send
// precompressed files (nginx `gzip_static on` / `brotli_static on`, an S3 or CDN upload with
// `Content-Encoding`; README "Hosting").
//
// Zopfli writes ordinary gzip that every browser reads, about 6 % smaller than zlib at level 9,
// and brotli at quality 11 is 12 % smaller again; hosts that compress on the fly use faster,
// weaker settings. The cost is paid once per build (about 3 s) instead of on every response. A
// copy is written only when it is smaller than its file.
//
// Library: precompressDir(dir) (used by tests); CLI: node scripts/precompress.mjs [dir]
// Environment (set by Trunk): TRUNK_PROFILE, TRUNK_STAGING_DIR. Debug builds are left alone.

import { gzipAsync } from '@gfx/zopfli';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COPIES, filesUnder } from './copies.mjs';

/** Extensions worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.csv']);

const brotli = (raw) =>
  brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });

/**
 * Writes `<file>.gz` and `<file>.br` for each compressible file under `dir`, and removes older
 * copies first, so that none outlives its file or a file that no longer gains from
 * compression. Returns [{ path, raw, gzip, brotli }] for the files with a copy (0: none).
 */
// Block splitting without a limit on the number of blocks (Zopfli's default is 15): a smaller
// wasm for a few seconds more per build; more iterations gain next to nothing.
const ZOPFLI = { numiterations: 15, blocksplittingmax: 0 };

export async function precompressDir(dir) {
  const written = [];
  const files = filesUnder(dir);
  for (const path of files.filter((p) => COPIES.includes(extname(p)))) unlinkSync(path);
  for (const path of files.filter((p) => COMPRESSIBLE.has(extname(p).toLowerCase()))) {
    const raw = readFileSync(path);
    const sizes = { path: relative(dir, path), raw: raw.length, gzip: 0, brotli: 0 };
    const copies = [
      ['.gz', 'gzip', Buffer.from(await gzipAsync(raw, ZOPFLI))],
      ['.br', 'brotli', brotli(raw)],
    ];
    for (const [ext, key, packed] of copies) {
      if (packed.length >= raw.length) continue;
      writeFileSync(`${path}${ext}`, packed);
      sizes[key] = packed.length;
    }
    if (sizes.gzip || sizes.brotli) written.push(sizes);
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
  console.log(
    `precompress: ${written.length} files, ${sum('raw')} bytes -> ${sum('gzip')} in .gz (Zopfli), ${sum('brotli')} in .br (brotli 11)`,
  );
}
