// `?data=` as an attacker would try it: the release build served WITHOUT a Content-Security-Policy
// (as most hosts serve it unless told) from a folder of its site, /graphics/banan/, and a second
// origin that serves a well-formed data file of its own with `Access-Control-Allow-Origin: *`.
// Every value that names another origin, or climbs out of the graphic's folder, must be refused:
// no request leaves for another origin (every request of the page is recorded), the built-in data
// is shown, and the notice names the value. Files of the graphic's own folder still load, by a
// relative or an absolute address. The decision itself has a native table test
// (src/data_address.rs); this checks what the browser's parser and fetch make of it.
//
//   node --test e2e/data-param.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness.mjs';
import { chromium } from 'playwright-core';
import { ARTICLE } from './page-helpers.mjs';

const FOLDER = '/graphics/banan/';
const THEIR_TITLE = 'Figures from somewhere else';
const OWN_TITLE = 'A data file of the graphic’s own folder';

/** A valid data file whose English title says where it comes from. */
function dataFile(title) {
  return JSON.stringify({ ...ARTICLE, article: { ...ARTICLE.article, title_en: title } });
}

/** The value as the page shows it: control characters written as `%XX` (src/query.rs). */
const visible = (value) =>
  value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

let browser;
let site;
let theirs;
let files;

before(async () => {
  files = mkdtempSync(join(tmpdir(), 'banan-data-param-'));
  writeFileSync(join(files, 'x.json'), dataFile(THEIR_TITLE));
  writeFileSync(join(files, 'own.json'), dataFile(OWN_TITLE));
  site = await startServer({ csp: '', prefix: FOLDER, mounts: { '/own/': files } });
  theirs = await startServer({
    root: files,
    csp: '',
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await theirs?.close();
  rmSync(files, { recursive: true, force: true });
});

/**
 * Opens the English page with `query` written as it is after `?`, and returns what a reader
 * sees and every request the page made (by the time all charts are drawn, when every effect of
 * the first render, the data fetch among them, has run).
 */
async function visit(query) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  try {
    await page.goto(`${site.url}?${query}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelectorAll('figure.chart canvas.chart-canvas[data-items]').length > 0 ||
        document.querySelector('.error-panel'),
      null,
      { timeout: 20_000 },
    );
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 100)));
    const seen = await page.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent ?? null,
      notice: document.querySelector('.notice')?.textContent ?? '',
      errors: [...document.querySelectorAll('.error-panel')].map((e) => e.textContent).join('\n'),
    }));
    return { ...seen, requests };
  } finally {
    await context.close();
  }
}

const own = () => new URL(site.url).origin;
const their = () => new URL(theirs.url).host;

describe('?data= on a page served without a CSP', () => {
  it('the attack is real: the other origin serves its file to this page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url);
      const title = await page.evaluate(
        async (address) => (await (await fetch(address)).json()).article.title_en,
        `${theirs.url}x.json`,
      );
      assert.equal(title, THEIR_TITLE, 'the second origin must answer cross-origin requests');
    } finally {
      await context.close();
    }
  });

  // What goes after `data=` in the address, as a link would carry it: raw, or percent-encoded.
  const refused = () => {
    const host = their();
    const [hostname, port] = host.split(':');
    return [
      `//${host}/x.json`,
      `/\\${host}/x.json`,
      `\\/${host}/x.json`,
      `\\\\${host}/x.json`,
      `/%5C${host}/x.json`,
      `%5C%5C${host}/x.json`,
      `/%09/${host}/x.json`,
      `/%0A/${host}/x.json`,
      `/%0D%0A/${host}/x.json`,
      `%09//${host}/x.json`,
      `%20//${host}/x.json`,
      `%00//${host}/x.json`,
      `/%09%5C${host}/x.json`,
      `%2F%2F${host}%2Fx.json`,
      `http://${host}/x.json`,
      `HtTp://${host}/x.json`,
      `http:%5C%5C${host}/x.json`,
      `https://${host}/x.json`,
      // Another scheme than the page's (http:), without slashes, still names a host.
      `https:${host}/x.json`,
      `http://localhost:${port}/x.json`,
      `http://[::1]:${port}/x.json`,
      `//[::ffff:7f00:1]:${port}/x.json`,
      `//${hostname.split('.').map(Number).reduce((n, b) => n * 256 + b, 0)}:${port}/x.json`,
      `//xn--bcher-kva.example/x.json`,
      `//b%C3%BCcher.example/x.json`,
      `http://${encodeURIComponent(own().slice(7))}@${host}/x.json`,
      encodeURIComponent(`data:application/json,{"article":{"title_en":"${THEIR_TITLE}"}}`),
      `blob:http://${host}/0b1c`,
      `javascript:alert(1)`,
      `JaVaScRiPt:alert(1)`,
      `../x.json`,
      `../../own/own.json`,
      `/own/own.json`,
      `${encodeURIComponent(own())}/own/own.json`,
      ``,
    ];
  };

  it('refuses every form of another origin, and paths out of the folder, before any request', async () => {
    for (const raw of refused()) {
      const value = new URLSearchParams(`data=${raw}`).get('data');
      const seen = await visit(`data=${raw}&lang=en`);
      const strangers = seen.requests.filter((address) => new URL(address).origin !== own());
      assert.deepEqual(strangers, [], `data=${raw}: requests left for another origin`);
      const outside = seen.requests.filter((address) => !new URL(address).pathname.startsWith(FOLDER));
      assert.deepEqual(outside, [], `data=${raw}: requests outside the graphic's folder`);
      assert.equal(seen.heading, ARTICLE.article.title_en, `data=${raw}: not the built-in data`);
      assert.equal(seen.errors, '', `data=${raw}: an error instead of the built-in data`);
      assert.ok(
        seen.notice.includes(`data=${visible(value)} is refused`),
        `data=${raw}: the notice does not name the value ${JSON.stringify(value)}: ${seen.notice}`,
      );
    }
  });

  it('loads a file of its own folder by a relative or an absolute address', async () => {
    for (const raw of ['own/own.json', './own/../own/own.json', `${encodeURIComponent(site.url)}own/own.json`]) {
      const seen = await visit(`data=${raw}&lang=en`);
      assert.equal(seen.heading, OWN_TITLE, `data=${raw}: ${seen.notice}${seen.errors}`);
      assert.equal(seen.notice, '', `data=${raw}`);
      assert.ok(seen.requests.includes(`${site.url}own/own.json`), `data=${raw}: ${seen.requests}`);
    }
  });

  it('an address of its own folder that does not answer is an error naming it', async () => {
    const seen = await visit('data=own/missing.json&lang=en');
    assert.match(seen.errors, /own\/missing\.json/);
    assert.match(seen.errors, /404/);
  });
});
