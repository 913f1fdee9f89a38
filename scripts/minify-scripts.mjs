// Trunk post-build hook (Trunk.toml, first): minifies the page's two scripts with terser in a
// release build, and updates their Subresource Integrity hashes in index.html:
// - wasm-bindgen's JS glue (an ES module): Trunk 0.21's minifier cannot parse the glue of
//   wasm-bindgen 0.2.130 (it warns "Failed to minify JS" and copies it as it is). Minification
//   only: the glue keeps its imports, exports and names that the wasm calls.
// - static/page.js (a classic script, `data-no-minify` in index.html): Trunk's minifier names its
//   variables in a different order on every build, and Trunk names the file by the hash of what
//   it wrote, so every release got a new page-<hash>.js and readers downloaded it again. Copied
//   as written, the file is named by the hash of its source; terser's output is the same for the
//   same source.
//
// CLI: node scripts/minify-scripts.mjs [dir]. Environment (set by Trunk): TRUNK_PROFILE,
// TRUNK_STAGING_DIR. Debug builds are left alone.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('minify-scripts: TRUNK_STAGING_DIR is not set (run me as a Trunk hook, or give a folder)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');

for (const { pattern, module } of [
  { pattern: /^banan-infographic-[0-9a-f]+\.js$/, module: true },
  { pattern: /^page-[0-9a-f]+\.js$/, module: false },
]) {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) {
    console.error(`minify-scripts: expected one file like ${pattern} in ${dir}, found ${found.length}`);
    process.exit(1);
  }
  const path = join(dir, found[0]);
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, { module, compress: true, mangle: true, format: { comments: false } });
  writeFileSync(path, code);
  // Its <script integrity="sha256-…"> or <link rel="modulepreload" integrity="sha256-…">.
  const old = sri(source);
  if (!index.includes(old)) {
    console.error(`minify-scripts: index.html has no integrity ${old} for ${found[0]} (is data-integrity sha256?)`);
    process.exit(1);
  }
  index = index.replaceAll(old, sri(code));
  console.log(`minify-scripts: ${found[0]} ${source.length} -> ${code.length} bytes`);
}
writeFileSync(indexPath, index);
