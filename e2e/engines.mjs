// One small layer over the three browser engines readers use, each from Debian's packages and
// none downloaded:
//
//   chromium  /usr/bin/chromium (chromium) through playwright-core, as the other suites;
//   firefox   /usr/bin/firefox-esr (firefox-esr) through puppeteer-core over WebDriver BiDi;
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (webkit2gtk-driver) over classic
//             W3C WebDriver (HTTP, the few commands below), in an Xvfb (xvfb) started here.
//
// A page of any engine offers the same few things: evaluate(fn, arg), waitFor(fn, arg),
// mouseMove(x, y), tap(x, y), press(key), close(); open(url, { javaScript: false }) opens one
// with the page's own scripts off (those the tests run still run, in all three). Classic
// WebDriver has no init scripts, so the test server puts one in every page instead
// (startServer({ initScript: true })), the same for all three engines; ERROR_RECORDER is its
// first part. An engine that cannot start throws with the reason and the tail of its log:
// nothing is skipped.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

/**
 * Collects what a reader's console would show, in every engine alike: uncaught errors and
 * rejections, resources that failed to load, CSP violations and console.error calls, in
 * `window.__e2eErrors`. Runs before the page's own scripts.
 */
export const ERROR_RECORDER = `(function () {
  var errors = (window.__e2eErrors = []);
  addEventListener('error', function (e) {
    var t = e.target;
    // Reported to window.onerror by the spec when a ResizeObserver callback changes what it
    // observes (the iframe's heights); no reader sees it, and the next frame delivers the rest.
    if (/^ResizeObserver loop/.test(e.message)) return;
    if (t && t !== window && t.tagName) errors.push('failed to load ' + t.tagName + ' ' + (t.src || t.href || ''));
    else errors.push('error: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + (e.reason && (e.reason.stack || e.reason)));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    errors.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + [].map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
})();
`;

/** Launch `name` (one of ENGINES); returns { name, pixelRatio, open(url, viewport), close() }. */
export async function launchEngine(name) {
  if (name === 'chromium') return launchChromium();
  if (name === 'firefox') return launchFirefox();
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown engine "${name}" (one of ${ENGINES.join(', ')})`);
}

function requireFile(path, what, pkg) {
  if (!existsSync(path)) {
    throw new Error(`${what} is not at ${path}: install Debian's ${pkg} (bash scripts/setup.sh)`);
  }
}

/** waitFor over any `evaluate`: polls `fn(arg)` until it is truthy. */
async function poll(evaluate, fn, arg, { timeout = 20_000, what = fn.name || 'condition' } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** A playwright or puppeteer page (their mouse, touchscreen and keyboard agree) as an engine page. */
function enginePage(page, close) {
  const evaluate = (fn, arg) => page.evaluate(fn, arg);
  return {
    evaluate,
    waitFor: (fn, arg, options) => poll(evaluate, fn, arg, options),
    mouseMove: (x, y) => page.mouse.move(x, y),
    tap: (x, y) => page.touchscreen.tap(x, y),
    press: (key) => page.keyboard.press(key),
    close,
  };
}

// --- Chromium: playwright-core --------------------------------------------------------------

async function launchChromium() {
  requireFile(CHROMIUM_PATH, 'Chromium', 'chromium');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return {
    name: 'chromium',
    version: browser.version(),
    pixelRatio: 2,
    async open(url, { width = 1280, height = 800, touch = false, javaScript = true } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: 2,
        hasTouch: touch,
        javaScriptEnabled: javaScript,
      });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return enginePage(page, () => context.close());
    },
    close: () => browser.close(),
  };
}

// --- Firefox: puppeteer-core over WebDriver BiDi ------------------------------------------------

async function launchFirefox() {
  requireFile(FIREFOX_PATH, 'Firefox ESR', 'firefox-esr');
  const { default: puppeteer } = await import('puppeteer-core');
  const launch = (prefs = {}) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, ...prefs },
    });
  const browser = await launch();
  // Pages without JavaScript: a second Firefox, started when first asked for, whose pref turns
  // the page's scripts off (page.setJavaScriptEnabled is not there over BiDi in Firefox ESR 153;
  // WebDriver BiDi's own scripts still run).
  let withoutJs = null;
  return {
    name: 'firefox',
    version: await browser.version(),
    pixelRatio: 2,
    async open(url, { width = 1280, height = 800, javaScript = true } = {}) {
      if (!javaScript) withoutJs ??= launch({ 'javascript.enabled': false });
      const context = await (javaScript ? browser : await withoutJs).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: 2 });
      await page.goto(url, { waitUntil: 'load' });
      return enginePage(page, () => context.close());
    },
    close: async () => {
      await browser.close();
      if (withoutJs) await (await withoutJs).close();
    },
  };
}

// --- WebKit: WebKitWebDriver (classic WebDriver over HTTP) and MiniBrowser under Xvfb -----------

/** WebDriver's key values for the keys the tests press. */
const WEBDRIVER_KEYS = {
  Tab: '\uE004',
  Escape: '\uE00C',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Enter: '\uE007',
};

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** A child process whose output is kept (the last 4 KB) for error messages. */
function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe', ...(options.extraStdio ?? [])], ...options });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-4096);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  return {
    child,
    log: () => log,
    exited: () => exited,
    stop: () => {
      if (exited === null) child.kill('SIGTERM');
    },
  };
}

/** Start Xvfb on a free display; resolves to { display, process }. */
async function startXvfb() {
  requireFile(XVFB_PATH, 'Xvfb', 'xvfb');
  // -displayfd: Xvfb picks a free display and writes its number to fd 3. -noreset: by default an
  // X server resets whenever its last client leaves, and refuses connections while it does; each
  // page is a MiniBrowser of its own, started as the one before quits, and one that finds no
  // display exits while WebKitWebDriver waits for it without end.
  const xvfb = startProcess(
    XVFB_PATH,
    ['-displayfd', '3', '-screen', '0', '3200x2400x24', '-nolisten', 'tcp', '-noreset'],
    { extraStdio: ['pipe'] },
  );
  const display = await new Promise((ok, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`Xvfb gave no display in 10 s:\n${xvfb.log()}`)), 10_000);
    xvfb.child.stdio[3].on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        ok(`:${text.trim()}`);
      }
    });
    xvfb.child.on('exit', () => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited before giving a display:\n${xvfb.log()}`));
    });
  });
  return { display, process: xvfb };
}

async function launchWebKit() {
  requireFile(WEBKIT_DRIVER_PATH, 'WebKitWebDriver', 'webkit2gtk-driver');
  requireFile(MINIBROWSER_PATH, "WebKitGTK's MiniBrowser", 'webkit2gtk-driver (libwebkit2gtk-4.1-0)');
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = startProcess(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
    // GDK_SCALE: two device px per CSS px, as on the phones most WebKit readers have.
    env: { ...process.env, DISPLAY: xvfb.display, GDK_BACKEND: 'x11', GDK_SCALE: '2' },
  });
  const base = `http://127.0.0.1:${port}`;
  const stopAll = () => {
    driver.stop();
    xvfb.process.stop();
  };

  // A MiniBrowser that cannot open the X display exits at once, and WebKitWebDriver then waits
  // for it without end: the session being started fails as soon as the driver logs that.
  let starting = null;
  const watchStart = (chunk) => {
    if (starting && /cannot open display/.test(chunk)) starting.abort(new Error('MiniBrowser could not open the X display'));
  };
  driver.child.stdout.on('data', watchStart);
  driver.child.stderr.on('data', watchStart);

  /** One WebDriver command; throws with the driver's error and log. */
  async function command(method, path, body, signal) {
    let response;
    try {
      response = await fetch(base + path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Past every timeout WebDriver itself has (60 s): a hung browser fails the test now.
        signal: AbortSignal.any([AbortSignal.timeout(90_000), ...(signal ? [signal] : [])]),
      });
    } catch (error) {
      const xvfbState = xvfb.process.exited() ? `Xvfb ${xvfb.display} exited: ${JSON.stringify(xvfb.process.exited())}` : `Xvfb ${xvfb.display} running`;
      throw new Error(`WebKitWebDriver did not answer ${method} ${path}: ${error.message} (${xvfbState})\n${driver.log()}`);
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const v = answer.value ?? {};
      throw new Error(`WebKitWebDriver ${method} ${path}: ${v.error} ${v.message}\n${driver.log()}`);
    }
    return answer.value;
  }

  try {
    const until = Date.now() + 15_000;
    for (;;) {
      const ready = await fetch(`${base}/status`).then((r) => r.json()).then((s) => s.value?.ready, () => false);
      if (ready) break;
      if (driver.exited() || Date.now() > until) {
        throw new Error(`WebKitWebDriver did not start (${JSON.stringify(driver.exited())}):\n${driver.log()}`);
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
  } catch (error) {
    stopAll();
    throw error;
  }

  // MiniBrowser takes WebKitSettings as options: --enable-javascript=false turns the page's
  // scripts off (WebDriver's own scripts still run).
  const capabilitiesFor = ({ javaScript = true } = {}) => ({
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation', ...(javaScript ? [] : ['--enable-javascript=false'])] },
        timeouts: { script: 60_000, pageLoad: 60_000 },
      },
    },
  });
  /** A new session: a MiniBrowser of its own. */
  async function newSession(options) {
    starting = new AbortController();
    try {
      return await command('POST', '/session', capabilitiesFor(options), starting.signal);
    } finally {
      starting = null;
    }
  }
  const first = await newSession().catch((error) => {
    stopAll();
    throw error;
  });
  const version = `${first.capabilities.browserName} ${first.capabilities.browserVersion}`;
  await command('DELETE', `/session/${first.sessionId}`);

  return {
    name: 'webkit',
    version,
    pixelRatio: 2,
    // A session (a MiniBrowser of its own, fresh storage) per page.
    async open(url, { width = 1280, height = 800, javaScript = true } = {}) {
      const { sessionId } = await newSession({ javaScript });
      const session = `/session/${sessionId}`;
      const run = (fn, arg) =>
        command('POST', `${session}/execute/async`, {
          script: `var done = arguments[arguments.length - 1], arg = arguments[0];
            Promise.resolve().then(function () { return (${fn.toString()})(arg); }).then(
              function (value) { done({ value: value === undefined ? null : value }); },
              function (e) { done({ error: String((e && e.stack) || e) }); });`,
          args: [arg ?? null],
        });
      const evaluate = async (fn, arg) => {
        const result = await run(fn, arg);
        if (result?.error) throw new Error(`in WebKit: ${result.error}`);
        return result?.value;
      };
      // The window's size is the viewport's plus its frame: set, measure, correct once.
      await command('POST', `${session}/window/rect`, { width, height });
      const inner = await evaluate(() => ({ w: innerWidth, h: innerHeight }));
      if (inner.w !== width || inner.h !== height) {
        await command('POST', `${session}/window/rect`, { width: 2 * width - inner.w, height: 2 * height - inner.h });
      }
      await command('POST', `${session}/url`, { url });
      const pointer = (pointerType, actions) =>
        command('POST', `${session}/actions`, {
          actions: [{ type: 'pointer', id: pointerType, parameters: { pointerType }, actions }],
        });
      const at = (x, y) => ({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 });
      return {
        evaluate,
        waitFor: (fn, arg, options) => poll(evaluate, fn, arg, options),
        mouseMove: (x, y) => pointer('mouse', [at(x, y)]),
        tap: (x, y) =>
          pointer('touch', [at(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]),
        press: (key) => {
          const value = WEBDRIVER_KEYS[key] ?? key;
          return command('POST', `${session}/actions`, {
            actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
          });
        },
        close: () => command('DELETE', session),
      };
    },
    close: async () => {
      stopAll();
    },
  };
}
