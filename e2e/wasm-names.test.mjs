// The short names the release build gives the wasm's imports and exports (scripts/wasm-names.mjs,
// run by scripts/shrink-glue.mjs): on a module assembled here with binaryen's wasm-as, and on
// the release build in dist/, whose page the other suites run.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ROOT } from './server.mjs';
import { filesUnder } from '../scripts/copies.mjs';
import { IMPORT_MODULE, shortName, shortenNames } from '../scripts/wasm-names.mjs';

const REPO = join(import.meta.dirname, '..');
const LONG_IMPORT = '__wbg_getElementById_7ee213db584f37b0';
const CLOSURE = 'wasm_bindgen_eb4c17718810547b___convert__closures_____invoke_______true_';

/** A small module shaped like wasm-bindgen's: a table, memory and functions in and out. */
function assemble() {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-names-'));
  try {
    writeFileSync(join(dir, 'm.wat'), `(module
      (import "./m_bg.js" "${LONG_IMPORT}" (func $get (param i32) (result i32)))
      (import "./m_bg.js" "__wbg_log_0123456789abcdef" (func $log (param i32)))
      (import "./m_bg.js" "__wbindgen_init_externref_table" (func $init))
      (memory (export "memory") 1)
      (table (export "__wbindgen_externrefs") 1 funcref)
      (func (export "${CLOSURE}") (param i32) (call $log (call $get (local.get 0))))
      (func (export "__wbindgen_malloc") (param i32) (result i32) (local.get 0))
      (func (export "main") (call $init)))`);
    const built = spawnSync(join(REPO, 'node_modules', '.bin', 'wasm-as'), [join(dir, 'm.wat'), '-o', join(dir, 'm.wasm')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    return readFileSync(join(dir, 'm.wasm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GLUE = `const imports = { __proto__: null,
  ${LONG_IMPORT}: function(a) { return 1; },
  __wbg_log_0123456789abcdef: function(a) {},
  __wbindgen_init_externref_table: function() { const t = wasm.__wbindgen_externrefs; },
};
function ${CLOSURE}(a) { wasm.${CLOSURE}(a); }
const p = wasm.__wbindgen_malloc(8); const m = wasm.memory;
const importObject = { "./m_bg.js": imports };`;

describe('short wasm import and export names', () => {
  it('renames every import and the exports the glue reads, in both, and the module still runs', async () => {
    const wasm = assemble();
    const out = shortenNames(wasm, GLUE);
    assert.deepEqual([...out.imports.values()], ['a', 'b', 'c']);
    const module = new WebAssembly.Module(out.wasm);
    assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module} ${i.name}`), ['w a', 'w b', 'w c']);
    // The import object of the glue is keyed by the new module name.
    assert.ok(out.glue.includes(`const importObject = { "${IMPORT_MODULE}": imports };`), out.glue);
    assert.ok(!out.glue.includes('./m_bg.js'));
    // memory stays (pages read it through the instance), main stays (the glue never reads it).
    assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['memory', 'd', 'e', 'f', 'main']);
    assert.ok(out.wasm.length < wasm.length);
    for (const name of [LONG_IMPORT, '__wbg_log', '__wbindgen_init_externref_table', 'wasm.__wbindgen_externrefs', `wasm.${CLOSURE}`, 'wasm.__wbindgen_malloc']) {
      assert.ok(!out.glue.includes(name), `${name} is still in the glue`);
    }
    assert.match(out.glue, /\ba: function/);
    assert.match(out.glue, new RegExp(`function ${CLOSURE}\\(a\\) \\{ wasm\\.e\\(a\\); \\}`));
    assert.match(out.glue, /wasm\.memory/);
    // The renamed module links against imports under the new names, and its functions still call
    // through them.
    const seen = [];
    const { exports } = await WebAssembly.instantiate(module, { w: { a: (x) => x * 2, b: (x) => seen.push(x), c: () => {} } });
    exports.e(21);
    assert.deepEqual(seen, [42]);
  });

  it('refuses a glue that does not name an import, or the import module, exactly once', () => {
    const wasm = assemble();
    assert.throws(() => shortenNames(wasm, GLUE.replace('"./m_bg.js"', 'other')), /names module \.\/m_bg\.js 0 times/);
    assert.throws(() => shortenNames(wasm, `${GLUE} "./m_bg.js";`), /module \.\/m_bg\.js 2 times, not once/);
    assert.throws(() => shortenNames(wasm, GLUE.replace(`${LONG_IMPORT}:`, 'other:')), /names import __wbg_getElementById_7ee213db584f37b0 0 times/);
    assert.throws(() => shortenNames(wasm, `${GLUE} ${LONG_IMPORT};`), /2 times, not once/);
  });

  it('leaves an export alone that the glue spells as a string', () => {
    const out = shortenNames(assemble(), `${GLUE} wasm["__wbindgen_malloc"];`);
    assert.ok(WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)).some((e) => e.name === '__wbindgen_malloc'));
    assert.ok(out.glue.includes('wasm.__wbindgen_malloc(8)'));
  });

  it('short names are unique and never a keyword', () => {
    const names = Array.from({ length: 3000 }, (_, n) => shortName(n));
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-zA-Z]+_?$/);
    assert.ok(!names.includes('if') && !names.includes('in') && !names.includes('do'));
  });

  it('the release build in dist/ carries only short import names', () => {
    const path = filesUnder(DEFAULT_ROOT).find((p) => p.endsWith('.wasm'));
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(path)));
    assert.ok(imports.length > 100, `${imports.length} imports`);
    for (const { module, name } of imports) assert.ok(module === IMPORT_MODULE && name.length <= 3, `import ${module} ${name}`);
  });
});
