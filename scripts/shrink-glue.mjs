// Trunk post-build hook (Trunk.toml): shrinks the wasm-bindgen JS glue of a release build and
// the names it shares with the wasm.
//
// 1. Every import of the wasm, and every export the glue reads only as a property, gets a short
//    name in both files (scripts/wasm-names.mjs): about 6 KB gzip less in all.
// 2. terser minifies the glue, and the page's script (see 3.). Trunk minifies index.html and the
//    CSS itself (`minify = "on_release"`), but its JS minifier (minify-js 0.5) cannot parse the glue's
//    `export default` and leaves it as it is: 53.6 KB raw, 9.2 KB gzip; terser makes it about
//    24 KB raw, 7.2 KB gzip.
// Trunk has already written index.html with subresource-integrity hashes of these files, so each
// hash is replaced with that of the new file; without that the browser would refuse them.
//
// Environment (set by Trunk): TRUNK_PROFILE, TRUNK_STAGING_DIR. Debug builds are left alone.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { shortenNames } from './wasm-names.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
if (!staging) {
  console.error('shrink-glue: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}

/** The integrity value of `bytes` in the algorithm that index.html uses for them (`algorithm-`). */
const sri = (algorithm, bytes) => `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');
// The glue is the module the inline loader imports: `import init, * as bindings from '/x.js'`;
// the wasm beside it is `x_bg.wasm`.
const glueName = /import init, \* as bindings from '[^']*?\/([^'/]+)\.js'/.exec(index)?.[1];
const files = readdirSync(staging);
if (!glueName || !files.includes(`${glueName}.js`) || !files.includes(`${glueName}_bg.wasm`)) {
  console.error(`shrink-glue: cannot find the wasm-bindgen glue and wasm named in ${indexPath}`);
  process.exit(1);
}

/** Writes `bytes` over `file` and puts their hash in index.html in place of the old one. */
function replaceFile(file, oldBytes, bytes) {
  const algorithm = ['sha256', 'sha384', 'sha512'].find((a) => index.includes(sri(a, oldBytes)));
  if (algorithm) {
    index = index.replaceAll(sri(algorithm, oldBytes), sri(algorithm, bytes));
  } else if (/integrity/.test(index)) {
    console.error(`shrink-glue: index.html has integrity hashes but none for ${file}`);
    process.exit(1);
  }
  writeFileSync(join(staging, file), bytes);
  console.log(`shrink-glue: ${file} ${oldBytes.length} -> ${bytes.length} bytes`);
}

const gluePath = join(staging, `${glueName}.js`);
const wasmPath = join(staging, `${glueName}_bg.wasm`);
const glueSource = readFileSync(gluePath);
const wasmSource = readFileSync(wasmPath);
const shortened = shortenNames(wasmSource, glueSource.toString('utf8'));
// The renamed module must still compile, with the imports and exports the glue now names.
new WebAssembly.Module(shortened.wasm);

const result = await minify(shortened.glue, { module: true, compress: true, mangle: true });
if (!result.code) {
  console.error(`shrink-glue: terser returned nothing for ${glueName}.js`);
  process.exit(1);
}
replaceFile(`${glueName}_bg.wasm`, wasmSource, shortened.wasm);
replaceFile(`${glueName}.js`, glueSource, Buffer.from(result.code, 'utf8'));

// 3. terser also minifies the page's own script (static/page.js, marked `data-no-minify` in
// index.html): Trunk's minifier orders its declarations differently from one build to the
// next, so that two builds of the same sources differed in page.js and in index.html's hash.
const pageScript = /<script [^>]*src=["']?\/(page-[0-9a-f]+\.js)/.exec(index)?.[1];
if (!pageScript || !files.includes(pageScript)) {
  console.error(`shrink-glue: cannot find the page script (static/page.js) named in ${indexPath}`);
  process.exit(1);
}
const pageSource = readFileSync(join(staging, pageScript));
const page = await minify(pageSource.toString('utf8'), { compress: true, mangle: true });
if (!page.code) {
  console.error(`shrink-glue: terser returned nothing for ${pageScript}`);
  process.exit(1);
}
replaceFile(pageScript, pageSource, Buffer.from(page.code, 'utf8'));
// Trunk copies index.html's `data-integrity` settings onto the elements it writes; they say
// nothing to a browser.
index = index.replace(/ data-integrity=["']?\w+["']?/g, '');
writeFileSync(indexPath, index);
console.log(`shrink-glue: ${shortened.imports.size} imports and ${shortened.exports.size} exports renamed`);
