// Every chart of src/charts/catalog.rs, as readers use it: drawn (not blank) at the device's
// pixel ratio; every item answers a mouse, a finger and the keyboard with a tooltip that names
// it and quotes its sentence verbatim from data/article.json, stays on screen and off the
// pointer; a finger that swipes over a chart still scrolls the page; nothing overflows at
// 320 px; and screenshots at four widths land in e2e/artifacts/ for a human to look at.
//
//   node --test --test-concurrency=1 e2e/charts.test.mjs
//   E2E_DIST=/tmp/e2e-dist node --test e2e/charts.test.mjs   (test a copy of the build)

import { describe, it } from 'node:test';
import { launchBrowser } from './harness.mjs';
import assert from 'node:assert/strict';
import {
  canvasSel,
  chartSel,
  ALL_SENTENCES_ZH_QUOTED,
  assertNoErrors,
  CHART_IDS,
  chartItems,
  chartPoint,
  chartState,
  expectedItem,
  figureSel,
  frames,
  openReader,
  quotedAsShown,
  saveElement,
  saveViewport,
  scrollToChartPoint,
  sentenceEn,
  sentenceZh,
  serveBuildToBrowser,
  withInitScript,
} from './page-helpers.mjs';

const N = CHART_IDS.length;

const DESKTOP = { width: 1280, height: 800, deviceScaleFactor: 1 };
const NARROW_MOUSE = { width: 390, height: 844, deviceScaleFactor: 2 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

/**
 * What is wrong with the tooltip of `key` as a reader sees it (an empty list when nothing is):
 * it names the item (figure label / list item) or carries the derived tag, quotes the item's
 * sentence verbatim (and its English rendering on the English page), lies inside the viewport
 * and does not cover `pointer` (viewport px), when given.
 */
function tooltipProblems(state, key, { lang = 'zh', pointer = null, viewport = null } = {}) {
  const problems = [];
  const at = `${key}`;
  if (state.active !== key) problems.push(`${at}: data-active-item is ${JSON.stringify(state.active)}`);
  const tip = state.tooltip;
  if (!tip) return [...problems, `${at}: no tooltip`];
  if (!tip.visible) problems.push(`${at}: tooltip not visible`);
  if (state.describedBy !== tip.id) problems.push(`${at}: the chart's aria-describedby is not the tooltip`);
  const want = expectedItem(key);
  if (want.kind === 'derived') {
    const tag = lang === 'zh' ? '派生数据' : 'derived';
    if (!tip.tags.includes(tag)) problems.push(`${at}: derived item without the "${tag}" tag (tags ${tip.tags})`);
    if (!tip.title) problems.push(`${at}: derived item without a title`);
    if (!ALL_SENTENCES_ZH_QUOTED.has(tip.source)) {
      problems.push(`${at}: derived item's source is not a sentence of the data file: ${tip.source}`);
    }
  } else {
    const title = lang === 'zh' ? want.titleZh : want.titleEn;
    if (tip.title !== title) problems.push(`${at}: title ${JSON.stringify(tip.title)}, want ${JSON.stringify(title)}`);
    if (tip.source !== quotedAsShown(sentenceZh(want.sourceId))) {
      problems.push(`${at}: source is not the sentence "${want.sourceId}" of the data file: ${tip.source}`);
    }
    if (lang === 'en' && tip.sourceEn !== sentenceEn(want.sourceId)) {
      problems.push(`${at}: English rendering is not the data file's: ${tip.sourceEn}`);
    }
  }
  if (lang === 'zh' && tip.sourceEn !== null) problems.push(`${at}: English rendering on the Chinese page`);
  const b = tip.box;
  if (viewport) {
    const slack = 0.5;
    if (b.left < -slack || b.top < -slack || b.right > viewport.width + slack || b.bottom > viewport.height + slack) {
      problems.push(
        `${at}: tooltip (${fmtBox(b)}) is not inside the ${viewport.width}×${viewport.height} viewport`,
      );
    }
  }
  if (pointer && pointer.x >= b.left && pointer.x <= b.right && pointer.y >= b.top && pointer.y <= b.bottom) {
    problems.push(`${at}: tooltip (${fmtBox(b)}) covers the pointer at ${Math.round(pointer.x)},${Math.round(pointer.y)}`);
  }
  return problems;
}

const fmtBox = (b) => `x ${Math.round(b.left)}–${Math.round(b.right)}, y ${Math.round(b.top)}–${Math.round(b.bottom)}`;

/** Wait until a fling has stopped: scrollY unchanged over several frames. Returns scrollY. */
async function waitForScrollToSettle(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        let last = window.scrollY;
        let still = 0;
        const started = performance.now();
        const tick = () => {
          const now = window.scrollY;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 8 || performance.now() - started > 3000) done(now);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

function viewportOf(page) {
  return page.evaluate(() => ({ width: document.documentElement.clientWidth, height: window.innerHeight }));
}

/**
 * Sizes, pixel ratio and how many distinct colours each canvas holds. Each chart is scrolled into
 * view first: a canvas far from the viewport is skipped (`.canvas-box { content-visibility: auto }`)
 * and has no layout box to measure until it is near it.
 */
async function canvasReport(page) {
  const report = [];
  const top = await page.evaluate(() => window.scrollY);
  for (const id of await page.evaluate(() => [...document.querySelectorAll('figure.chart')].map((f) => f.dataset.chartId))) {
    await page.locator(figureSel(id)).scrollIntoViewIfNeeded();
    await frames(page);
    report.push(
      await page.evaluate((sel) => {
        const fig = document.querySelector(sel);
        const canvas = fig.querySelector('canvas.chart-canvas');
        const r = canvas.getBoundingClientRect();
        const colours = new Set();
        let painted = 0;
        if (canvas.width > 0 && canvas.height > 0) {
          const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d');
          copy.drawImage(canvas, 0, 0);
          const data = copy.getImageData(0, 0, canvas.width, canvas.height).data;
          // Every 7th pixel is plenty to see the bars, tiles and text; quantised to 4 bits a channel.
          for (let i = 0; i < data.length; i += 4 * 7) {
            colours.add(((data[i] >> 4) << 12) | ((data[i + 1] >> 4) << 8) | ((data[i + 2] >> 4) << 4) | (data[i + 3] >> 4));
            if (data[i + 3] > 0) painted++;
          }
        }
        return {
          id: fig.dataset.chartId,
          hidden: canvas.hidden,
          dpr: window.devicePixelRatio,
          cssWidth: r.width,
          cssHeight: r.height,
          right: r.right,
          width: canvas.width,
          height: canvas.height,
          colours: colours.size,
          paintedShare: painted / Math.max(1, Math.ceil((canvas.width * canvas.height) / 7)),
        };
      }, figureSel(id)),
    );
  }
  await page.evaluate((y) => window.scrollTo(0, y), top);
  await frames(page);
  return report;
}

describe('charts', () => {
  const suite = serveBuildToBrowser();

  it('every chart of the catalog is drawn, not blank, and lists valid items inside its canvas', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { ...DESKTOP, charts: N });
    try {
      const { page } = p;
      const report = await canvasReport(page);
      assert.deepEqual(report.map((c) => c.id), CHART_IDS, 'charts on the page are not CHART_IDS, in order');
      for (const c of report) {
        assert.equal(c.hidden, false, `${c.id}: canvas hidden`);
        assert.ok(c.colours >= 4, `${c.id}: canvas looks blank (${c.colours} distinct colours)`);
        const items = await chartItems(page, c.id);
        assert.ok(items.length > 0, `${c.id}: no items`);
        const keys = items.map((i) => i.key);
        assert.equal(new Set(keys).size, keys.length, `${c.id}: duplicate item keys ${keys}`);
        for (const item of items) {
          expectedItem(item.key); // a figure, a list item or a derived key
          assert.ok(item.w > 0 && item.h > 0, `${c.id}/${item.key}: empty bounds`);
          assert.ok(
            item.x >= 0 && item.y >= 0 && item.x + item.w <= c.cssWidth + 1 && item.y + item.h <= c.cssHeight + 1,
            `${c.id}/${item.key}: bounds ${item.x},${item.y},${item.w},${item.h} outside the ${c.cssWidth}×${c.cssHeight} canvas`,
          );
        }
      }
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  for (const [name, device] of [
    ['1280 px desktop', DESKTOP],
    ['390 px phone', PHONE],
  ]) {
    it(`while the page loads no chart shows a message before it is drawn (${name})`, async () => {
      // Every .chart-message that enters the page from the first byte on, whether or not a frame
      // painted it: a chart laid out before its width was known said its container was 0 px wide.
      const recording = withInitScript(suite.browser, () => {
        window.chartMessagesSeen = [];
        new MutationObserver((records) => {
          for (const node of records.flatMap((r) => [...r.addedNodes])) {
            if (node.nodeType !== Node.ELEMENT_NODE) continue;
            const messages = [node, ...node.querySelectorAll('.chart-message')];
            for (const m of messages.filter((e) => e.matches('.chart-message'))) {
              window.chartMessagesSeen.push(m.textContent);
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const p = await openReader(recording, suite.server.url, { ...device, charts: N });
      try {
        const seen = await p.page.evaluate(() => window.chartMessagesSeen);
        assert.deepEqual(seen, [], 'messages shown while loading');
        assertNoErrors(p);
      } finally {
        await p.close();
      }
    });
  }

  it('charts are shown as bitmaps drawn off the page; a browser without createImageBitmap gets them drawn on their canvases', async () => {
    // A canvas with a bitmaprenderer context has no 2D one, and the other way round
    // (src/components/chart_drawing.rs).
    const has2d = (page) =>
      page.evaluate(() => [...document.querySelectorAll('canvas.chart-canvas')].map((c) => c.getContext('2d') !== null));
    const older = withInitScript(suite.browser, () => {
      Object.defineProperty(window, 'createImageBitmap', { value: undefined });
    });
    for (const [browser, want2d] of [[suite.browser, false], [older, true]]) {
      const p = await openReader(browser, suite.server.url, { ...DESKTOP, charts: N });
      try {
        for (const c of await canvasReport(p.page)) {
          assert.equal(c.hidden, false, `${c.id}: canvas hidden (2D: ${want2d})`);
          assert.ok(c.colours >= 4, `${c.id}: canvas looks blank (${c.colours} colours; 2D: ${want2d})`);
        }
        assert.deepEqual(await has2d(p.page), Array(N).fill(want2d), `charts with a 2D context, want ${want2d}`);
        assertNoErrors(p);
      } finally {
        await p.close();
      }
    }
  });

  it('one drawing per chart at load, also with a window scrollbar that takes width from the page', async () => {
    // The charts are laid out for a width measured before the page's first render
    // (browser::chart_width_before_render); measured without the scrollbar the page then gets,
    // every chart was drawn twice. A page in a window of its own keeps the scrollbar's room
    // whether it scrolls or not (static/page.js), as a chart's embedded page may or may not.
    const browser = await launchBrowser({ scrollbars: true });
    try {
      // A drawing sizes its canvas's backing store first (src/components/chart_drawing.rs).
      const counting = withInitScript(browser, () => {
        window.__e2eDrawings = 0;
        const width = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'width');
        Object.defineProperty(HTMLCanvasElement.prototype, 'width', {
          ...width,
          set(value) {
            if (this.classList.contains('chart-canvas')) window.__e2eDrawings += 1;
            width.set.call(this, value);
          },
        });
      });
      // The whole page, and one chart's embedded page opened on its own (not in a frame): a tall
      // chart that makes the window scroll and a short one that does not.
      for (const [query, charts, scrolls] of [['', N, true], ['?chart=rural&embed=1', 1, true], ['?chart=investment&embed=1', 1, false]]) {
        const p = await openReader(counting, suite.server.url + query, { width: 900, height: 800, deviceScaleFactor: 1, charts });
        try {
          const seen = await p.page.evaluate(() => ({
            // The body has no margin: what the window takes from its width is the scrollbar's room,
            // there when the page scrolls or only kept for it (clientWidth counts only the first).
            scrollbar: innerWidth - document.body.getBoundingClientRect().width,
            overflows: document.documentElement.scrollHeight > innerHeight,
            drawings: window.__e2eDrawings,
          }));
          const at = `${query || 'the page'}: ${JSON.stringify(seen)}`;
          assert.ok(seen.scrollbar > 0, `the window keeps no room for a scrollbar: ${at}`);
          assert.equal(seen.overflows, scrolls, `the page scrolls: ${at}`);
          assert.equal(seen.drawings, charts, `drawings at load, one per chart: ${at}`);
          assertNoErrors(p);
        } finally {
          await p.close();
        }
      }
    } finally {
      await browser.close();
    }
  });

  it('a chart far down the page is rendered only near the viewport, and the page is as tall either way', async () => {
    // `.canvas-box { content-visibility: auto }`: at load the phone copies only the canvases in
    // view to the compositor. While a box is skipped it keeps its canvas's size
    // (contain-intrinsic-size, chart_drawing.rs), so nothing moves when it is rendered.
    const p = await openReader(suite.browser, suite.server.url, { ...PHONE, charts: N });
    try {
      const state = () =>
        p.page.evaluate(() => ({
          height: document.documentElement.scrollHeight,
          boxes: [...document.querySelectorAll('figure.chart .canvas-box')].map((box) => {
            const canvas = box.querySelector('canvas');
            const r = box.getBoundingClientRect();
            return {
              top: Math.round(r.top + scrollY),
              height: r.height,
              canvasHeight: parseFloat(canvas.style.height),
              rendered: canvas.checkVisibility({ contentVisibilityAuto: true }),
            };
          }),
        }));
      const atLoad = await state();
      assert.equal(atLoad.boxes.length, N);
      assert.equal(atLoad.boxes[0].rendered, true, 'the first chart, in view, is rendered');
      assert.equal(atLoad.boxes[N - 1].rendered, false, 'the last chart, pages below, is skipped');
      for (const [i, box] of atLoad.boxes.entries()) assert.equal(box.height, box.canvasHeight, `chart ${i}: box height while ${box.rendered ? 'rendered' : 'skipped'}`);
      // Skipped or not, every chart is in the accessibility tree a screen reader reads, by its name.
      const labels = await p.page.evaluate(() => [...document.querySelectorAll('.canvas-box')].map((c) => c.getAttribute('aria-label')));
      const cdp = await p.page.context().newCDPSession(p.page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const images = new Set(nodes.filter((n) => !n.ignored && n.role?.value === 'image').map((n) => n.name?.value));
      assert.deepEqual(labels.filter((label) => !images.has(label)), [], 'charts missing from the accessibility tree');
      // Through the page and back: every box rendered once, then skipped again.
      for (let y = 0; y < atLoad.height; y += 400) {
        await p.page.evaluate((y) => scrollTo(0, y), y);
        await frames(p.page);
      }
      const atBottom = await state();
      assert.equal(atBottom.boxes[N - 1].rendered, true, 'the last chart, scrolled to, is rendered');
      await p.page.evaluate(() => scrollTo(0, 0));
      await frames(p.page);
      const back = await state();
      const positions = (s) => s.boxes.map((b) => [b.top, b.height]);
      assert.deepEqual(positions(atBottom), positions(atLoad), 'boxes moved once rendered');
      assert.deepEqual(positions(back), positions(atLoad), 'boxes moved once skipped again');
      assert.equal(back.height, atLoad.height, 'the page height changed');
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  for (const [name, device, lang] of [
    ['1280 px desktop, Chinese', DESKTOP, 'zh'],
    ['390 px narrow window, Chinese', NARROW_MOUSE, 'zh'],
    ['1280 px desktop, English', DESKTOP, 'en'],
  ]) {
    it(`mouse: hovering the centre of every item shows its details (${name})`, async () => {
      const p = await openReader(suite.browser, `${suite.server.url}?lang=${lang}`, { ...device, charts: N });
      try {
        const { page } = p;
        const viewport = await viewportOf(page);
        const problems = [];
        for (const id of CHART_IDS) {
          const items = await chartItems(page, id);
          for (const item of items) {
            // Items of one row are hovered one after the other without scrolling; before a
            // scroll the pointer leaves the chart, so that a tall tooltip that lengthens the
            // page cannot move the chart under the computed point.
            let pointer = await chartPoint(page, id, item.cx, item.cy);
            if (Math.abs(pointer.y - viewport.height / 2) > 1) {
              await page.mouse.move(1, 1);
              await frames(page);
              pointer = await scrollToChartPoint(page, id, item.cx, item.cy);
            }
            await page.mouse.move(pointer.x, pointer.y);
            await frames(page);
            const state = await chartState(page, id);
            problems.push(...tooltipProblems(state, item.key, { lang, pointer, viewport }).map((m) => `${id}/${m}`));
            // The outline goes round the item, never over it (data-items are rounded to 1 px).
            const h = state.highlight;
            if (!h) problems.push(`${id}/${item.key}: no highlight outline`);
            else if (h.left > item.x + 1 || h.top > item.y + 1 || h.right < item.x + item.w - 1 || h.bottom < item.y + item.h - 1)
              problems.push(`${id}/${item.key}: the highlight outline ${JSON.stringify(h)} covers the item ${JSON.stringify(item)}`);
            // The tallest tooltip of the page, for a human to look at.
            if (item.key === 'emerging_industries.1') await saveViewport(page, `tooltip-${device.width}-${lang}-clusters`);
          }
          // Leaving the chart hides an unpinned tooltip.
          await page.mouse.move(1, 1);
          await page.evaluate(() => window.scrollTo(0, 0));
          await frames(page);
          const left = await chartState(page, id);
          if (left.active !== null || left.tooltip) problems.push(`${id}: tooltip stays after the pointer left`);
        }
        assert.deepEqual(problems, [], `hover problems:\n${problems.join('\n')}`);
        assertNoErrors(p);
      } finally {
        await p.close();
      }
    });
  }

  it('touch: a finger shows an item as it lands, another tap moves it, a tap outside hides it; a swipe scrolls', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { ...PHONE, charts: N });
    try {
      const { page } = p;
      const viewport = await viewportOf(page);
      const cdp = await page.context().newCDPSession(page);
      const problems = [];
      for (const id of CHART_IDS) {
        const items = await chartItems(page, id);
        const picks = items.length > 1 ? [items[0], items[items.length - 1]] : [items[0]];
        for (const item of picks) {
          const point = await scrollToChartPoint(page, id, item.cx, item.cy);
          // The item shows as soon as the finger lands, before it lifts.
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x, y: point.y }] });
          await frames(page);
          const pressed = await chartState(page, id);
          if (pressed.active !== item.key || !pressed.tooltip) {
            problems.push(`${id}: a finger on ${item.key} shows ${pressed.active} before it lifts`);
          }
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await frames(page);
          problems.push(
            ...tooltipProblems(await chartState(page, id), item.key, { pointer: point, viewport }).map((m) => `${id} tap/${m}`),
          );
        }
        // A tap outside the chart (the page header) hides the pinned tooltip.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('.page-header .page-title').tap();
        await frames(page);
        const outside = await chartState(page, id);
        if (outside.active !== null || outside.tooltip) problems.push(`${id}: tooltip stays after a tap on the page header`);

        // A vertical swipe that starts on the canvas scrolls the page and leaves the item pinned
        // before it (the first), not the one the finger landed on. The finger moves up (the page
        // scrolls down) unless the page is already near its end.
        const first = await scrollToChartPoint(page, id, items[0].cx, items[0].cy);
        await page.touchscreen.tap(first.x, first.y);
        await frames(page);
        const middle = items[Math.floor(items.length / 2)];
        const start = await scrollToChartPoint(page, id, middle.cx, middle.cy);
        const before = await page.evaluate(() => window.scrollY);
        const roomBelow = await page.evaluate(
          () => document.documentElement.scrollHeight - window.innerHeight - window.scrollY,
        );
        const dy = roomBelow > 250 ? -25 : 25;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: start.x, y: start.y }] });
        for (let step = 1; step <= 8; step++) {
          await cdp.send('Input.dispatchTouchEvent', {
            type: 'touchMove',
            touchPoints: [{ x: start.x, y: start.y + step * dy }],
          });
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        const afterY = await waitForScrollToSettle(page);
        if (afterY === before) problems.push(`${id}: a vertical swipe starting on the canvas did not scroll the page`);
        const swiped = await chartState(page, id);
        if (swiped.active !== items[0].key || !swiped.tooltip) {
          problems.push(`${id}: after a swipe the chart shows ${swiped.active}, not ${items[0].key} pinned before it`);
        }
      }
      assert.deepEqual(problems, [], `touch problems:\n${problems.join('\n')}`);
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  it('keyboard: Tab reaches each chart, arrows walk every item in order, Escape closes, focus is outlined', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { ...DESKTOP, charts: N });
    try {
      const { page } = p;
      const viewport = await viewportOf(page);
      const focusedChart = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el?.matches('.canvas-box') ? el.closest('figure.chart').dataset.chartId : null;
        });
      // Where the focus is, and whether the canvas element that had it is still in the page.
      const markCanvas = (id) =>
        page.evaluate((sel) => {
          window.__e2eCanvas = document.querySelector(sel);
        }, canvasSel(id));
      const focusReport = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          const name = el === document.body ? 'body' : `${el?.tagName.toLowerCase()}.${el?.className}`;
          return { on: name, canvasReplaced: !window.__e2eCanvas?.isConnected };
        });
      const problems = [];
      for (const id of CHART_IDS) {
        // Tab from the previous chart (or the top of the page) to this chart, past whatever
        // controls lie between.
        let presses = 0;
        let focused = null;
        while (focused === null) {
          await page.keyboard.press('Tab');
          focused = await focusedChart();
          assert.ok(++presses <= 30, `30 presses of Tab do not reach chart ${id}`);
        }
        assert.equal(focused, id, `Tab order: expected chart ${id}, got ${focused}`);
        const focus = await page.evaluate(() => {
          const s = getComputedStyle(document.activeElement);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
        assert.ok(focus.style !== 'none' && focus.width > 0, `${id}: focused chart has no visible outline (${JSON.stringify(focus)})`);
        assert.equal((await chartState(page, id)).active, null, `${id}: an item is active before any key`);

        const items = await chartItems(page, id);
        await markCanvas(id);
        let lostFocus = false;
        for (const [index, item] of items.entries()) {
          await page.keyboard.press('ArrowRight');
          await frames(page);
          if ((await focusedChart()) !== id && !lostFocus) {
            const where = await focusReport();
            lostFocus = true;
            problems.push(
              `${id}: after ArrowRight #${index + 1} the focus is on ${where.on}, not the chart` +
                (where.canvasReplaced ? ' (the focused <canvas> element was removed and replaced by a new one)' : '') +
                `; data-active-item=${JSON.stringify((await chartState(page, id)).active)}`,
            );
          }
          // Whatever happened to the focus, check what a reader would see, and go on from the
          // (new) canvas so that one failure does not hide the others.
          problems.push(...tooltipProblems(await chartState(page, id), item.key, { viewport }).map((m) => `${id} key/${m}`));
          if ((await focusedChart()) !== id) await page.focus(chartSel(id));
        }
        // One more wraps round to the first item; ArrowLeft goes back to the last.
        await page.keyboard.press('ArrowRight');
        await frames(page);
        const wrapped = (await chartState(page, id)).active;
        if (wrapped !== items[0].key) problems.push(`${id}: ArrowRight after the last item gives ${wrapped}`);
        await page.keyboard.press('ArrowLeft');
        await frames(page);
        const back = (await chartState(page, id)).active;
        if (back !== items.at(-1).key) problems.push(`${id}: ArrowLeft from the first item gives ${back}`);
        await markCanvas(id);
        await page.keyboard.press('Escape');
        await frames(page);
        const closed = await chartState(page, id);
        if (closed.active !== null || closed.tooltip) {
          problems.push(`${id}: Escape leaves data-active-item=${closed.active}, tooltip ${closed.tooltip ? 'shown' : 'gone'}`);
        }
        if ((await focusedChart()) !== id) {
          const where = await focusReport();
          problems.push(
            `${id}: after Escape the focus is on ${where.on}` +
              (where.canvasReplaced ? ' (the <canvas> element was replaced again)' : ''),
          );
        }
        // Carry on from this chart whatever happened: put the focus back on it, close its
        // tooltip, and focus it again (closing may have replaced the element).
        await page.focus(chartSel(id));
        await page.keyboard.press('Escape');
        await frames(page);
        await page.focus(chartSel(id));
      }
      assert.deepEqual(problems, [], `keyboard problems:\n${problems.join('\n')}`);
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  for (const [dpr, width] of [
    [1, 1280],
    [2, 768],
    [3, 390],
  ]) {
    it(`backing store is CSS size × devicePixelRatio at DPR ${dpr} (${width} px)`, async () => {
      const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { width, height: 800, deviceScaleFactor: dpr, charts: N });
      try {
        for (const c of await canvasReport(p.page)) {
          assert.equal(c.dpr, dpr, 'devicePixelRatio');
          assert.equal(c.width, Math.round(c.cssWidth * dpr), `${c.id}: canvas.width ${c.width} for ${c.cssWidth} CSS px`);
          assert.equal(c.height, Math.round(c.cssHeight * dpr), `${c.id}: canvas.height ${c.height} for ${c.cssHeight} CSS px`);
          assert.ok(c.colours >= 4, `${c.id}: canvas looks blank at DPR ${dpr}`);
        }
        assertNoErrors(p);
      } finally {
        await p.close();
      }
    });
  }

  it('a pixel-ratio change (zoom, another screen) redraws every chart at the new ratio', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { width: 1280, height: 800, deviceScaleFactor: 1, charts: N });
    try {
      const cdp = await p.page.context().newCDPSession(p.page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
      // A real zoom or screen change fires the page's resolution media query; DevTools' metrics
      // override alone does not re-evaluate media queries; (re)setting an emulated media feature does.
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: '' }] });
      await p.page.waitForFunction(
        () =>
          devicePixelRatio === 2 &&
          [...document.querySelectorAll('figure.chart canvas.chart-canvas')].every(
            (c) => c.width === Math.round(c.getBoundingClientRect().width * 2),
          ),
        null,
        { timeout: 10_000 },
      );
      for (const c of await canvasReport(p.page)) {
        assert.equal(c.width, Math.round(c.cssWidth * 2), `${c.id}: canvas.width ${c.width} for ${c.cssWidth} CSS px`);
        assert.equal(c.height, Math.round(c.cssHeight * 2), `${c.id}: canvas.height ${c.height} for ${c.cssHeight} CSS px`);
        assert.ok(c.colours >= 4, `${c.id}: canvas looks blank after the change`);
      }
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  it('at 320 px nothing is wider than the screen and no chart shows a message', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, {
      width: 320,
      height: 640,
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
      charts: N,
    });
    try {
      const { page } = p;
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        messages: [...document.querySelectorAll('.chart-message, .error-panel, .notice')].map((e) => e.textContent),
        wide: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 320.5 && getComputedStyle(e).position !== 'absolute')
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
          .slice(0, 10),
      }));
      await saveViewport(page, 'charts-320-top');
      assert.ok(layout.scrollWidth <= 320, `scrollWidth ${layout.scrollWidth} > 320; too wide: ${layout.wide}`);
      assert.deepEqual(layout.messages, [], 'messages or error panels on the page');
      for (const c of await canvasReport(page)) {
        assert.equal(c.hidden, false, `${c.id}: canvas hidden at 320 px`);
        assert.ok(c.right <= 320, `${c.id}: canvas ends at ${c.right} px`);
        assert.ok(c.colours >= 4, `${c.id}: canvas looks blank at 320 px`);
      }
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  for (const device of [
    { width: 360, height: 780, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
    { width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
    { width: 768, height: 1024, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
    { width: 1280, height: 800, deviceScaleFactor: 1 },
  ]) {
    it(`screenshots at ${device.width} px: top of the page, charts, a tooltip`, async () => {
      const w = device.width;
      const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { ...device, charts: N });
      try {
        const { page } = p;
        await saveViewport(page, `page-${w}-top`);
        for (const id of ['investment', 'scale', 'renovation', 'rural']) {
          await saveElement(page.locator(`figure.chart[data-chart-id="${id}"]`), `chart-${w}-${id}`);
        }
        // A tooltip in place: the chart's middle item, tapped or hovered, in a viewport clip.
        const items = await chartItems(page, 'scale');
        const item = items[Math.floor(items.length / 2)];
        const point = await scrollToChartPoint(page, 'scale', item.cx, item.cy);
        if (device.hasTouch) await page.touchscreen.tap(point.x, point.y);
        else await page.mouse.move(point.x, point.y);
        await frames(page);
        assert.equal((await chartState(page, 'scale')).active, item.key, 'the tooltip for the screenshot did not open');
        await saveViewport(page, `tooltip-${w}-scale`);
        assertNoErrors(p);
      } finally {
        await p.close();
      }
    });
  }
});
