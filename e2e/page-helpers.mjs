// Shared helpers for the reader-facing end-to-end tests (cards, charts, readers, smoke): a
// suite's server and browser, the article's data as the tests expect to see it, the ids the Rust code
// must show, parsing of the canvas's data-items, and error assertions on top of the harness's
// recording (console errors, page errors, CSP violations, failed requests).

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { ARTIFACTS_DIR, launchBrowser, openPage, waitForContent } from './harness.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * Registers the calling suite's before/after hooks: a server of the release build (dist/, or
 * $E2E_DIST, as server.mjs chooses) and a browser, both closed after the suite. The returned
 * object's `server` and `browser` are set once the suite has started.
 */
export function serveBuildToBrowser() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

// ---------------------------------------------------------------------------------------------
// What the page must show, read from the same files the app is built from.

export const ARTICLE = JSON.parse(readFileSync(join(REPO, 'data/article.json'), 'utf8'));
const FIGURES = new Map(ARTICLE.figures.map((f) => [f.id, f]));
const LISTS = new Map(ARTICLE.lists.map((l) => [l.id, l]));
const SOURCES = new Map(ARTICLE.sources.map((s) => [s.id, s]));

/** The Chinese sentence as the page shows it: verbatim, but without the article's page breaks. */
export function sentenceZh(sourceId) {
  const source = SOURCES.get(sourceId);
  assert.ok(source, `data/article.json has no source "${sourceId}"`);
  return source.zh.replaceAll('\n', '');
}

export function sentenceEn(sourceId) {
  const source = SOURCES.get(sourceId);
  assert.ok(source, `data/article.json has no source "${sourceId}"`);
  return source.en;
}

/** Every Chinese sentence of the data file, as displayed. */
export const ALL_SENTENCES_ZH = new Set(ARTICLE.sources.map((s) => s.zh.replaceAll('\n', '')));

export function figure(id) {
  const f = FIGURES.get(id);
  assert.ok(f, `data/article.json has no figure "${id}"`);
  return f;
}

/** Keys the charts compute themselves; their tooltips carry the "derived" tag. */
export const DERIVED_KEYS = new Set([
  'major_projects_remainder',
  'old_completed_floor_area_combined',
  'old_completed_households_combined',
]);

/**
 * What a chart item's tooltip must say, from data/article.json:
 *   { kind: 'figure' | 'list' | 'derived', titleZh?, titleEn?, sourceId? }
 * A key is a figure id, `LISTID.INDEX`, or one of DERIVED_KEYS.
 */
export function expectedItem(key) {
  if (DERIVED_KEYS.has(key)) return { kind: 'derived' };
  if (FIGURES.has(key)) {
    const f = FIGURES.get(key);
    return { kind: 'figure', titleZh: f.label_zh, titleEn: f.label_en, sourceId: f.source };
  }
  const m = /^(.+)\.(\d+)$/.exec(key);
  if (m && LISTS.has(m[1])) {
    const list = LISTS.get(m[1]);
    const item = list.items[Number(m[2])];
    assert.ok(item, `list ${m[1]} has no item ${m[2]} (key ${key})`);
    return { kind: 'list', titleZh: item.zh, titleEn: item.en, sourceId: list.source };
  }
  assert.fail(`item key "${key}" is neither a figure, a list item nor a known derived key`);
}

// ---------------------------------------------------------------------------------------------
// What the page must hold, listed here and not read from the Rust code: a card or chart dropped
// from the code must fail the tests that look for it, not drop out of them.

/** Figure ids of the headline cards, in page order (GROUPS in src/components/headline_cards.rs). */
export const HEADLINE_CARD_IDS = Object.freeze([
  'major_projects_count',
  'major_projects_investment',
  'industry_breakthroughs',
  'industrial_output',
  'industrial_investment',
  'above_size_enterprises',
  'digital_economy_revenue',
  'net_new_above_size',
  'industrial_value_added_growth',
  'srdi_new_enterprises',
  'car_maker_scale',
  'car_suppliers',
]);

/** Chart ids in page order (CHARTS in src/charts/catalog.rs). */
export const CHART_IDS = Object.freeze(['clusters', 'display', 'investment', 'scale', 'renovation', 'renewal', 'rural', 'city-check']);

// ---------------------------------------------------------------------------------------------
// Pages.

/**
 * A stand-in for the browser that gives every context it creates a locale, so the harness's
 * openPage (and its error recording) can open a page "in" a language: openPage(inLocale(b, 'zh-CN'), url).
 */
export function inLocale(browser, locale) {
  return { newContext: (options) => browser.newContext({ ...options, locale }) };
}

/**
 * A stand-in for the browser whose contexts run `script` in every page before the page's own
 * scripts (Playwright's addInitScript): openReader(withInitScript(b, () => { ... }), url).
 */
export function withInitScript(browser, script) {
  return {
    newContext: async (options) => {
      const context = await browser.newContext(options);
      await context.addInitScript(script);
      return context;
    },
  };
}

/** Two animation frames: lets Yew re-render and the canvases redraw. */
export function frames(page) {
  return page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );
}

/**
 * In the page: it has started and taken itself over (or rendered), and each of its `n` chart
 * boxes has its first drawing. Serialized into the page, so it uses nothing from outside.
 */
export function hydratedAndDrawn(n) {
  const boxes = [...document.querySelectorAll('.canvas-box')];
  return (
    window.wasmBindings !== undefined &&
    !document.documentElement.hasAttribute('data-hydrating') &&
    boxes.length === n &&
    boxes.every((box) => box.hasAttribute('data-drawn'))
  );
}

/** Wait until every chart canvas is drawn and lists its items. */
export async function waitForCharts(page, count, timeout = 20_000) {
  await page.waitForFunction(
    (n) => {
      const canvases = [...document.querySelectorAll('figure.chart canvas.chart-canvas')];
      // The data tables fill in a few rows a frame after the charts (src/components/chart_tools.rs):
      // wait for every row of every table too.
      const complete = (c) =>
        c.closest('figure.chart').querySelectorAll('.data-table tbody tr').length === c.dataset.items.split(';').length;
      return canvases.length >= n && canvases.every((c) => !c.hidden && c.dataset.items && c.width > 0 && complete(c));
    },
    count,
    { timeout },
  );
  await frames(page);
}

/**
 * Open `url` through the harness (which records errors), wait for the app, and for `charts`
 * drawn charts. `locale` sets the browser language. Returns the harness's page record.
 */
export async function openReader(browser, url, { locale = 'zh-CN', charts = 0, ...device } = {}) {
  const p = await openPage(inLocale(browser, locale), url, device);
  await waitForContent(p.page, '#app');
  if (charts > 0) await waitForCharts(p.page, charts);
  return p;
}

/** Everything the harness recorded, for assertion messages. */
export function errorReport(p) {
  return JSON.stringify(
    {
      consoleErrors: p.consoleErrors,
      pageErrors: p.pageErrors,
      cspViolations: p.cspViolations,
      failedRequests: p.failedRequests,
    },
    null,
    2,
  );
}

/** No console error, uncaught error, CSP violation or failed request so far. */
export function assertNoErrors(p, when = '') {
  const report = errorReport(p);
  const at = when ? ` (${when})` : '';
  assert.deepEqual(p.pageErrors, [], `uncaught page errors${at}:\n${report}`);
  assert.deepEqual(p.cspViolations, [], `CSP violations${at}:\n${report}`);
  assert.deepEqual(p.consoleErrors, [], `console errors${at}:\n${report}`);
  assert.deepEqual(p.failedRequests, [], `failed requests${at}:\n${report}`);
}

// ---------------------------------------------------------------------------------------------
// Charts.

/** `key:x,y,w,h;…` → [{ key, x, y, w, h, cx, cy }] in CSS px relative to the canvas. */
export function parseItems(text) {
  assert.ok(text, 'the canvas has no data-items');
  return text.split(';').map((entry) => {
    const colon = entry.lastIndexOf(':');
    const key = entry.slice(0, colon);
    const [x, y, w, h] = entry.slice(colon + 1).split(',').map(Number);
    assert.ok([x, y, w, h].every(Number.isFinite) && key, `bad data-items entry "${entry}"`);
    return { key, x, y, w, h, cx: x + w / 2, cy: y + h / 2 };
  });
}

/** Selectors of chart `id`'s figure, its canvas, and the canvas's box: the chart as focus and
 * assistive technology know it (src/components/chart_canvas.rs). */
export const figureSel = (id) => `figure.chart[data-chart-id="${id}"]`;
export const canvasSel = (id) => `${figureSel(id)} canvas.chart-canvas`;
export const chartSel = (id) => `${figureSel(id)} .canvas-box`;

/** The items of chart `id`, in keyboard order. */
export async function chartItems(page, id) {
  const text = await page.getAttribute(canvasSel(id), 'data-items');
  return parseItems(text);
}

/**
 * Scroll so that the point (cx, cy) of chart `id`'s canvas sits at the vertical middle of the
 * viewport; returns that point in viewport coordinates.
 *
 * Measured on the canvas's box, which has the canvas's place and size also while the browser
 * skips it (`.canvas-box { content-visibility: auto }`: a skipped canvas measures 0 × 0), and
 * two frames later, once the box is rendered, as for a reader who scrolls and then points.
 */
export async function scrollToChartPoint(page, id, cx, cy) {
  return page.evaluate(
    async ({ id, cx, cy }) => {
      const box = document.querySelector(`figure.chart[data-chart-id="${id}"] .canvas-box`);
      window.scrollTo(0, window.scrollY + box.getBoundingClientRect().top + cy - window.innerHeight / 2);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const r = box.getBoundingClientRect();
      return { x: r.left + cx, y: r.top + cy };
    },
    { id, cx, cy },
  );
}

/** Where the point (cx, cy) of chart `id`'s canvas is now, in viewport coordinates. */
export async function chartPoint(page, id, cx, cy) {
  return page.evaluate(
    ({ id, cx, cy }) => {
      const r = document.querySelector(`figure.chart[data-chart-id="${id}"] .canvas-box`).getBoundingClientRect();
      return { x: r.left + cx, y: r.top + cy };
    },
    { id, cx, cy },
  );
}

/**
 * The state a reader sees for chart `id`: the active key and the tooltip's texts and box (in
 * viewport px), or tooltip null when there is none (or it is hidden).
 */
export async function chartState(page, id) {
  return page.evaluate((id) => {
    const fig = document.querySelector(`figure.chart[data-chart-id="${id}"]`);
    const canvas = fig.querySelector('canvas.chart-canvas');
    const tip = fig.querySelector('.chart-tooltip[role=tooltip]');
    const active = canvas.getAttribute('data-active-item');
    // The highlight outline's inner edge, in canvas px: where the item may show through.
    const outline = fig.querySelector('.chart-highlight');
    let highlight = null;
    if (outline && getComputedStyle(outline).display !== 'none') {
      const o = outline.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const b = parseFloat(getComputedStyle(outline).borderTopWidth);
      highlight = { left: o.left - c.left + b, top: o.top - c.top + b, right: o.right - c.left - b, bottom: o.bottom - c.top - b };
    }
    if (!tip) return { active, highlight, tooltip: null };
    const r = tip.getBoundingClientRect();
    const style = getComputedStyle(tip);
    const source = tip.querySelector('.details-source');
    let sourceText = null;
    if (source) {
      const label = source.querySelector('.source-label')?.textContent ?? '';
      sourceText = source.textContent.slice(label.length);
    }
    const text = (sel) => tip.querySelector(sel)?.textContent ?? null;
    return {
      active,
      highlight,
      // The chart's image is the canvas's box (chart_canvas.rs).
      describedBy: canvas.closest('.canvas-box').getAttribute('aria-describedby'),
      tooltip: {
        id: tip.id,
        visible: style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0 && r.height > 0,
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
        title: text('.details-title'),
        value: text('.details-value'),
        tags: [...tip.querySelectorAll('.details-tags .tag')].map((t) => t.textContent),
        note: text('.details-note'),
        source: sourceText,
        sourceEn: text('.details-source-en'),
      },
    };
  }, id);
}

/**
 * A sentence of the data file as a tooltip or card quotes it: inside “ ”, unless the sentence
 * already opens with its own (some of the article's sentences are quotations, “…。”), which the
 * page does not double.
 */
export function quotedAsShown(sentence) {
  return sentence.startsWith('“') ? sentence : `“${sentence}”`;
}

/**
 * Strip the “ ” around a quoted sentence. Careful: a sentence that is itself a quotation keeps its
 * own marks (see quotedAsShown); compare with quotedAsShown(sentence) instead.
 */
export function unquote(text) {
  assert.ok(text, 'the tooltip has no source sentence');
  assert.ok(text.startsWith('“') && text.endsWith('”'), `source not in “ ”: ${text}`);
  return text.slice(1, -1);
}

/** Every Chinese sentence of the data file, as a tooltip quotes it. */
export const ALL_SENTENCES_ZH_QUOTED = new Set([...ALL_SENTENCES_ZH].map(quotedAsShown));

// ---------------------------------------------------------------------------------------------
// Screenshots of parts of the page (the harness's saveScreenshot takes the full page).

export function artifactPath(name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
}

/** The current viewport (not the full page) as e2e/artifacts/<name>.png. */
export async function saveViewport(page, name) {
  const path = artifactPath(name);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** One element as e2e/artifacts/<name>.png. */
export async function saveElement(locator, name) {
  const path = artifactPath(name);
  await locator.screenshot({ path });
  return path;
}
