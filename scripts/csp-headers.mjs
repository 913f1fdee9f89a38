// Trunk post-build hook (Trunk.toml): writes the header files for hosts (scripts/csp.mjs) into
// the build, with the hash of the inline loader Trunk has just written into index.html. Run
// after every other step that changes index.html.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCsp, headerFiles } from './csp.mjs';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('csp-headers: TRUNK_STAGING_DIR is not set (run me as a Trunk hook, or give a folder)');
  process.exit(1);
}
/** Every HTML page of the build, whose inline scripts the policy must allow. */
function htmlPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlPages(path);
    return entry.name.endsWith('.html') ? [readFileSync(path, 'utf8')] : [];
  });
}
const csp = buildCsp(...htmlPages(staging));
for (const [path, text] of Object.entries(headerFiles(csp))) {
  mkdirSync(dirname(join(staging, path)), { recursive: true });
  writeFileSync(join(staging, path), text);
}
console.log(`csp-headers: _headers, hosting/ written (${csp.length} characters of policy)`);
