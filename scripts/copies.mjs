// The build's precompressed copies (`<file>.gz`, `<file>.br`, written by
// scripts/precompress.mjs) as the size report, the test server and the tests read them. Node's
// own modules only, so that scripts/size-report.mjs and e2e/server.mjs need no node_modules.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** Each copy's extension and how to undo it. */
const DECOMPRESS = { '.gz': gunzipSync, '.br': brotliDecompressSync };

/** The precompressed copies' extensions. */
export const COPIES = Object.keys(DECOMPRESS);

/** Every file under `dir` (recursively), as paths. */
export function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * Whether `copy`, the bytes of a `<file><ext>`, decompresses to exactly `raw`, the file's bytes:
 * a stale copy (of an earlier build) or one that is not that format at all does not.
 */
export function isCopyOf(copy, ext, raw) {
  try {
    return DECOMPRESS[ext](copy).equals(raw);
  } catch {
    return false;
  }
}
