#!/usr/bin/env node
// Benchmark of the release build (issue "Fast and unbreakable"). Not a test: it measures, prints
// a table of medians and says which budget passes or fails.
//
//   node scripts/bench.mjs --build          # build-assets.sh + trunk build --release into
//                                           # target/bench-dist, then bench it
//   node scripts/bench.mjs [--dist=dist]    # bench an existing release build
//
// Options: --runs=N (fresh-cache runs per configuration, default 5, at least 5 unless --quick),
//          --moves=N (hover moves before the second heap reading, default 1000),
//          --configs=phone-1x,phone-4x,desktop-1x,desktop-4x (default all four),
//          --json=FILE (every run's raw figures), --quick (2 runs, for trying the script out),
//          --phone-dpr=N (the phone at another pixel ratio, for experiments),
//          --load-only (bytes, paint and long tasks of the load; no interactions),
//          --before=DIR (another build, measured in the same run for a before/after table),
//          --report-only (exit 0 whatever the budgets say; by default, as with the older
//          --strict, the exit code is 1 when a budget fails or was not measured).
// A budget that could not be measured fails: no latency at all, an item whose tooltip never
// showed, or a browser that does not report long tasks (a probe task of 120 ms after the
// measurements must be reported, or "no long task" is no measurement).
//
// What it does, per configuration (phone: 390×844 at DPR 3 with touch; desktop: 1,280×800 at
// DPR 1; each at CPU throttling 1× and 4× by CDP Emulation.setCPUThrottlingRate), per run, in a
// fresh browser context (empty HTTP cache):
//   * serves the build with gzip (its precompressed .gz files) and the strict CSP (e2e/server.mjs),
//     and drives /usr/bin/chromium through playwright-core;
//   * bytes: every response's encoded (gzip) body and its bytes on the wire (headers included),
//     by type, and the request count, from the DevTools Network domain;
//   * all charts painted: navigation start (performance.timeOrigin) → the first frame after
//     which every chart's canvas is visible, sized and no longer blank (some pixel of it, scaled
//     down to 128 px wide, is no longer transparent), timed after that frame rendered (requestAnimationFrame, then a
//     message posted from it);
//   * long tasks (PerformanceObserver 'longtask'): blocking time (sum of duration − 50 ms) of
//     those that start before every chart is painted, and the longest that starts after the
//     first chart is painted, during load and during the interactions below;
//   * JS heap (DevTools Runtime.getHeapUsage after HeapProfiler.collectGarbage) and wasm memory
//     (the instance's memory.buffer.byteLength) after load;
//   * after load, --moves hover moves over the charts' items (DevTools Input only, not waiting
//     for frames), then the heaps again: the growth is the app's, not the benchmark's;
//   * hover latency: for every item of every chart, a mouse move (DevTools Input) to its centre;
//     latency = from the pointermove event's timeStamp to the end of the first frame in which
//     the canvas names that item (data-active-item) and its tooltip is in the page; median
//     and max over all items;
//   * tap latency: the same with touch (DevTools Input.dispatchTouchEvent, touch emulation on),
//     from the pointerdown event (the finger landing), on which the page shows the item it
//     landed on (pointerup pins it; a scroll's pointercancel takes it back); taps at least
//     150 ms apart, as a reader's are (see TAP_INTERVAL_MS);
//   * the floor of both latencies in this browser: the same passes on a page that only
//     hit-tests and sets an attribute and a text (scripts/bench-baseline/, served at /__bench/);
//   * the floor of "all charts painted": a page with nothing but canvases of the sizes the page
//     drew in that run, shown through the page's own path with one band drawn and timed the same
//     way (scripts/bench-baseline/paint.html): what the pixels alone cost in this browser.
// Besides the latency, each item records the time from its input event's timeStamp to the first
// listener ("queued": the browser's input pipeline) and to the DOM change (--json has them).
// The table shows, for each figure, the median over the runs (and the range in brackets).

import { spawnSync } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/server.mjs';
import { launchBrowser } from '../e2e/harness.mjs';
import { CHART_IDS } from '../e2e/page-helpers.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

// ---------------------------------------------------------------------------------------------
// Options and budgets.

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      console.error(`bench: unknown argument ${arg}`);
      process.exit(2);
    }
    return [m[1], m[2] ?? true];
  }),
);
const QUICK = !!args.quick;
const RUNS = Number(args.runs ?? (QUICK ? 2 : 5));
const MOVES = Number(args.moves ?? 1000);
if (!QUICK && RUNS < 5) {
  console.error('bench: at least 5 runs (or --quick)');
  process.exit(2);
}

const KB = 1024;
const BUDGET = {
  codeBytes: 200 * 1024, // a ceiling of 200 KB of gzip over wasm, JS and CSS, as scripts/size-report.mjs
  allPaintedPhone4x: 1100,
  latency1x: 16.7,
  latency4x: 45,
  heapGrowth: 1024 * KB,
  longTaskAfterFirstPaint: 100,
  // Time to content (issue 21): the page is pre-rendered and hydrated.
  fcpPhone4x: 400,
  viewportVisiblePhone4x: 450,
  interactivePhone4x: 1200,
  fcpDesktop1x: 150,
};

const CONFIGS = [
  { id: 'phone-1x', label: 'phone 1×', rate: 1, device: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
  { id: 'phone-4x', label: 'phone 4×', rate: 4, device: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
  { id: 'desktop-1x', label: 'desktop 1×', rate: 1, device: { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false } },
  { id: 'desktop-4x', label: 'desktop 4×', rate: 4, device: { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false } },
].filter((c) => !args.configs || String(args.configs).split(',').includes(c.id));
// --phone-dpr=2: what a lower pixel ratio would cost (an experiment; the budgets are for DPR 3).
if (args['phone-dpr']) {
  for (const c of CONFIGS) if (c.device.isMobile) c.device = { ...c.device, deviceScaleFactor: Number(args['phone-dpr']) };
}

// ---------------------------------------------------------------------------------------------
// The build.

/** As scripts/test.sh builds: generated/ first (index.html inlines parts of it), then Trunk. */
function build(dist) {
  const assets = existsSync(join(REPO, 'scripts', 'build-assets.sh')) ? 'bash scripts/build-assets.sh && ' : '';
  console.log(`bench: ${assets}bash scripts/build-release.sh -d ${dist}`);
  const r = spawnSync('bash', ['-c', `source scripts/env.sh && ${assets}bash scripts/build-release.sh -d "${dist}"`], {
    cwd: REPO,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('bench: the build failed');
    process.exit(2);
  }
}

let dist = resolve(REPO, typeof args.dist === 'string' ? args.dist : 'dist');
if (args.build) {
  dist = resolve(REPO, typeof args.build === 'string' ? args.build : 'target/bench-dist');
  build(dist);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench: no release build in ${dist}; run: node scripts/bench.mjs --build`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// In the page (an init script: DevTools injects it, so the page's CSP does not apply to it).

function instrument({ expected }) {
  const B = {
    expected,
    longTasks: [],
    firstPainted: null,
    allPainted: null,
    viewportVisible: null,
    chartsInView: null,
    interactive: null,
    wasm: null,
    armed: null,
  };
  globalThis.__bench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.noLongTasks = true;
  }
  addEventListener('TrunkApplicationStarted', (e) => {
    B.wasm = e.detail?.wasm ?? null;
  });

  /**
   * From a frame's callback: calls `done(t)` with the time at which this frame has rendered, in
   * the first task after it. A user-blocking task (the Prioritized Task Scheduling API) runs
   * before the tasks that loading keeps queueing (the parser's next chunk, an image's decoding),
   * which have nothing to do with this frame; a message-channel task waited behind them.
   */
  const afterThisFrame = (done) => {
    if (globalThis.scheduler?.postTask) {
      globalThis.scheduler.postTask(() => done(performance.now()), { priority: 'user-blocking' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  };
  /** Calls `done(t)` with the time at which the next frame has been rendered. */
  const afterFrame = (done) => requestAnimationFrame(() => afterThisFrame(done));

  // A canvas is painted once anything is drawn on it: its background is transparent (the page's
  // own is behind it), so the check samples the whole canvas, scaled down to SAMPLE px wide
  // (bilinear: about four source pixels read per sample; a mark an eighth of a CSS px wide at
  // DPR 3 could slip between samples, and every chart has filled marks far wider than that).
  const SAMPLE = 128;
  const seen = new WeakSet();
  const painted = (canvas) => {
    if (seen.has(canvas)) return true;
    if (canvas.hidden || !canvas.width || !canvas.height) return false;
    try {
      // Read through a scaled copy (a 2D canvas, or a bitmaprenderer one in older builds).
      const w = Math.min(SAMPLE, canvas.width);
      const h = Math.max(1, Math.round((canvas.height * w) / canvas.width));
      const copy = new OffscreenCanvas(w, h).getContext('2d');
      copy.drawImage(canvas, 0, 0, w, h);
      const data = copy.getImageData(0, 0, w, h).data;
      for (let i = 3; i < data.length; i += 4) {
        if (data[i] > 0) {
          seen.add(canvas);
          return true;
        }
      }
      return false;
    } catch {
      return false;
    }
  };
  // Every chart in the first viewport visible, as its pre-rendered image or its drawing: the
  // first frame in which all the charts are in the page and each that meets the viewport shows
  // a loaded image or a painted canvas (with none in view, the first frame with all of them).
  const shows = (figure) => {
    const canvas = figure.querySelector('canvas.chart-canvas');
    if (canvas && figure.querySelector('.canvas-box[data-drawn]') && painted(canvas)) return true;
    if (canvas && !figure.querySelector('.chart-picture') && painted(canvas)) return true;
    const img = figure.querySelector('.chart-picture img');
    return !!img && img.complete && img.naturalWidth > 0;
  };
  // Which charts meet the first viewport is known in the first frame that has them all, or one
  // below the viewport (those after it in the page are further down): read then, and not again.
  let inView = null;
  const viewportVisible = () => {
    if (!inView) {
      const figures = [...document.querySelectorAll('figure.chart')];
      if (figures.length === 0) return false;
      const boxes = figures.map((f) => (f.querySelector('.chart-body') ?? f).getBoundingClientRect());
      if (figures.length < expected && !boxes.some((r) => r.top >= innerHeight)) return false;
      inView = figures.filter((_, i) => boxes[i].top < innerHeight && boxes[i].bottom > 0);
      B.chartsInView = inView.length;
    }
    return inView.every(shows);
  };
  // Interactive: the first moment a hover on the first chart's first item shows its tooltip,
  // tried (with a synthetic pointer event) as soon as the chart has laid out its items.
  let hoverTried = false;
  const tryHover = () => {
    if (hoverTried || document.documentElement.hasAttribute('data-hydrating')) return;
    const figure = document.querySelector('figure.chart');
    const canvas = figure?.querySelector('canvas.chart-canvas[data-items]');
    const first = canvas?.getAttribute('data-items').split(';')[0];
    if (!first) return;
    hoverTried = true;
    const [x, y, w, h] = first.slice(first.lastIndexOf(':') + 1).split(',').map(Number);
    const r = canvas.getBoundingClientRect();
    const init = { bubbles: true, pointerType: 'mouse', isPrimary: true, clientX: r.left + x + w / 2, clientY: r.top + y + h / 2 };
    const done = () => {
      if (!figure.querySelector('.chart-tooltip')) return false;
      afterFrame((t) => {
        B.interactive = t;
        canvas.dispatchEvent(new PointerEvent('pointerleave', init));
      });
      return true;
    };
    const observer = new MutationObserver(() => done() && observer.disconnect());
    observer.observe(figure, { childList: true, subtree: true });
    canvas.dispatchEvent(new PointerEvent('pointermove', init));
  };
  const poll = () => {
    if (B.viewportVisible === null && viewportVisible()) {
      B.viewportVisible = -1;
      afterThisFrame((t) => (B.viewportVisible = t));
    }
    tryHover();
    let n = 0;
    for (const canvas of document.querySelectorAll('figure.chart canvas.chart-canvas')) {
      if (painted(canvas)) n += 1;
    }
    if (n > 0 && B.firstPainted === null) {
      B.firstPainted = -1;
      afterThisFrame((t) => (B.firstPainted = t));
    }
    if (n >= expected && B.allPainted === null) {
      B.allPainted = -1;
      afterThisFrame((t) => (B.allPainted = t));
    }
    if (B.allPainted > 0 && B.viewportVisible > 0 && hoverTried) {
      // Tells the benchmark without it polling the page (which would cost the page time).
      console.debug('__bench:all-painted');
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  // The first input event of the armed kind after arming is the start of the latency.
  B.recent = [];
  for (const type of ['pointermove', 'pointerdown']) {
    addEventListener(
      type,
      (e) => {
        B.recent.push([type, e.pointerType, e.target?.tagName, Math.round(e.clientX), Math.round(e.clientY), Math.round(e.timeStamp)]);
        if (B.recent.length > 8) B.recent.shift();
        const armed = B.armed;
        if (armed && armed.input === null && armed.inputType === type) {
          armed.input = e.timeStamp;
          armed.handled = performance.now();
        }
      },
      { capture: true, passive: true },
    );
  }

  /** Waits for chart `chartId` to show item `key` with its tooltip; see B.result(). */
  B.arm = (chartId, key, inputType) => {
    const fig = document.querySelector(`figure.chart[data-chart-id="${chartId}"]`);
    const canvas = fig.querySelector('canvas.chart-canvas');
    const shown = () => canvas.getAttribute('data-active-item') === key && !!fig.querySelector('.chart-tooltip');
    const armed = { input: null, handled: null, inputType, done: null };
    B.armed = armed;
    armed.done = new Promise((resolve) => {
      let finished = false;
      const observer = new MutationObserver(() => {
        if (finished || !shown()) return;
        finished = true;
        observer.disconnect();
        clearTimeout(timer);
        const changed = performance.now();
        afterFrame((t) => resolve({ ok: true, input: armed.input, handled: armed.handled, changed, frame: t }));
      });
      observer.observe(fig, { attributes: true, childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => {
        finished = true;
        observer.disconnect();
        resolve({ ok: false, active: canvas.getAttribute('data-active-item'), input: armed.input, recent: B.recent.slice() });
      }, 5000);
    });
  };
  B.result = () => B.armed.done;
}

// ---------------------------------------------------------------------------------------------
// Driving the page.

const frames = (page) =>
  page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

async function items(page, id) {
  const text = await page.getAttribute(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`, 'data-items');
  if (!text) return [];
  return text.split(';').map((entry) => {
    const colon = entry.lastIndexOf(':');
    const [x, y, w, h] = entry.slice(colon + 1).split(',').map(Number);
    return { key: entry.slice(0, colon), x, y, w, h, cx: x + w / 2, cy: y + h / 2 };
  });
}

/** The item that the chart's hit test finds at (x, y): the first in order that contains it. */
const itemAt = (list, x, y) => list.find((i) => x >= i.x && x <= i.x + i.w && y >= i.y && y <= i.y + i.h);

/**
 * The point (cx, cy) of chart `id`'s canvas in viewport px, scrolling it to the middle of the
 * viewport first when it is not well inside it.
 */
async function pointOnScreen(page, id, cx, cy) {
  const p = await page.evaluate(
    ({ id, cx, cy }) => {
      // The page's canvas box has the canvas's place also while the browser skips it (a skipped
      // canvas measures 0 × 0; `.canvas-box`, content-visibility: auto); the floor's page has none.
      const canvas = document.querySelector(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`);
      const box = canvas.closest('.canvas-box') ?? canvas;
      let r = box.getBoundingClientRect();
      const y = r.top + cy;
      const scrolled = y < 60 || y > innerHeight - 60;
      if (scrolled) {
        window.scrollTo(0, window.scrollY + y - innerHeight / 2);
        r = box.getBoundingClientRect();
      }
      return { x: r.left + cx, y: r.top + cy, scrolled };
    },
    { id, cx, cy },
  );
  if (p.scrolled) await frames(page);
  return p;
}

/** A point of the viewport over no canvas and no control, to move or tap away to. */
function neutralPoint(page) {
  return page.evaluate(() => {
    const w = innerWidth;
    const h = innerHeight;
    const candidates = [];
    for (const y of [4, h / 4, h / 2, (3 * h) / 4, h - 4]) for (const x of [2, w - 2, w / 2]) candidates.push({ x, y });
    for (const c of candidates) {
      const el = document.elementFromPoint(c.x, c.y);
      if (el && !el.closest('canvas, button, a, input, select, label, summary, [tabindex], [role=button]')) return c;
    }
    return { x: 1, y: 1 };
  });
}

const active = (page, id) =>
  page.getAttribute(`figure.chart[data-chart-id="${id}"] canvas.chart-canvas`, 'data-active-item');

async function mouseMove(cdp, x, y) {
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'none', pointerType: 'mouse' });
}

async function tap(cdp, x, y) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, radiusX: 1, radiusY: 1, force: 1, id: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Taps come at least this far apart, as a reader's do. Chromium holds back a touch that comes
// within about 80 ms of the previous one (a possible double tap) by a frame or more: taps
// fired back to back measured 32 ms on an empty page, 11 ms when 120 ms apart.
const TAP_INTERVAL_MS = 150;
const sleep = (ms) => (ms > 0 ? new Promise((ok) => setTimeout(ok, ms)) : Promise.resolve());

/**
 * Latency of `kind` ('hover' or 'tap') for every item of every chart: the time from the input
 * event to the end of the first frame that shows the item. Returns { latencies, misses, moves }.
 */
async function latencyPass(page, cdp, kind, chartIds = CHART_IDS) {
  const latencies = [];
  const misses = [];
  let moves = 0;
  const act = kind === 'hover' ? (x, y) => mouseMove(cdp, x, y) : (x, y) => tap(cdp, x, y);
  const inputType = kind === 'hover' ? 'pointermove' : 'pointerdown';
  let lastTap = 0;
  for (const id of chartIds) {
    const list = await items(page, id);
    for (const item of list) {
      const target = itemAt(list, item.cx, item.cy);
      if (!target) continue;
      const point = await pointOnScreen(page, id, item.cx, item.cy);
      if ((await active(page, id)) === target.key) {
        const away = await neutralPoint(page);
        await act(away.x, away.y);
        moves += 1;
        await frames(page);
      }
      await page.evaluate(([id, key, type]) => globalThis.__bench.arm(id, key, type), [id, target.key, inputType]);
      if (kind === 'tap') await sleep(lastTap + TAP_INTERVAL_MS - Date.now());
      await act(point.x, point.y);
      lastTap = Date.now();
      moves += 1;
      const r = await page.evaluate(() => globalThis.__bench.result());
      if (r.ok && r.input !== null) {
        // ms: the latency; queued: input timestamp → first listener; toDom: → the page changed.
        latencies.push({
          chart: id,
          key: target.key,
          ms: r.frame - r.input,
          queued: r.handled - r.input,
          toDom: r.changed - r.input,
        });
      } else {
        misses.push({ chart: id, key: target.key, active: r.active ?? null, input: r.input ?? null, point, recent: r.recent });
      }
    }
  }
  return { latencies, misses, moves };
}

/** Hover moves between the items of each chart in turn until `total` moves have been made. */
async function hoverMoves(page, cdp, total) {
  let made = 0;
  const perChart = Math.ceil(total / CHART_IDS.length);
  while (made < total) {
    for (const id of CHART_IDS) {
      const list = await items(page, id);
      if (list.length === 0) continue;
      // Scroll the chart's first item into view; then stay on the items visible with it.
      const first = await pointOnScreen(page, id, list[0].cx, list[0].cy);
      const dy = first.y - list[0].cy;
      const h = page.viewportSize().height;
      const visible = list.filter((i) => i.cy + dy > 10 && i.cy + dy < h - 10);
      for (let k = 0; k < perChart && made < total; k += 1) {
        const item = visible[k % visible.length];
        // Alternate between an item and a point just beside its centre, so each move is new.
        const nudge = k % 2 === 0 ? 0 : Math.min(2, item.w / 4);
        await mouseMove(cdp, first.x - list[0].cx + item.cx + nudge, item.cy + dy);
        made += 1;
      }
      if (made >= total) break;
    }
  }
  await frames(page);
  return made;
}

async function heaps(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => globalThis.__bench.wasm?.memory?.buffer?.byteLength ?? null);
  return { js: usedSize, wasm };
}

const KIND_OF = (url, mime) => {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm') || /wasm/.test(mime)) return 'wasm';
  if (path.endsWith('.js') || /javascript/.test(mime)) return 'js';
  if (path.endsWith('.css') || /css/.test(mime)) return 'css';
  if (path.endsWith('.html') || path.endsWith('/') || /html/.test(mime)) return 'html';
  if (path.endsWith('.json') || /json/.test(mime)) return 'json';
  return 'other';
};

/**
 * The floor of the latency measurement in this browser: the same passes on a page that does
 * nothing but hit-test and set an attribute and a tooltip's text (scripts/bench-baseline/).
 */
async function baselineRun(browser, server, config) {
  const context = await browser.newContext({ viewport: { width: config.device.width, height: config.device.height }, ...config.device });
  await context.addInitScript(instrument, { expected: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: config.rate });
  await page.goto(new URL('/__bench/', server.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.__bench.allPainted !== null, null, { timeout: 30_000 });
  const hover = await latencyPass(page, cdp, 'hover', ['baseline']);
  if (!config.device.hasTouch) await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const taps = await latencyPass(page, cdp, 'tap', ['baseline']);
  await context.close();
  const ms = (list) => list.map((l) => l.ms);
  return { hover: median(ms(hover.latencies)), tap: median(ms(taps.latencies)), misses: hover.misses.length + taps.misses.length };
}

/**
 * The floor of "all charts painted" in this browser: a page with nothing but canvases of the
 * sizes the page drew (`canvases`, device px), each shown with one band drawn by the page's own
 * path (scripts/bench-baseline/paint.html), timed as the page is. What the pixels alone cost.
 */
async function paintFloorRun(browser, server, config, canvases) {
  const context = await browser.newContext({ viewport: { width: config.device.width, height: config.device.height }, ...config.device });
  await context.addInitScript(instrument, { expected: canvases.length });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: config.rate });
  await page.goto(new URL(`/__bench/paint.html?canvases=${canvases.join(',')}`, server.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.__bench.allPainted !== null, null, { timeout: 30_000 });
  const allPainted = await page.evaluate(() => globalThis.__bench.allPainted);
  await context.close();
  return allPainted;
}

async function oneRun(browser, server, config) {
  const context = await browser.newContext({ viewport: { width: config.device.width, height: config.device.height }, ...config.device });
  await context.addInitScript(instrument, { expected: CHART_IDS.length });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);

  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.mime = e.response.mimeType;
    r.status = e.response.status;
    r.fromCache = e.response.fromDiskCache || e.response.fromPrefetchCache;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] ?? 'identity';
    r.contentLength = Number(headers['content-length'] ?? NaN);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: config.rate });

  const painted = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the charts were not painted within 120 s')), 120_000);
    page.on('console', (m) => {
      if (m.text() === '__bench:all-painted') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await page.goto(server.url, { waitUntil: 'load' });
  await painted;
  // Let late requests (the icon) finish and long tasks be reported.
  await page.waitForTimeout(1000);
  // Playwright's own scripts enter the page's heap the first time it reads the page, in each
  // of its two worlds: read once in both before the first heap reading, so they are not
  // counted as the app's growth.
  await items(page, CHART_IDS[0]);
  const load = await page.evaluate(() => {
    const B = globalThis.__bench;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const canvases = [...document.querySelectorAll('figure.chart canvas.chart-canvas')].map((c) => `${c.width}x${c.height}`);
    return {
      firstPainted: B.firstPainted, allPainted: B.allPainted, longTasks: B.longTasks.slice(), fcp, noLongTasks: !!B.noLongTasks, canvases,
      viewportVisible: B.viewportVisible, chartsInView: B.chartsInView, interactive: B.interactive,
    };
  });
  const afterLoad = await heaps(page, cdp);
  const loadTasksSeen = load.longTasks.length;

  if (args['load-only']) {
    const empty = { latencies: [], misses: [], moves: 0 };
    const none = { js: NaN, wasm: NaN };
    return finish(await page.evaluate(() => globalThis.__bench.longTasks.slice()), [], 0, none, empty, empty);
  }
  const now = () => page.evaluate(() => performance.now());
  const phases = [];
  // The moves come first, so that the heap readings see the app and little of the benchmark.
  phases.push(['moves', await now()]);
  const moves = await hoverMoves(page, cdp, MOVES);
  const afterHovers = await heaps(page, cdp);
  phases.push(['hover', await now()]);
  const hover = await latencyPass(page, cdp, 'hover');

  if (!config.device.hasTouch) await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  phases.push(['tap', await now()]);
  const taps = await latencyPass(page, cdp, 'tap');

  const allTasks = await page.evaluate(() => globalThis.__bench.longTasks.slice());
  return finish(allTasks, phases, moves, afterHovers, hover, taps);

  async function finish(allTasks, phases, moves, afterHovers, hover, taps) {
    const interactionTasks = allTasks.slice(loadTasksSeen);
    const phaseOf = (t) => [...phases].reverse().find(([, start]) => t.start >= start)?.[0] ?? 'load';
    const longestIn = Object.fromEntries(phases.map(([name]) => [name, 0]));
    for (const t of interactionTasks) {
      const phase = phaseOf(t);
      if (phase in longestIn) longestIn[phase] = Math.max(longestIn[phase], t.duration);
    }

    // Whether this browser reports long tasks at all: a task of 120 ms after every measurement
    // must be seen, or "no long task over the budget" is no measurement.
    const longTasksSeen = await page.evaluate(async () => {
      const B = globalThis.__bench;
      if (B.noLongTasks) return false;
      const start = performance.now();
      await new Promise((done) =>
        setTimeout(() => {
          const end = Date.now() + 120;
          while (Date.now() < end);
          done();
        }, 0),
      );
      for (let i = 0; i < 40; i += 1) {
        if (B.longTasks.some((t) => t.start >= start && t.duration >= 100)) return true;
        await new Promise((done) => setTimeout(done, 50));
      }
      return false;
    });

    // Bytes by kind.
    const bytes = { body: 0, wire: 0, requests: 0, byKind: {} };
    for (const r of requests.values()) {
      if (r.wire === undefined) continue;
      const kind = KIND_OF(r.url, r.mime ?? '');
      const body = Number.isFinite(r.contentLength) ? r.contentLength : r.wire;
      bytes.body += body;
      bytes.wire += r.wire;
      bytes.requests += 1;
      bytes.byKind[kind] ??= { body: 0, wire: 0, requests: 0, encoding: r.encoding };
      bytes.byKind[kind].body += body;
      bytes.byKind[kind].wire += r.wire;
      bytes.byKind[kind].requests += 1;
    }

    await context.close();

    const tbt = load.longTasks
      .filter((t) => t.start < load.allPainted)
      .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    const afterFirst = (tasks) => tasks.filter((t) => t.start >= load.firstPainted).reduce((m, t) => Math.max(m, t.duration), 0);
    const ms = (list) => list.map((l) => l.ms);
    return {
      config: config.id,
      bytes,
      firstPainted: load.firstPainted,
      allPainted: load.allPainted,
      canvases: load.canvases,
      fcp: load.fcp,
      viewportVisible: load.viewportVisible,
      chartsInView: load.chartsInView,
      interactive: load.interactive,
      tbt,
      longTasksBeforeAllPainted: load.longTasks.filter((t) => t.start < load.allPainted),
      maxLongTaskAfterFirstPaintLoad: afterFirst(load.longTasks),
      maxLongTaskInteraction: afterFirst(interactionTasks),
      longTasksInteraction: interactionTasks.map((t) => ({ ...t, phase: phaseOf(t) })),
      longestIn,
      heap: { afterLoad, afterHovers, hoverMoves: moves },
      hover: { median: median(ms(hover.latencies)), max: Math.max(...ms(hover.latencies)), n: hover.latencies.length, misses: hover.misses, latencies: hover.latencies },
      tap: { median: median(ms(taps.latencies)), max: Math.max(...ms(taps.latencies)), n: taps.latencies.length, misses: taps.misses, latencies: taps.latencies },
      errors,
      noLongTasks: load.noLongTasks,
      longTasksSeen,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and the table.

function median(list) {
  const xs = list.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

const fmtMs = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
// KB of 1,024 bytes, as scripts/size-report.mjs prints them.
const fmtKB = (v) => (Number.isFinite(v) ? `${(v / KB).toFixed(1)} KB` : 'n/a');
const fmtMiB = (v) => (Number.isFinite(v) ? `${(v / (1024 * 1024)).toFixed(2)} MiB` : 'n/a');
const fmtKiBSigned = (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v / 1024).toFixed(0)} KiB` : 'n/a');

function stat(runs, pick, fmt) {
  const xs = runs.map(pick).filter(Number.isFinite);
  if (xs.length === 0) return 'n/a';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const m = median(xs);
  return lo === hi ? fmt(m) : `${fmt(m)} [${fmt(lo)}–${fmt(hi)}]`;
}

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main.

// --before=DIR: another build (the one before a change) measured in the same run, each of its
// runs right after the same run of this build, so that both see the same machine and hour. Its
// columns are marked "(before)"; the budgets judge this build only.
const before = typeof args.before === 'string' ? resolve(REPO, args.before) : null;
if (before && !existsSync(join(before, 'index.html'))) {
  console.error(`bench: no build in ${before}`);
  process.exit(2);
}
const mounts = { '/__bench/': join(REPO, 'scripts', 'bench-baseline') };
const server = await startServer({ root: dist, mounts });
const beforeServer = before ? await startServer({ root: before, mounts }) : null;
const BEFORE_SUFFIX = '@before';
const labelOf = (id) => {
  const label = CONFIGS.find((c) => c.id === id.replace(BEFORE_SUFFIX, '')).label;
  return id.endsWith(BEFORE_SUFFIX) ? `${label} (before)` : label;
};
const browser = await launchBrowser();
const results = {};
const started = Date.now();
try {
  console.log(`bench: ${dist} at ${server.url}; ${RUNS} fresh-cache runs per configuration, ${MOVES} hover moves; Chromium ${browser.version()}`);
  if (before) console.log(`bench: and, before it, ${before} at ${beforeServer.url}`);
  const builds = [[server, '']].concat(before ? [[beforeServer, BEFORE_SUFFIX]] : []);
  for (const config of CONFIGS) {
    for (const [, suffix] of builds) results[config.id + suffix] = [];
    for (let i = 0; i < RUNS; i += 1) for (const [target, suffix] of builds) {
      const t0 = Date.now();
      const run = await oneRun(browser, target, config);
      run.floor = args['load-only'] || suffix ? { hover: NaN, tap: NaN } : await baselineRun(browser, target, config);
      run.floor.allPainted = suffix ? NaN : await paintFloorRun(browser, target, config, run.canvases);
      results[config.id + suffix].push(run);
      console.log(
        `  ${labelOf(config.id + suffix)} run ${i + 1}/${RUNS}: all charts ${fmtMs(run.allPainted)}, hover median ${fmtMs(run.hover.median)} (${run.hover.n} items` +
          `${run.hover.misses.length ? `, ${run.hover.misses.length} missed` : ''}), tap median ${fmtMs(run.tap.median)} (${run.tap.n}` +
          `${run.tap.misses.length ? `, ${run.tap.misses.length} missed` : ''}), ${((Date.now() - t0) / 1000).toFixed(0)} s` +
          `${run.errors.length ? `, ${run.errors.length} console errors` : ''}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
  await beforeServer?.close();
}

const ids = Object.keys(results);
const col = (pick, fmt) => ids.map((id) => stat(results[id], pick, fmt));
const kinds = [...new Set(ids.flatMap((id) => results[id].flatMap((r) => Object.keys(r.bytes.byKind))))].sort();
const growth = (r, k) => r.heap.afterHovers[k] - r.heap.afterLoad[k];
const rows = [
  ['transferred, gzip bodies', ...col((r) => r.bytes.body, fmtKB)],
  ['transferred, on the wire (with headers)', ...col((r) => r.bytes.wire, fmtKB)],
  ...kinds.map((k) => [`  ${k} (gzip body)`, ...col((r) => r.bytes.byKind[k]?.body ?? 0, fmtKB)]),
  ['requests', ...col((r) => r.bytes.requests, String)],
  ['first contentful paint', ...col((r) => r.fcp, fmtMs)],
  ['every chart in the first viewport visible', ...col((r) => r.viewportVisible, fmtMs)],
  ['  charts in the first viewport', ...col((r) => r.chartsInView, String)],
  ['interactive (a hover shows its tooltip)', ...col((r) => r.interactive, fmtMs)],
  ['first chart painted', ...col((r) => r.firstPainted, fmtMs)],
  ['all charts painted', ...col((r) => r.allPainted, fmtMs)],
  ['  floor: the same canvases, shown, on an empty page', ...col((r) => r.floor.allPainted, fmtMs)],
  ['long-task blocking before all painted', ...col((r) => r.tbt, fmtMs)],
  ['longest task after 1st chart (load)', ...col((r) => r.maxLongTaskAfterFirstPaintLoad, fmtMs)],
  ['longest task during interactions', ...col((r) => r.maxLongTaskInteraction, fmtMs)],
  ['  during the hover moves', ...col((r) => r.longestIn.moves, fmtMs)],
  ['  during the hover pass', ...col((r) => r.longestIn.hover, fmtMs)],
  ['  during the tap pass', ...col((r) => r.longestIn.tap, fmtMs)],
  ['hover latency, median', ...col((r) => r.hover.median, fmtMs)],
  ['hover latency, max', ...col((r) => r.hover.max, fmtMs)],
  ['tap latency, median', ...col((r) => r.tap.median, fmtMs)],
  ['tap latency, max', ...col((r) => r.tap.max, fmtMs)],
  ['  floor: hover on an empty page', ...col((r) => r.floor.hover, fmtMs)],
  ['  floor: tap on an empty page', ...col((r) => r.floor.tap, fmtMs)],
  ['items measured (hover / tap)', ...ids.map((id) => `${median(results[id].map((r) => r.hover.n))} / ${median(results[id].map((r) => r.tap.n))}`)],
  ['JS heap after load', ...col((r) => r.heap.afterLoad.js, fmtMiB)],
  ['wasm memory after load', ...col((r) => r.heap.afterLoad.wasm, fmtMiB)],
  ['hover moves made', ...col((r) => r.heap.hoverMoves, String)],
  ['JS heap after the moves', ...col((r) => r.heap.afterHovers.js, fmtMiB)],
  ['wasm memory after the moves', ...col((r) => r.heap.afterHovers.wasm, fmtMiB)],
  ['heap growth (JS + wasm)', ...col((r) => growth(r, 'js') + growth(r, 'wasm'), fmtKiBSigned)],
];
console.log(`\nMedians over ${RUNS} fresh-cache runs [min–max over the runs]:\n`);
console.log(table(rows, ['', ...ids.map(labelOf)]));

// Budgets.
const verdicts = [];
// `unmeasured`: how many of the budget's measurements are missing (items whose tooltip never
// showed); any makes the verdict NOT MEASURED, which fails as FAIL does.
const check = (name, config, value, limit, fmt, unmeasured = 0) => {
  if (!Number.isFinite(value)) {
    verdicts.push([name, config, 'n/a', fmt(limit), 'NOT MEASURED']);
    return;
  }
  if (unmeasured > 0) {
    verdicts.push([name, config, `${fmt(value)}, ${unmeasured} not measured`, fmt(limit), 'NOT MEASURED']);
    return;
  }
  verdicts.push([name, config, fmt(value), fmt(limit), value <= limit ? 'PASS' : 'FAIL']);
};
for (const id of ids.filter((id) => !id.endsWith(BEFORE_SUFFIX))) {
  const runs = results[id];
  const config = CONFIGS.find((c) => c.id === id);
  const m = (pick) => median(runs.map(pick));
  const code = (r) => ['wasm', 'js', 'css'].reduce((n, kind) => n + (r.bytes.byKind[kind]?.body ?? 0), 0);
  check('code and styles (wasm, JS, CSS; gzip bodies)', config.label, m(code), BUDGET.codeBytes, fmtKB);
  if (id === 'phone-4x') {
    check('first contentful paint', config.label, m((r) => r.fcp), BUDGET.fcpPhone4x, fmtMs);
    check('every chart in the first viewport visible', config.label, m((r) => r.viewportVisible), BUDGET.viewportVisiblePhone4x, fmtMs);
    check('interactive (a hover shows its tooltip)', config.label, m((r) => r.interactive), BUDGET.interactivePhone4x, fmtMs);
    check('all charts painted', config.label, m((r) => r.allPainted), BUDGET.allPaintedPhone4x, fmtMs);
  }
  if (id === 'desktop-1x') check('first contentful paint', config.label, m((r) => r.fcp), BUDGET.fcpDesktop1x, fmtMs);
  const limit = config.rate >= 4 ? BUDGET.latency4x : BUDGET.latency1x;
  // --load-only measures no interaction: those budgets are left out, not failed.
  if (!args['load-only']) {
    const missed = (pass) => runs.reduce((n, r) => n + r[pass].misses.length, 0);
    check('hover latency, median', config.label, m((r) => r.hover.median), limit, fmtMs, missed('hover'));
    check('tap latency, median', config.label, m((r) => r.tap.median), limit, fmtMs, missed('tap'));
    check('heap growth after the hover moves', config.label, m((r) => growth(r, 'js') + growth(r, 'wasm')), BUDGET.heapGrowth, fmtKiBSigned);
  }
  check(
    'longest task after the first chart is painted',
    config.label,
    runs.every((r) => r.longTasksSeen)
      ? Math.max(...runs.map((r) => Math.max(r.maxLongTaskAfterFirstPaintLoad, r.maxLongTaskInteraction)))
      : NaN,
    BUDGET.longTaskAfterFirstPaint,
    fmtMs,
  );
}
console.log('\nBudgets (the longest task is the worst of all runs; the rest are medians):\n');
console.log(table(verdicts, ['budget', 'configuration', 'measured', 'limit', 'verdict']));

const misses = ids.flatMap((id) => results[id].flatMap((r) => [...r.hover.misses, ...r.tap.misses].map((m) => ({ config: id, ...m }))));
if (misses.length) console.log(`\n${misses.length} item(s) whose tooltip never showed: ${JSON.stringify(misses.slice(0, 10))}`);
const errors = ids.flatMap((id) => results[id].flatMap((r) => r.errors));
if (errors.length) console.log(`\nconsole errors: ${JSON.stringify([...new Set(errors)].slice(0, 10))}`);
if (ids.some((id) => results[id].some((r) => !r.longTasksSeen))) console.log('\nthis Chromium did not report a 120 ms probe task: long tasks are not measured');
if (args.json) {
  writeFileSync(resolve(String(args.json)), JSON.stringify({ dist, runs: RUNS, moves: MOVES, results }, null, 2));
  console.log(`\nraw figures: ${resolve(String(args.json))}`);
}
console.log(`\nbench: ${((Date.now() - started) / 1000).toFixed(0)} s`);
const failed = verdicts.filter((v) => v[4] !== 'PASS');
if (failed.length) console.log(`\nbench: ${failed.length} budget(s) failed or not measured${args['report-only'] ? ' (--report-only: exit 0)' : ''}`);
process.exit(failed.length && !args['report-only'] ? 1 : 0);
