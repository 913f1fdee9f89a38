// Short names for what a wasm module and its wasm-bindgen JS glue call each other by.
//
// wasm-bindgen names each import after the Rust binding plus a 16-digit hash
// (`__wbg_getElementById_7ee213db584f37b0`) and each closure shim after its whole type; the
// page's wasm has about 190 of them, 12 KB of names that do not compress (the hashes are random)
// and that the glue spells out a second time. Emscripten ships minified import and export names
// for the same reason; binaryen's `--minify-imports` only renames the imports of Emscripten's
// own modules, so this rewrites the two name sections itself and leaves every other byte alone.
//
// The module every import comes from, "./<crate>_bg.js" (spelt out before each of the ~180
// imports: 4.4 KB raw), is renamed too, to `w`, in the wasm and in the glue's import object.
//
// shortenNames(wasm, glue) -> { wasm, glue, imports, exports } renames every import, and every
// export the glue reads as a property (`wasm.__wbindgen_malloc`) and never spells as a string,
// keeping `memory`, which pages and tests read through the instance. It throws when the glue
// does not name an import exactly once, so a change in wasm-bindgen's output stops the build
// instead of breaking the page.

/** What the import module is renamed to. */
export const IMPORT_MODULE = 'w';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th short name: a, b, …, Z, ab, bb, … (letters, and never a JS keyword). */
export function shortName(n) {
  let name = ALPHABET[n % ALPHABET.length];
  for (let rest = Math.floor(n / ALPHABET.length); rest > 0; rest = Math.floor(rest / ALPHABET.length)) {
    name += ALPHABET[rest % ALPHABET.length];
  }
  // Two-letter keywords: do, if, in; short names are only ever object keys and property names,
  // where keywords are allowed, but a reader of the glue should not have to know that.
  return ['do', 'if', 'in'].includes(name) ? `${name}_` : name;
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}

const encodeName = (name) => Buffer.concat([writeU32(Buffer.byteLength(name)), Buffer.from(name)]);

/** End of an import's description (its kind byte is at `at`). */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const skipLimits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: type index
    case 1: return skipLimits(at + 1); // table: reference type, limits
    case 2: return skipLimits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`wasm-names: unknown import kind ${kind}`);
  }
}

/** Each section of the module as { id, start, end } of its payload. */
function sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-names: not a wasm module');
  const list = [];
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    list.push({ id, start, end: start + size });
    at = start + size;
  }
  return list;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `name` as a whole identifier, or (`property`) only where it follows a dot. */
const uses = (name, property = false) =>
  new RegExp(`${property ? '(?<=\\.)' : '(?<![\\w$])'}${escapeRegExp(name)}(?![\\w$])`, 'g');
const occurrences = (text, pattern) => (text.match(pattern) ?? []).length;

export function shortenNames(wasmBytes, glue) {
  const wasm = Buffer.from(wasmBytes);
  const modules = new Set();
  const imports = new Map();
  const exports = new Map();
  const parts = [wasm.subarray(0, 8)];
  let next = 0;
  for (const section of sections(wasm)) {
    let payload = wasm.subarray(section.start, section.end);
    if (section.id === 2) {
      let [count, at] = readU32(payload, 0);
      const entries = [writeU32(count)];
      for (let i = 0; i < count; i++) {
        let module;
        [module, at] = readName(payload, at);
        modules.add(module);
        let name;
        [name, at] = readName(payload, at);
        const descStart = at;
        at = skipImportDesc(payload, at);
        if (imports.has(name)) throw new Error(`wasm-names: import ${name} appears twice`);
        const short = shortName(next++);
        imports.set(name, short);
        entries.push(encodeName(IMPORT_MODULE), encodeName(short), payload.subarray(descStart, at));
      }
      payload = Buffer.concat(entries);
    } else if (section.id === 7) {
      let [count, at] = readU32(payload, 0);
      const entries = [writeU32(count)];
      for (let i = 0; i < count; i++) {
        let name;
        [name, at] = readName(payload, at);
        const descStart = at;
        at = readU32(payload, at + 1)[1]; // kind, index
        // Only names the glue reads as `wasm.name` and never spells as a string (a bare
        // identifier of the same name is the glue's own wrapper function, which terser renames
        // anyway): `memory` (read by pages and tests through the instance), short names and
        // exports the glue does not use stay.
        const quoted = new RegExp(`['"\`]${escapeRegExp(name)}['"\`]`).test(glue);
        const renamed = name !== 'memory' && name.length > 8 && !quoted && occurrences(glue, uses(name, true)) > 0;
        const short = renamed ? shortName(next++) : name;
        if (renamed) exports.set(name, short);
        entries.push(encodeName(short), payload.subarray(descStart, at));
      }
      payload = Buffer.concat(entries);
    }
    parts.push(Buffer.from([section.id]), writeU32(payload.length), payload);
  }
  let newGlue = glue;
  if (modules.size > 0) {
    if (modules.size !== 1) throw new Error(`wasm-names: imports from ${modules.size} modules, not one`);
    const [module] = modules;
    const quoted = new RegExp(`(['"])${escapeRegExp(module)}\\1`, 'g');
    const times = occurrences(newGlue, quoted);
    if (times !== 1) throw new Error(`wasm-names: the glue names module ${module} ${times} times, not once`);
    newGlue = newGlue.replace(quoted, `"${IMPORT_MODULE}"`);
  }
  for (const [name, short] of imports) {
    const times = occurrences(newGlue, uses(name));
    if (times !== 1) throw new Error(`wasm-names: the glue names import ${name} ${times} times, not once`);
    newGlue = newGlue.replace(uses(name), short);
  }
  for (const [name, short] of exports) newGlue = newGlue.replace(uses(name, true), short);
  return { wasm: Buffer.concat(parts), glue: newGlue, imports, exports };
}
