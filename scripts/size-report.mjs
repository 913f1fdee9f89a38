#!/usr/bin/env node
// Size report for a Trunk build: raw, gzip and brotli (quality 11) bytes of every file in
// dist/, grouped by kind, with a budget on the gzip total. No npm dependencies (scripts/copies.mjs uses
// only Node's own modules).
//
// gzip is what a host sends: the build's precompressed `<file>.gz` (scripts/precompress.mjs,
// Zopfli) where there is one, as a host with gzip_static sends it, otherwise zlib level 9 as
// a host compressing on the fly; brotli likewise is the build's `<file>.br`, else quality 11.
// The report also gives the zlib total, and fails when a `.gz` or `.br` does not decompress to
// its file (a stale copy would serve the previous build).
//
//   node scripts/size-report.mjs [dist] [--ceiling=BYTES]
//
// Counted against the ceiling (default 200 KB = 204,800 bytes of gzip): the code and styles the
// page loads, its wasm, JS and CSS. The HTML is judged by first paint in the benchmark instead,
// and the files under share/ are for crawlers and host pages, not the page. Exits 1 past the
// ceiling, listing the largest contributors first.

import { readFileSync, statSync, existsSync } from 'node:fs';
import { relative, extname, sep } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { COPIES, filesUnder, isCopyOf } from './copies.mjs';

// README.md, "Benchmarking". The data file is not code: the pages carry it (not counted).
const DEFAULT_CEILING = 200 * 1024;

let dir = 'dist';
let ceiling = DEFAULT_CEILING;
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--ceiling=')) {
    ceiling = Number(arg.slice('--ceiling='.length));
    if (!Number.isFinite(ceiling) || ceiling <= 0) {
      console.error(`size-report: bad --ceiling value: ${arg}`);
      process.exit(2);
    }
  } else {
    dir = arg;
  }
}

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`size-report: no directory '${dir}' (run: bash scripts/build-release.sh)`);
  process.exit(2);
}

/** The build's files, without the precompressed copies. */
function walk(d) {
  return filesUnder(d)
    .filter((p) => !COPIES.includes(extname(p)))
    .sort();
}

const KINDS = ['wasm', 'js', 'html', 'css', 'other'];
function kindOf(file) {
  const ext = extname(file).toLowerCase();
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.css') return 'css';
  return 'other';
}

const staleCopies = [];

/** The size of the precompressed copy `path + ext`, or null when there is none; a stale one is recorded. */
function precompressedSize(path, buf, ext) {
  if (!existsSync(`${path}${ext}`)) return null;
  const packed = readFileSync(`${path}${ext}`);
  if (!isCopyOf(packed, ext, buf)) staleCopies.push(`${path}${ext}`);
  return packed.length;
}

function sizes(path, kind) {
  const buf = readFileSync(path);
  const zlib = gzipSync(buf, { level: 9 }).length;
  const precompressed = precompressedSize(path, buf, '.gz');
  const gzip = precompressed ?? zlib;
  const brotli = precompressedSize(path, buf, '.br') ?? brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]:
        kind === 'wasm' || kind === 'other' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
  return { raw: buf.length, gzip, zlib, brotli, precompressed: precompressed !== null };
}

// Files the page itself never loads (README.md, "Embedding"): the share previews and oEmbed
// documents for crawlers and CMSs, the parent script for host pages, the share pages; and the
// stylesheet of a browser without JavaScript (in a <noscript>), where none of the code loads.
const OFF_PAGE = ['share/', 'noscript.css'];
/** What the page loads and the ceiling counts. */
const COUNTED = new Set(['wasm', 'js', 'css']);

const all = walk(dir).map((path) => {
  const kind = kindOf(path);
  return { path: relative(dir, path), kind, ...sizes(path, kind) };
});
const offPage = all.filter(
  (f) => !COUNTED.has(f.kind) || OFF_PAGE.some((prefix) => f.path.split(sep).join('/').startsWith(prefix)),
);
const files = all.filter((f) => !offPage.includes(f)).sort((a, b) => b.gzip - a.gzip);

if (files.length === 0) {
  console.error(`size-report: '${dir}' is empty (run: bash scripts/build-release.sh)`);
  process.exit(2);
}

const totals = Object.fromEntries(KINDS.map((k) => [k, { files: 0, raw: 0, gzip: 0, zlib: 0, brotli: 0 }]));
const total = { files: 0, raw: 0, gzip: 0, zlib: 0, brotli: 0 };
for (const f of files) {
  for (const t of [totals[f.kind], total]) {
    t.files += 1;
    t.raw += f.raw;
    t.gzip += f.gzip;
    t.zlib += f.zlib;
    t.brotli += f.brotli;
  }
}

const fmt = (n) => n.toLocaleString('en-US');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

console.log(
  `Size report for ${dir}/ (gzip: the precompressed .gz, marked *, else zlib level 9; brotli: the precompressed .br, else quality 11)\n`,
);
console.log('The code and styles the page loads, largest first:');
table(
  ['file', 'raw', 'gzip', 'brotli'],
  files.map((f) => [f.path, fmt(f.raw), `${f.precompressed ? '*' : ''}${fmt(f.gzip)}`, fmt(f.brotli)]),
);
console.log('');
const kindRows = KINDS.filter((k) => totals[k].files > 0).map((k) => [
  k,
  String(totals[k].files),
  fmt(totals[k].raw),
  fmt(totals[k].gzip),
  fmt(totals[k].brotli),
]);
kindRows.push(['total', String(total.files), fmt(total.raw), fmt(total.gzip), fmt(total.brotli)]);
table(['kind', 'files', 'raw bytes', 'gzip bytes', 'brotli bytes'], kindRows);
console.log('');
if (files.some((f) => f.precompressed)) {
  console.log(`gzip total from a host that compresses on the fly (zlib level 9): ${fmt(total.zlib)} bytes\n`);
}
if (offPage.length > 0) {
  const sum = (key) => fmt(offPage.reduce((n, f) => n + f[key], 0));
  console.log(
    `not counted (HTML, images, data and ${OFF_PAGE.join(', ')}): ${offPage.length} files, ` +
      `${sum('raw')} raw bytes, ${sum('gzip')} gzip bytes`,
  );
  console.log('');
}

if (staleCopies.length > 0) {
  console.error(`size-report: FAIL: these do not decompress to their file (stale; rebuild): ${staleCopies.join(', ')}`);
  process.exit(1);
}
if (total.gzip > ceiling) {
  console.error(
    `size-report: FAIL: gzip total ${fmt(total.gzip)} bytes (${kb(total.gzip)}) exceeds the ceiling of ` +
      `${fmt(ceiling)} bytes (${kb(ceiling)}) by ${fmt(total.gzip - ceiling)} bytes; the largest are listed first above.`,
  );
  process.exit(1);
}
console.log(
  `size-report: OK: gzip total ${fmt(total.gzip)} bytes (${kb(total.gzip)}) is under the ceiling of ` +
    `${fmt(ceiling)} bytes (${kb(ceiling)}).`,
);
