// Trunk post-build hook (Trunk.toml): minifies the wasm-bindgen JS glue of a release build.
//
// Trunk minifies index.html, the CSS and embed-child.js itself (`minify = "on_release"`), but
// its JS minifier (minify-js 0.5) cannot parse the glue's `export default` and leaves it as it
// is: 53.6 KB raw, 9.2 KB gzip. terser makes it about 24 KB raw, 7.2 KB gzip. Trunk has
// already written index.html with a subresource-integrity hash of the file, so the hash is
// replaced with that of the minified file; without that the browser would refuse the script.
//
// Environment (set by Trunk): TRUNK_PROFILE, TRUNK_STAGING_DIR. Debug builds are left alone.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
if (!staging) {
  console.error('minify-glue: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');
// The glue is the module the inline loader imports: `import init, * as bindings from '/x.js'`.
const glue = /import init, \* as bindings from '[^']*?\/([^'/]+\.js)'/.exec(index)?.[1];
if (!glue || !readdirSync(staging).includes(glue)) {
  console.error(`minify-glue: cannot find the wasm-bindgen glue named in ${indexPath}`);
  process.exit(1);
}
const path = join(staging, glue);
const source = readFileSync(path);
const result = await minify(source.toString('utf8'), { module: true, compress: true, mangle: true });
if (!result.code) {
  console.error(`minify-glue: terser returned nothing for ${glue}`);
  process.exit(1);
}
const oldHash = sri(source);
const newHash = sri(Buffer.from(result.code, 'utf8'));
if (index.includes(oldHash)) {
  index = index.replaceAll(oldHash, newHash);
  writeFileSync(indexPath, index);
} else if (/integrity/.test(index)) {
  console.error(`minify-glue: index.html has integrity hashes but none for ${glue}; not minifying`);
  process.exit(1);
}
writeFileSync(path, result.code);
console.log(`minify-glue: ${glue} ${source.length} -> ${Buffer.byteLength(result.code)} bytes`);
