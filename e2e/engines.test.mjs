// What differs by browser engine, in the three readers use (e2e/engines.mjs): Chromium, Firefox
// ESR and WebKit (WebKitGTK's MiniBrowser). Each test runs in each engine, on the release build
// served with its CSP: the pre-rendered pages (/, en/, embed/rural/, no query) are taken over
// in place, their nodes kept, every chart drawn and answering the mouse and keys; without
// JavaScript, / and en/ show every figure, name, source sentence, data table and chart image;
// the page loads with no error and draws every chart at the pixel ratio; every label's ink is
// centred on its line box, as the scene lays it out, within 1 CSS px, on the canvas and in the
// pre-rendered SVG images (charts/zh/<chart>-<width>.svg, decoded by the engine
// in an <img>, measured at 1,056 and 706 px against the canvas's line boxes); every item shows
// its details under the mouse, a finger and the keyboard; the embedded page reports its height;
// the CSV and PNG downloads; dark mode. Then, in Chromium, the page without the CSS
// features that engines readers still use lack (README.md, "Browsers").
//
//   node --test e2e/engines.test.mjs
//   E2E_ENGINES=webkit node --test e2e/engines.test.mjs   (one engine)
//   E2E_ENGINES_BREAK=hydration …                          (the takeover made a fresh render: fails)

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGINES, ERROR_RECORDER, launchEngine } from './engines.mjs';
import { CHART_IDS, expectedItem, figure, HEADLINE_CARD_IDS, hydratedAndDrawn, parseItems, sentenceEn, sentenceZh } from './page-helpers.mjs';
import { DEFAULT_ROOT, startServer } from './server.mjs';

const N = CHART_IDS.length;
const ONLY = process.env.E2E_ENGINES?.split(',').filter(Boolean);
const RUN = ONLY?.length ? ENGINES.filter((e) => ONLY.includes(e)) : ENGINES;
/** How far a label's ink may sit from where the scene puts it, CSS px. */
const TEXT_TOLERANCE = 1;
/** The English labels as Chromium sets them, for the other engines to match. */
const CHROMIUM_EN_LABELS = [];
/**
 * The widths of the pre-rendered SVG images measured (of 331, 358, 706, 1,056), with the viewport
 * to try first (corrected if it gives another): a desktop's layout and a tablet's. Not a phone's:
 * WebKitGTK's MiniBrowser keeps its window wider than a 358 px layout (it gave 411 px).
 */
const SVG_WIDTHS = [
  { width: 1056, viewport: 1280 },
  { width: 706, viewport: 785 },
];
/**
 * The control: copies of the 1,056 px images with every text 3 px lower, served from
 * /fixtures/shifted-svg/, must measure 3 px lower and fail the check.
 */
const SVG_SHIFT = 3;
const SHIFTED_SVG = '/fixtures/shifted-svg/';
/**
 * The pre-rendered pages taken over in place (no query: a query may ask for something else), with
 * their charts: both editions and one chart's embed page.
 */
const HYDRATED_PAGES = [
  { path: '', lang: 'zh', charts: CHART_IDS },
  { path: 'en/', lang: 'en', charts: CHART_IDS },
  { path: 'embed/rural/', lang: 'zh', charts: ['rural'], viewport: { width: 640, height: 800 } },
];
/**
 * To see the tests fail on purpose: E2E_ENGINES_BREAK=hydration has the init script take the
 * edition off the page (#app's data-edition) before the wasm reads it, which then renders afresh
 * instead of taking the pre-rendered nodes over (as prerender.test.mjs's break of the same name).
 */
const BREAK = process.env.E2E_ENGINES_BREAK ?? '';
if (BREAK && BREAK !== 'hydration') throw new Error(`E2E_ENGINES_BREAK=${BREAK}: only "hydration"`);

// --- functions run in the page (self-contained: they are sent as source) ---------------------

function chartsDrawn(n) {
  const canvases = [...document.querySelectorAll('figure.chart canvas.chart-canvas')];
  return canvases.length >= n && canvases.every((c) => !c.hidden && c.dataset.items && c.width > 0);
}

function recordedErrors() {
  return window.__e2eErrors ?? ['the error recorder did not run (no /__e2e/init.js?)'];
}

/**
 * Each canvas: its CSS size, backing store, and whether anything is drawn on it. The page's canvases
 * show bitmaps (bitmaprenderer): their pixels are read from a 2D copy.
 */
function canvasReport() {
  return [...document.querySelectorAll('figure.chart canvas.chart-canvas')].map((c) => {
    const r = c.getBoundingClientRect();
    const data = ((g) => (g.drawImage(c, 0, 0), g))(Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d')).getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return {
      id: c.closest('figure.chart').dataset.chartId,
      cssWidth: parseFloat(c.style.width),
      cssHeight: parseFloat(c.style.height),
      boxWidth: c.closest('.canvas-box').getBoundingClientRect().width || r.width,
      width: c.width,
      height: c.height,
      painted: painted / (c.width * c.height),
      ratio: devicePixelRatio,
    };
  });
}

/**
 * Where each label's ink is against its line box (`boxes`, [x, y, w, h] in CSS px, as the scene
 * lays them out), read from RGBA pixels `data` (W × H device px, `ratio` per CSS px): the same
 * measure for the canvas and the SVG images. A row has ink where pixels differ from the row's
 * commonest colour (the background, a tile's tint); what crosses every row (a tile's side,
 * hatching) is subtracted. The ink is the run of inked rows that overlaps the line box most (the
 * lines above and below are runs of their own). Returns [{ chart, index, box, ink, delta }] in CSS
 * px, delta null when no ink was found.
 */
function inkOffsets({ chart, data, W, H, ratio, boxes }) {
  const results = [];
  boxes.forEach(([x, y, w, h], index) => {
    if (w <= 0) return;
    const size = h / 1.25;
    const x0 = Math.max(0, Math.floor(x * ratio));
    const x1 = Math.min(W, Math.ceil((x + w) * ratio));
    const top = Math.max(0, Math.floor((y - 0.35 * size) * ratio));
    const bottom = Math.min(H, Math.ceil((y + h + 0.35 * size) * ratio));
    const ink = [];
    for (let row = top; row < bottom; row++) {
      const counts = new Map();
      for (let col = x0; col < x1; col++) {
        const i = (row * W + col) * 4;
        const key = ((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      let mode = 0;
      let best = -1;
      for (const [key, n] of counts) if (n > best) [best, mode] = [n, key];
      const m = [mode >>> 24, (mode >>> 16) & 255, (mode >>> 8) & 255, mode & 255];
      let n = 0;
      for (let col = x0; col < x1; col++) {
        const i = (row * W + col) * 4;
        const d = Math.abs(data[i] - m[0]) + Math.abs(data[i + 1] - m[1]) + Math.abs(data[i + 2] - m[2]) + Math.abs(data[i + 3] - m[3]);
        if (d > 96) n++;
      }
      ink.push(n);
    }
    const base = Math.min(...ink);
    const threshold = base === 0 ? 0 : base + Math.max(2, Math.ceil(base / 2));
    const runs = [];
    ink.forEach((n, k) => {
      if (n <= threshold) return;
      const last = runs.at(-1);
      if (last && k - last.end <= 1) last.end = k;
      else runs.push({ start: k, end: k });
    });
    const boxTop = y * ratio - top;
    const boxBottom = (y + h) * ratio - top;
    const overlap = (r) => Math.min(r.end + 1, boxBottom) - Math.max(r.start, boxTop);
    const run = runs.sort((a, b) => overlap(b) - overlap(a))[0];
    const box = y + h / 2;
    if (!run || overlap(run) <= 0) {
      results.push({ chart, index, box, ink: null, delta: null });
      return;
    }
    const inkMiddle = (top + (run.start + run.end + 1) / 2) / ratio;
    results.push({ chart, index, box, ink: inkMiddle, delta: inkMiddle - box, size });
  });
  return results;
}

/** The RGBA pixels of `source` (a canvas, an image) drawn into a W × H 2D canvas. */
function pixelsOf(source, W, H) {
  const g = Object.assign(document.createElement('canvas'), { width: W, height: H }).getContext('2d');
  g.drawImage(source, 0, 0, W, H);
  return g.getImageData(0, 0, W, H).data;
}

/** The line boxes of a drawn canvas's labels (its data-labels), [x, y, w, h] in CSS px. */
function labelBoxes(canvas) {
  return (canvas.dataset.labels ?? '').split(';').filter(Boolean).map((e) => e.split(',').map(Number));
}

/** Every chart's labels on its canvas, measured by inkOffsets. */
function measureLabels() {
  return [...document.querySelectorAll('figure.chart canvas.chart-canvas')].flatMap((canvas) =>
    // eslint-disable-next-line no-undef
    __e2e.inkOffsets({
      chart: canvas.closest('figure.chart').dataset.chartId,
      // eslint-disable-next-line no-undef
      data: __e2e.pixelsOf(canvas, canvas.width, canvas.height),
      W: canvas.width,
      H: canvas.height,
      ratio: canvas.width / parseFloat(canvas.style.width),
      // eslint-disable-next-line no-undef
      boxes: __e2e.labelBoxes(canvas),
    }),
  );
}

/**
 * Every chart's labels in its pre-rendered SVG image `${base}<chart>-<width>.svg`, as an <img>
 * decodes it, drawn into a 2D canvas at the drawn canvas's pixel ratio and measured by inkOffsets
 * against the canvas's line boxes (data-labels): the page must be laid out at `width`. Returns
 * { images: [{ chart, src, canvasWidth, canvasHeight, width, height }], labels }.
 */
async function measureSvgLabels({ width, base }) {
  const images = [];
  const labels = [];
  for (const canvas of document.querySelectorAll('figure.chart canvas.chart-canvas')) {
    const chart = canvas.closest('figure.chart').dataset.chartId;
    const src = `${base}${chart}-${width}.svg`;
    const img = new Image();
    await new Promise((ok, fail) => {
      img.onload = ok;
      img.onerror = () => fail(new Error(`${src} did not load`));
      img.src = src;
    });
    const canvasWidth = parseFloat(canvas.style.width);
    const canvasHeight = parseFloat(canvas.style.height);
    images.push({ chart, src, canvasWidth, canvasHeight, width: img.naturalWidth, height: img.naturalHeight });
    if (canvasWidth !== img.naturalWidth || canvasHeight !== img.naturalHeight) continue;
    const ratio = canvas.width / canvasWidth;
    const W = Math.round(img.naturalWidth * ratio);
    const H = Math.round(img.naturalHeight * ratio);
    // eslint-disable-next-line no-undef
    labels.push(...__e2e.inkOffsets({ chart, data: __e2e.pixelsOf(img, W, H), W, H, ratio, boxes: __e2e.labelBoxes(canvas) }));
  }
  return { images, labels };
}

/** Scroll chart `id`'s point (cx, cy) to the viewport's middle; returns it in viewport px. */
function scrollToPoint({ id, cx, cy }) {
  const box = document.querySelector(`figure.chart[data-chart-id="${id}"] .canvas-box`);
  window.scrollTo(0, window.scrollY + box.getBoundingClientRect().top + cy - window.innerHeight / 2);
  return new Promise((done) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const r = box.getBoundingClientRect();
        done({ x: r.left + cx, y: r.top + cy });
      }),
    ),
  );
}

/** Chart `id`'s active item and its tooltip's title, when the tooltip shows. */
function chartShows(id) {
  const fig = document.querySelector(`figure.chart[data-chart-id="${id}"]`);
  const tip = fig.querySelector('.chart-tooltip[role=tooltip]');
  const visible = !!tip && getComputedStyle(tip).display !== 'none' && tip.getBoundingClientRect().height > 0;
  return {
    active: fig.querySelector('canvas.chart-canvas').getAttribute('data-active-item'),
    title: visible ? (tip.querySelector('.details-title')?.textContent ?? null) : null,
  };
}

/** The iframe of a framing page and the page in it: their heights when they agree, else null. */
function frameFit() {
  const frame = document.querySelector('iframe');
  const doc = frame?.contentDocument?.documentElement;
  const canvas = frame?.contentDocument?.querySelector('canvas.chart-canvas');
  if (!doc || !canvas || !(canvas.width > 0)) return null;
  const outer = frame.getBoundingClientRect().height;
  const inner = doc.getBoundingClientRect().height;
  return Math.abs(outer - inner) <= 1 ? { outer, inner, width: frame.getBoundingClientRect().width } : null;
}

/** The helpers above, for functions run in the page: `__e2e.chartShows(id)`. */
const PAGE_HELPERS = `window.__e2e = { chartShows: ${chartShows}, frameFit: ${frameFit}, inkOffsets: ${inkOffsets}, pixelsOf: ${pixelsOf}, labelBoxes: ${labelBoxes} };\n`;

/** Chart `id` shows item `key` with a tooltip: { active, title }, or null. */
function showsItem({ id, key }) {
  // eslint-disable-next-line no-undef
  const s = __e2e.chartShows(id);
  return s.active === key && s.title !== null ? s : null;
}

/**
 * Records what the page offers for download (the link it clicks, and the blob behind a blob:
 * address, which the CSP's connect-src keeps fetch from reading) instead of saving it. (Without
 * it, WebKitGTK's MiniBrowser saves both files to $HOME, with no dialog and no navigation.)
 */
const DOWNLOAD_RECORDER = `(function () {
  var offered = (window.__e2eDownloads = []);
  var blobs = (window.__e2eBlobs = {});
  var createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    var url = createObjectURL.call(URL, blob);
    blobs[url] = blob;
    return url;
  };
  var click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) offered.push({ name: this.download, href: this.href });
    else click.call(this);
  };
})();
`;

/** The text of the download called `name`, when offered; PNG files as their size. */
async function downloaded(name) {
  const offer = (window.__e2eDownloads ?? []).find((d) => d.name === name);
  if (!offer) return null;
  const bytes = offer.href.startsWith('data:')
    ? Uint8Array.from(atob(offer.href.slice(offer.href.indexOf(',') + 1)), (c) => c.charCodeAt(0))
    : new Uint8Array(await window.__e2eBlobs[offer.href].arrayBuffer());
  if (name.endsWith('.png')) {
    const view = new DataView(bytes.buffer);
    return { signature: [...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''), width: view.getUint32(16), height: view.getUint32(20) };
  }
  return { text: new TextDecoder().decode(bytes), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/**
 * The page without JavaScript, as the engine shows it (its own scripts off, WebDriver's running):
 * whether a script of the page ran (index.html's head marks <html data-window>, the wasm
 * <html data-hydrating>), the style sheets that applied, the
 * headline cards' parts, and each chart's parts and image. Shown means rendered with a box and
 * text (checkVisibility: not display:none, visibility:hidden or content-visibility:hidden).
 */
function noScriptReport() {
  const shown = (el) => {
    const r = el?.getBoundingClientRect();
    return !!el && el.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.height > 0 && el.textContent.trim().length > 0;
  };
  const text = (el) => el?.textContent ?? null;
  return {
    scripted: document.documentElement.hasAttribute('data-window') || document.documentElement.hasAttribute('data-hydrating'),
    lang: document.documentElement.lang,
    sheets: [...document.styleSheets].map((s) => ({ href: (s.href ?? '').replace(/^.*\//, ''), rules: s.cssRules.length })),
    cards: [...document.querySelectorAll('.card[data-figure-id]')].map((card) => ({
      id: card.dataset.figureId,
      value: shown(card.querySelector('.card-value')),
      label: shown(card.querySelector('.card-label')),
      source: shown(card.querySelector('.details-source')),
      sourceText: text(card.querySelector('.details-source')),
      sourceEn: text(card.querySelector('.details-source-en')),
      sourceEnShown: shown(card.querySelector('.details-source-en')),
    })),
    charts: [...document.querySelectorAll('figure.chart')].map((fig) => {
      const img = fig.querySelector('.chart-picture img');
      const rows = [...fig.querySelectorAll('.data-table tbody tr')];
      const box = img?.getBoundingClientRect();
      return {
        id: fig.dataset.chartId,
        title: shown(fig.querySelector('.chart-title')),
        note: shown(fig.querySelector('.chart-note')),
        source: shown(fig.querySelector('.chart-source')),
        rows: rows.length,
        rowsHidden: rows.filter((tr) => !shown(tr.querySelector('th')) || !shown(tr.querySelector('td:last-child'))).map((tr) => tr.dataset.key),
        image: img && { src: img.currentSrc, complete: img.complete, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight, width: box.width, height: box.height, visible: img.checkVisibility({ visibilityProperty: true }) },
        bodyWidth: fig.querySelector('.chart-body').getBoundingClientRect().width,
      };
    }),
    controls: [...document.querySelectorAll('.chart-controls, .page-downloads, .embed-control, .download-status, button, textarea')]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().height > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    otherEdition: [...document.querySelectorAll('.lang-switch a.lang-link')].map((a) => ({ href: a.href, shown: a.checkVisibility() })),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    viewport: innerWidth,
  };
}

/** Scrolls chart `id`'s image into view; true once it has loaded (or failed). */
function chartImageSettled(id) {
  const img = document.querySelector(`figure.chart[data-chart-id="${id}"] .chart-picture img`);
  if (!img) return true;
  img.scrollIntoView({ block: 'center' });
  return img.complete && img.currentSrc !== '';
}

/**
 * Keeps the pre-rendered page's elements before the wasm can touch them: when parsing ends
 * (readyState "interactive", which comes before any deferred or module script runs, and the
 * wasm's loader is a module script), every element in #app, and whether the app had started or
 * drawn by then. Records whether <html data-hydrating> was ever set (src/main.rs sets it while
 * taking the page over) and counts this tab's loads (static/page.js reloads the page when a
 * takeover fails, to render it afresh).
 */
const HYDRATION_WATCH = `(function () {
  var seen = (window.__e2eHydration = { hydrating: false, loads: -1, pre: null });
  try {
    seen.loads = Number(sessionStorage.getItem('e2e-loads') || 0) + 1;
    sessionStorage.setItem('e2e-loads', String(seen.loads));
  } catch (e) {}
  new MutationObserver(function (records) {
    records.forEach(function (r) { if (r.oldValue === null) seen.hydrating = true; });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-hydrating'], attributeOldValue: true });
  document.addEventListener('readystatechange', function () {
    if (document.readyState !== 'interactive' || seen.pre) return;
    var app = document.getElementById('app');
    seen.pre = {
      started: window.wasmBindings !== undefined,
      drawn: document.querySelectorAll('.canvas-box[data-drawn]').length,
      edition: app && app.getAttribute('data-edition'),
      nodes: app ? [].slice.call(app.querySelectorAll('*')) : [],
      pictures: app ? [].slice.call(app.querySelectorAll('.chart-picture, .chart-picture *')) : [],
    };
    ${BREAK === 'hydration' ? "if (app) app.removeAttribute('data-edition');" : ''}
  });
})();
`;

/**
 * What became of the elements HYDRATION_WATCH kept: how many are still in the page, the ones gone
 * other than the charts' pictures (each .chart-picture leaves once its chart is drawn,
 * chart_canvas.rs), and the page's key elements now that were not among them (made anew).
 */
function hydrationReport() {
  const seen = window.__e2eHydration;
  if (!seen?.pre) return { error: 'the watch did not run before the wasm (no /__e2e/init.js?)' };
  const pre = seen.pre.nodes;
  const kept = new Set(pre);
  const pictures = new Set(seen.pre.pictures);
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const made = {};
  for (const sel of ['.page-title', '.card[data-figure-id]', 'figure.chart', 'figure.chart .chart-title', 'figure.chart .chart-note', 'figure.chart canvas.chart-canvas', '.data-table tbody tr']) {
    const now = [...document.querySelectorAll(sel)];
    const fresh = now.filter((el) => !kept.has(el)).length;
    if (fresh) made[sel] = `${fresh} of ${now.length}`;
  }
  return {
    started: seen.pre.started,
    drawnBefore: seen.pre.drawn,
    edition: seen.pre.edition,
    hydrating: seen.hydrating,
    loads: seen.loads,
    takeoverFailed: sessionStorage.getItem('banan-takeover-failed'),
    elements: pre.length,
    connected: pre.filter((el) => el.isConnected).length,
    gone: [...new Set(pre.filter((el) => !el.isConnected && !pictures.has(el)).map(name))],
    pictures: document.querySelectorAll('figure.chart .chart-picture').length,
    made,
    panel: !!document.querySelector('.panic-panel, .error-panel'),
  };
}

/**
 * Removes `properties` from every rule of the page's style sheets as they load, as an engine that
 * does not know them drops them while parsing; `CSS.supports` says no to them too.
 */
function withoutCss(properties) {
  return `(function () {
  var gone = ${JSON.stringify(properties)};
  function strip(rules) {
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i];
      if (rule.style) gone.forEach(function (p) { rule.style.removeProperty(p); });
      if (rule.cssRules) strip(rule.cssRules);
    }
  }
  function stripAll() { for (var i = 0; i < document.styleSheets.length; i++) strip(document.styleSheets[i].cssRules); }
  addEventListener('load', stripAll, true);
  document.addEventListener('DOMContentLoaded', stripAll);
  var supports = CSS.supports;
  CSS.supports = function (a, b) {
    var text = String(b === undefined ? a : a);
    return gone.some(function (p) { return text.indexOf(p) >= 0; }) ? false : supports.apply(CSS, arguments);
  };
})();
`;
}

// --- the tests --------------------------------------------------------------------------------

let server;
let shiftedDir;
before(async () => {
  shiftedDir = mkdtempSync(join(tmpdir(), 'engines-svg-'));
  for (const id of CHART_IDS) {
    const svg = readFileSync(join(DEFAULT_ROOT, 'charts', 'zh', `${id}-1056.svg`), 'utf8');
    let moved = 0;
    const shifted = svg.replace(/(<text x="[^"]*" y=")([-\d.]+)"/g, (_, head, y) => (moved++, `${head}${Number(y) + SVG_SHIFT}"`));
    assert.equal(moved, svg.split('<text').length - 1, `${id}-1056.svg: every <text> moved`);
    writeFileSync(join(shiftedDir, `${id}-1056.svg`), shifted);
  }
  server = await startServer({ initScript: true, mounts: { [SHIFTED_SVG]: shiftedDir } });
});
after(async () => {
  await server?.close();
  if (shiftedDir) rmSync(shiftedDir, { recursive: true, force: true });
});

/** Opens `query` of the build in `engine` with `init` run first; waits for every chart. */
async function openGraphic(engine, query, { init = '', charts = N, ...viewport } = {}) {
  server.setInitScript(ERROR_RECORDER + PAGE_HELPERS + init);
  const page = await engine.open(`${server.url}${query}`, viewport);
  try {
    if (charts > 0) await page.waitFor(chartsDrawn, charts, { what: `${charts} charts drawn` });
  } catch (error) {
    const errors = await page.evaluate(recordedErrors).catch(() => []);
    await page.close();
    throw new Error(`${error.message}; the page recorded: ${JSON.stringify(errors)}`);
  }
  return page;
}

/**
 * Opens `query` with its charts laid out `width` CSS px wide: at `viewport` px, then at viewports
 * corrected by what each gave (a scrollbar, margins in vw), at most three times.
 */
async function openAtChartWidth(engine, query, { width, viewport }) {
  const chartWidth = () => parseFloat(document.querySelector('figure.chart canvas.chart-canvas').style.width);
  for (let attempt = 0; ; attempt++) {
    const page = await openGraphic(engine, query, { width: viewport, height: 844 });
    const got = await page.evaluate(chartWidth);
    if (got === width || attempt === 3) return page;
    await page.close();
    viewport += width - got;
  }
}

/** One line for the diagnostics: labels measured, mean offset, worst per chart (CSS px, + is lower). */
function describeOffsets(labels) {
  const measured = labels.filter((l) => l.delta !== null);
  const byChart = new Map();
  for (const l of measured) {
    const worst = byChart.get(l.chart);
    if (!worst || Math.abs(l.delta) > Math.abs(worst.delta)) byChart.set(l.chart, l);
  }
  const summary = [...byChart.values()].map((l) => `${l.chart} ${l.delta >= 0 ? '+' : ''}${l.delta.toFixed(2)}`);
  const mean = measured.reduce((s, l) => s + l.delta, 0) / measured.length;
  const worst = Math.max(...measured.map((l) => Math.abs(l.delta)));
  const beyond = measured.filter((l) => Math.abs(l.delta) > TEXT_TOLERANCE).length;
  return (
    `${measured.length} labels, ink middle − line box middle (CSS px, + is lower): mean ${mean.toFixed(2)}, ` +
    `worst |${worst.toFixed(2)}|, ${beyond} beyond ${TEXT_TOLERANCE}; worst per chart: ${summary.join(', ')}`
  );
}

async function assertNoPageErrors(page, when) {
  assert.deepEqual(await page.evaluate(recordedErrors), [], `errors on the page (${when})`);
}

for (const name of RUN) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await launchEngine(name);
    });
    after(async () => {
      await engine?.close();
    });

    it('loads with no error and draws every chart at the pixel ratio', async (t) => {
      t.diagnostic(`${name}: ${engine.version}`);
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const page = await openGraphic(engine, '?lang=zh', viewport);
        try {
          const canvases = await page.evaluate(canvasReport);
          assert.equal(canvases.length, N, `${N} charts at ${viewport.width} px`);
          for (const c of canvases) {
            const at = `${c.id} at ${viewport.width} px`;
            assert.equal(c.ratio, engine.pixelRatio, `${at}: devicePixelRatio`);
            assert.equal(c.width, Math.round(c.cssWidth * c.ratio), `${at}: backing store width`);
            assert.equal(c.height, Math.round(c.cssHeight * c.ratio), `${at}: backing store height`);
            assert.ok(Math.abs(c.cssWidth - c.boxWidth) <= 1, `${at}: drawn ${c.cssWidth} px wide in a ${c.boxWidth} px box`);
            assert.ok(c.painted > 0.01, `${at}: only ${(c.painted * 100).toFixed(2)} % of the canvas is drawn`);
          }
          await assertNoPageErrors(page, `${viewport.width} px`);
        } finally {
          await page.close();
        }
      }
    });

    // The addresses readers are sent to, with no query: pre-rendered, then taken over in place.
    it('takes over the pre-rendered pages in place (the same nodes afterwards), draws every chart, and shows a tooltip under the mouse and keys', async (t) => {
      for (const { path, lang, charts, viewport = { width: 1280, height: 800 } } of HYDRATED_PAGES) {
        const page = await openGraphic(engine, path, { ...viewport, charts: charts.length, init: HYDRATION_WATCH });
        try {
          await page.waitFor(hydratedAndDrawn, charts.length, { what: `/${path}: taken over, ${charts.length} charts drawn` });
          const report = await page.evaluate(hydrationReport);
          assert.equal(report.error, undefined);
          t.diagnostic(`${name} /${path}: ${report.connected} of ${report.elements} pre-rendered elements kept; gone besides pictures: ${JSON.stringify(report.gone)}`);
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en', `/${path}: html lang`);
          assert.equal(report.edition, path, `/${path}: the edition the build wrote into the page`);
          assert.ok(report.elements > 50, `/${path}: only ${report.elements} pre-rendered elements`);
          assert.deepEqual(report.made, {}, `/${path}: elements made anew instead of taken over`);
          assert.deepEqual(report.gone, [], `/${path}: pre-rendered elements gone (besides the charts' pictures)`);
          assert.deepEqual(
            { started: report.started, drawnBefore: report.drawnBefore, hydrating: report.hydrating, loads: report.loads, takeoverFailed: report.takeoverFailed, panel: report.panel },
            { started: false, drawnBefore: 0, hydrating: true, loads: 1, takeoverFailed: null, panel: false },
            `/${path}: kept before the wasm ran, taken over (data-hydrating) in one load, no error panel`,
          );
          assert.equal(report.pictures, 0, `/${path}: pictures left after every chart was drawn`);
          assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('figure.chart')].map((f) => f.dataset.chartId)), charts, `/${path}: charts`);

          // Each chart answers the mouse and the keyboard with its tooltip.
          const waitShows = (id, key, what) =>
            page.waitFor(showsItem, { id, key }, { what, timeout: 5000 })
              .catch(async (error) => { throw new Error(`${error.message}; shown: ${JSON.stringify(await page.evaluate(chartShows, id))}`); });
          for (const id of charts) {
            const items = parseItems(await page.evaluate((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`).dataset.items, id));
            const item = items[Math.floor(items.length / 2)];
            const point = await page.evaluate(scrollToPoint, { id, cx: item.cx, cy: item.cy });
            await page.mouseMove(1, 1);
            await page.mouseMove(point.x, point.y);
            await waitShows(id, item.key, `/${path} ${id}: ${item.key} under the mouse`);
            await page.mouseMove(0, 0);
            await page.evaluate((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] .canvas-box`).focus(), id);
            await page.press('End');
            await waitShows(id, items.at(-1).key, `/${path} ${id}: End shows ${items.at(-1).key}`);
            await page.press('Escape');
          }
          await assertNoPageErrors(page, `/${path}`);
        } finally {
          await page.close();
        }
      }
    });

    // A reader with JavaScript off (or a wasm that never came) reads the pre-rendered page:
    // static/noscript.css, linked in a <noscript>, shows the source sentences and data tables.
    it('without JavaScript, shows every figure, name, source sentence and chart image', async (t) => {
      for (const { path, lang, viewport } of [
        { path: '', lang: 'zh', viewport: { width: 390, height: 844 } },
        { path: 'en/', lang: 'en', viewport: { width: 1280, height: 800 } },
      ]) {
        const page = await engine.open(`${server.url}${path}`, { ...viewport, javaScript: false });
        try {
          for (const id of CHART_IDS) await page.waitFor(chartImageSettled, id, { what: `/${path} ${id}: its image loaded` });
          await page.evaluate(() => window.scrollTo(0, 0));
          const r = await page.evaluate(noScriptReport);
          t.diagnostic(`${name} /${path} without JavaScript at ${r.viewport} px: ${r.cards.length} cards, ${r.charts.length} charts, ${r.charts.reduce((n, c) => n + c.rows, 0)} table rows, images ${[...new Set(r.charts.map((c) => c.image?.src.replace(/^.*\/charts\//, '').replace(/^[a-z]+\/[a-z-]+-/, '')))].join(', ')}`);
          assert.equal(r.scripted, false, `/${path}: the page's scripts ran`);
          assert.equal(r.lang, lang === 'zh' ? 'zh-CN' : 'en');

          const problems = [];
          assert.deepEqual(r.cards.map((c) => c.id), [...HEADLINE_CARD_IDS], `/${path}: headline cards`);
          for (const c of r.cards) {
            const f = figure(c.id);
            for (const part of ['value', 'label', 'source']) if (!c[part]) problems.push(`${c.id}: ${part} not shown`);
            if (!c.sourceText?.includes(sentenceZh(f.source))) problems.push(`${c.id}: the Chinese sentence is not there verbatim`);
            if (lang === 'en' && (!c.sourceEnShown || c.sourceEn !== sentenceEn(f.source))) problems.push(`${c.id}: the English sentence is not shown`);
          }
          assert.deepEqual(r.charts.map((c) => c.id), [...CHART_IDS], `/${path}: charts`);
          for (const c of r.charts) {
            for (const part of ['title', 'note', 'source']) if (!c[part]) problems.push(`${c.id}: ${part} not shown`);
            if (c.rows === 0) problems.push(`${c.id}: no data-table rows`);
            if (c.rowsHidden.length) problems.push(`${c.id}: rows without a shown name or sentence: ${c.rowsHidden.join(', ')}`);
            const img = c.image;
            if (!img || !img.visible || !img.complete || img.naturalWidth === 0 || img.height === 0) {
              problems.push(`${c.id}: image not shown ${JSON.stringify(img)}`);
            } else {
              if (!new RegExp(`/charts/${lang}/${c.id}-(331|358|706|1056)\\.svg$`).test(img.src)) problems.push(`${c.id}: image ${img.src}`);
              // As drawn, or narrower to fit its chart's body, unsquashed: between the widths the
              // build draws for, as in WebKitGTK's narrowest window (447 px, a 411 px chart body)
              // or beside headless Firefox's 12 px scrollbar (a 347 px body at 390 px), the image
              // is not stretched.
              const want = Math.min(img.naturalWidth, c.bodyWidth);
              if (Math.abs(img.width - want) > 1) problems.push(`${c.id}: image ${img.width} px wide (${img.naturalWidth} px drawn) in a ${c.bodyWidth} px chart body`);
              if (Math.abs(img.height - (img.width * img.naturalHeight) / img.naturalWidth) > 1) problems.push(`${c.id}: image ${img.width} × ${img.height} px, drawn ${img.naturalWidth} × ${img.naturalHeight}`);
            }
          }
          assert.deepEqual(problems, [], `/${path}: not readable without JavaScript`);
          assert.deepEqual(r.controls, [], `/${path}: controls that need the script shown`);
          const sheets = Object.fromEntries(r.sheets.map((s) => [s.href.replace(/-[0-9a-f]{16}\./, '.'), s.rules > 0]));
          assert.deepEqual(sheets, { 'style.css': true, 'noscript.css': true }, `/${path}: style sheets applied`);
          assert.deepEqual(r.otherEdition, [{ href: `${server.url}${lang === 'zh' ? 'en/' : ''}`, shown: true }], `/${path}: the link to the other edition`);
          assert.ok(r.overflow <= 0, `/${path}: ${r.overflow} px wider than the viewport`);
        } finally {
          await page.close();
        }
      }
    });

    // Chinese labels (ideographs with digits and Latin capitals) have their ink's middle where the
    // line's is meant to be (src/charts/draw.rs, INK_MIDDLE_EM); a Latin line's ink middle depends on
    // its letters (descenders), so English labels must sit where Chromium sets them.
    it(`centres every Chinese label on its line box within ${TEXT_TOLERANCE} CSS px, and sets English ones as Chromium`, async (t) => {
      for (const lang of ['zh', 'en']) {
        const page = await openGraphic(engine, `?lang=${lang}`, { width: 1280, height: 800 });
        try {
          const labels = await page.evaluate(measureLabels);
          t.diagnostic(`${name} ${lang}: ${describeOffsets(labels)}`);
          assert.ok(labels.length > 50, `only ${labels.length} labels`);
          assert.deepEqual(labels.filter((l) => l.delta === null), [], `${lang}: labels with no ink found`);
          if (lang === 'zh') {
            const off = labels.filter((l) => Math.abs(l.delta) > TEXT_TOLERANCE);
            assert.deepEqual(off, [], `${lang}: labels more than ${TEXT_TOLERANCE} CSS px off`);
          } else if (name === 'chromium') {
            CHROMIUM_EN_LABELS.splice(0, Infinity, ...labels);
          } else {
            assert.equal(CHROMIUM_EN_LABELS.length, labels.length, 'English labels measured in Chromium first (E2E_ENGINES without chromium?)');
            const apart = labels.filter((l, i) => Math.abs(l.ink - CHROMIUM_EN_LABELS[i].ink) > TEXT_TOLERANCE);
            assert.deepEqual(apart, [], `${lang}: labels more than ${TEXT_TOLERANCE} CSS px from where Chromium sets them`);
          }
        } finally {
          await page.close();
        }
      }
    });

    // The pre-rendered SVG images (charts/zh/<chart>-<width>.svg, shown until the wasm draws) as
    // this engine decodes them in an <img>, measured as the canvas is, against the drawn canvas's
    // line boxes at the same width; then a copy with every text moved down, which must fail.
    it(`centres every Chinese label of the SVG images on its line box within ${TEXT_TOLERANCE} CSS px`, async (t) => {
      for (const at of SVG_WIDTHS) {
        await t.test(`${at.width} px`, async (t) => {
          const page = await openAtChartWidth(engine, '?lang=zh', at);
          try {
            const { images, labels } = await page.evaluate(measureSvgLabels, { width: at.width, base: 'charts/zh/' });
            assert.equal(images.length, N, `${N} images`);
            for (const i of images) {
              assert.deepEqual([i.width, i.height], [i.canvasWidth, i.canvasHeight], `${i.src}: its size against the drawn canvas's`);
            }
            t.diagnostic(`${name} svg ${at.width} px: ${describeOffsets(labels)}`);
            if (at.width === 1056) {
              await t.test(`the control: every text ${SVG_SHIFT} px lower is seen and fails`, async (t) => {
                const moved = (await page.evaluate(measureSvgLabels, { width: at.width, base: SHIFTED_SVG.slice(1) })).labels;
                t.diagnostic(`${name} svg ${at.width} px, every text ${SVG_SHIFT} px lower: ${describeOffsets(moved)}`);
                assert.equal(moved.length, labels.length, 'every label measured');
                const unseen = moved.filter((l, k) => l.delta === null || labels[k].ink === null || Math.abs(l.ink - labels[k].ink - SVG_SHIFT) > 0.5 || Math.abs(l.delta) <= TEXT_TOLERANCE);
                assert.deepEqual(unseen, [], `labels not measured ${SVG_SHIFT} px lower, or passing`);
              });
            }
            assert.ok(labels.length > 50, `only ${labels.length} labels`);
            assert.deepEqual(labels.filter((l) => l.delta === null), [], `${at.width} px: labels with no ink found`);
            const off = labels.filter((l) => Math.abs(l.delta) > TEXT_TOLERANCE);
            assert.deepEqual(off, [], `${at.width} px: labels more than ${TEXT_TOLERANCE} CSS px off in the SVG images`);
            await assertNoPageErrors(page, `SVG images at ${at.width} px`);
          } finally {
            await page.close();
          }
        });
      }
    });

    it('shows every item of every chart under the mouse, and goes through them by keyboard', async () => {
      const page = await openGraphic(engine, '?lang=zh', { width: 1280, height: 800 });
      try {
        for (const id of CHART_IDS) {
          const items = parseItems(await page.evaluate((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`).dataset.items, id));
          for (const item of items) {
            const point = await page.evaluate(scrollToPoint, { id, cx: item.cx, cy: item.cy });
            // Each item comes to the same place in the viewport, where Firefox sends no second
            // move: come from the page's margin, as a reader's pointer does.
            await page.mouseMove(1, 1);
            await page.mouseMove(point.x, point.y);
            const shown = await page.waitFor(showsItem, { id, key: item.key }, { what: `${id}: ${item.key} shown`, timeout: 5000 })
              .catch(async (error) => { throw new Error(`${error.message}; shown: ${JSON.stringify(await page.evaluate(chartShows, id))}`); });
            assert.equal(shown.active, item.key, `${id}: the mouse over ${item.key}`);
            const want = expectedItem(item.key);
            if (want.kind !== 'derived') assert.equal(shown.title, want.titleZh, `${id}: ${item.key}'s title`);
          }
          // The keyboard: focus the chart, then Home, →, End, Escape.
          await page.mouseMove(0, 0);
          await page.evaluate((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] .canvas-box`).focus(), id);
          const expectKey = async (key, want) => {
            await page.press(key);
            const active = await page.waitFor(
              ({ id, want }) => { const a = document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`).getAttribute('data-active-item'); return a === want ? { a } : null; },
              { id, want },
              { what: `${id}: ${key} shows ${want}`, timeout: 5000 },
            );
            assert.equal(active.a, want);
          };
          await expectKey('Home', items[0].key);
          if (items.length > 1) await expectKey('ArrowRight', items[1].key);
          await expectKey('End', items.at(-1).key);
          await page.press('Escape');
          await page.waitFor((id) => !document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`).hasAttribute('data-active-item'), id, { what: `${id}: Escape closes`, timeout: 5000 });
        }
        await assertNoPageErrors(page, 'hover and keys');
      } finally {
        await page.close();
      }
    });

    it('shows an item under a finger', async () => {
      const page = await openGraphic(engine, '?lang=zh', { width: 390, height: 844, touch: true });
      try {
        for (const id of [CHART_IDS[0], CHART_IDS.at(-1)]) {
          const [item] = parseItems(await page.evaluate((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`).dataset.items, id));
          const point = await page.evaluate(scrollToPoint, { id, cx: item.cx, cy: item.cy });
          await page.tap(point.x, point.y);
          const shown = await page.waitFor(showsItem, { id, key: item.key }, { what: `${id}: ${item.key} shown by a tap`, timeout: 5000 })
            .catch(async (error) => { throw new Error(`${error.message}; shown: ${JSON.stringify(await page.evaluate(chartShows, id))}`); });
          assert.equal(shown.active, item.key);
        }
        await assertNoPageErrors(page, 'taps');
      } finally {
        await page.close();
      }
    });

    it('reports the embedded page’s height to the page that frames it', async () => {
      // A news page of the same site framing one chart with the Embed control's snippet.
      const page = await openGraphic(engine, 'fixtures/engines/embed.html', { width: 1280, height: 800, charts: 0 });
      try {
        // eslint-disable-next-line no-undef
        const wide = await page.waitFor(() => __e2e.frameFit(), null, { what: 'the iframe as tall as its page' });
        await page.evaluate(() => { document.querySelector('iframe').style.width = '360px'; });
        // eslint-disable-next-line no-undef
        const narrow = await page.waitFor((wide) => { const f = __e2e.frameFit(); return f && f.width < 400 && f.outer !== wide ? f : null; }, wide.outer, { what: 'the iframe as tall as its page at 360 px' });
        assert.ok(narrow.outer > wide.outer, `taller when narrow: ${wide.outer} px at ${wide.width} px, ${narrow.outer} px at 360 px`);
        await assertNoPageErrors(page, 'the framing page');
        assert.deepEqual(await page.evaluate(() => document.querySelector('iframe').contentWindow.__e2eErrors), [], 'errors in the frame');
      } finally {
        await page.close();
      }
    });

    it('offers a chart as CSV and PNG', async () => {
      const page = await openGraphic(engine, '?lang=zh', { width: 1280, height: 800, init: DOWNLOAD_RECORDER });
      try {
        const id = CHART_IDS[0];
        await page.evaluate((id) => {
          const buttons = document.querySelectorAll(`figure.chart[data-chart-id="${id}"] .chart-controls button`);
          buttons[1].click();
          buttons[2].click();
        }, id);
        const csv = await page.waitFor(downloaded, `banan-${id}.csv`, { what: 'the CSV offered' });
        assert.ok(csv.bom, 'the CSV starts with a BOM');
        assert.ok(csv.text.split('\n').length > 2, `the CSV has rows: ${csv.text.slice(0, 200)}`);
        const png = await page.waitFor(downloaded, `banan-${id}.png`, { what: 'the PNG offered' });
        assert.equal(png.signature, 'PNG');
        assert.ok(png.width >= 1000, `the PNG is ${png.width} px wide`);
        await assertNoPageErrors(page, 'downloads');
      } finally {
        await page.close();
      }
    });

    it('draws dark mode in the dark palette', async () => {
      const page = await openGraphic(engine, '?lang=zh&theme=dark', { width: 1280, height: 800 });
      try {
        const colours = await page.evaluate(() => {
          const canvas = document.querySelector('figure.chart canvas.chart-canvas');
          const data = ((g) => (g.drawImage(canvas, 0, 0), g))(Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height }).getContext('2d')).getImageData(0, 0, canvas.width, canvas.height).data;
          let brightest = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] === 255) brightest = Math.max(brightest, (data[i] + data[i + 1] + data[i + 2]) / 3);
          }
          return { theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color, brightest };
        });
        assert.equal(colours.theme, 'dark');
        assert.equal(colours.background, 'rgb(22, 24, 28)');
        assert.equal(colours.text, 'rgb(238, 238, 238)');
        assert.ok(colours.brightest > 200, `the chart's text is light: brightest opaque pixel ${colours.brightest}`);
        await assertNoPageErrors(page, 'dark');
      } finally {
        await page.close();
      }
    });
  });
}

// Engines a reader may still have lack some of what the page uses; in Chromium, with each removed
// as such an engine drops it, the page still works (README.md, "Browsers").
describe('without newer CSS (Chromium)', () => {
  let engine;
  before(async () => {
    engine = await launchEngine('chromium');
  });
  after(async () => {
    await engine?.close();
  });

  it('without content-visibility, scrollbar-gutter and color-scheme: every chart drawn, hovered, dark', async () => {
    const gone = ['content-visibility', 'contain-intrinsic-size', 'scrollbar-gutter', 'color-scheme'];
    for (const theme of ['light', 'dark']) {
      const page = await openGraphic(engine, `?lang=zh&theme=${theme}`, { width: 390, height: 844, init: withoutCss(gone) });
      try {
        const styles = await page.evaluate(() => ({
          contentVisibility: getComputedStyle(document.querySelector('.canvas-box')).contentVisibility,
          gutter: getComputedStyle(document.documentElement).scrollbarGutter,
          scheme: getComputedStyle(document.documentElement).colorScheme,
        }));
        assert.deepEqual(styles, { contentVisibility: 'visible', gutter: 'auto', scheme: 'normal' }, 'the features are gone');
        const canvases = await page.evaluate(canvasReport);
        for (const c of canvases) {
          assert.ok(Math.abs(c.cssWidth - c.boxWidth) <= 1, `${c.id}: drawn ${c.cssWidth} px wide in a ${c.boxWidth} px box`);
          assert.ok(c.painted > 0.01, `${c.id}: blank`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `the page overflows by ${overflow} px`);
        const id = CHART_IDS.at(-1);
        const [item] = parseItems(await page.evaluate((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`).dataset.items, id));
        const point = await page.evaluate(scrollToPoint, { id, cx: item.cx, cy: item.cy });
        await page.mouseMove(point.x, point.y);
        const shown = await page.waitFor(showsItem, { id, key: item.key }, { what: `${id}: ${item.key} hovered`, timeout: 5000 });
        assert.equal(shown.active, item.key);
        const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.tool-button')).color]);
        if (theme === 'dark') assert.deepEqual(colours, ['rgb(22, 24, 28)', 'rgb(238, 238, 238)'], 'dark without color-scheme');
        await assertNoPageErrors(page, `without ${gone.join(', ')}`);
      } finally {
        await page.close();
      }
    }
  });
});
