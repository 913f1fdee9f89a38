// Trunk post-build hook (Trunk.toml, first): minifies wasm-bindgen's JS glue with terser in a
// release build, and updates its Subresource Integrity hash in index.html.
//
// `minify = "on_release"` asks Trunk to do this, but Trunk 0.21's minifier cannot parse the glue
// of wasm-bindgen 0.2.130 (it warns "Failed to minify JS" and copies it as it is). Minification
// only: the glue keeps its imports, exports and names that the wasm calls.
//
// CLI: node scripts/minify-glue.mjs [dir]. Environment (set by Trunk): TRUNK_PROFILE,
// TRUNK_STAGING_DIR. Debug builds are left alone.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('minify-glue: TRUNK_STAGING_DIR is not set (run me as a Trunk hook, or give a folder)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const glue = readdirSync(dir).filter((name) => /^banan-infographic-[0-9a-f]+\.js$/.test(name));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one banan-infographic-<hash>.js in ${dir}, found ${glue.length}`);
  process.exit(1);
}
const path = join(dir, glue[0]);
const source = readFileSync(path, 'utf8');
const { code } = await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } });
writeFileSync(path, code);

// The loader's <link rel="modulepreload" integrity="sha256-…" href="./banan-infographic-….js">.
const sri = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const old = sri(source);
const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8');
if (!index.includes(old)) {
  console.error(`minify-glue: index.html has no integrity ${old} for ${glue[0]} (is data-integrity sha256?)`);
  process.exit(1);
}
writeFileSync(indexPath, index.replaceAll(old, sri(code)));
console.log(`minify-glue: ${glue[0]} ${source.length} -> ${code.length} bytes`);
