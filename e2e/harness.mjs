// Helpers for the end-to-end tests: Debian's Chromium driven by playwright-core
// (never a Playwright-downloaded browser), pages that record every console
// error, uncaught page error and CSP violation, and screenshots saved under
// e2e/artifacts/ (gitignored).
//
// Every page opened here fails its test on a CSP violation: close() throws when
// any `securitypolicyviolation` was seen (unless openPage was told
// allowCspViolations: true, for the test that proves violations are caught).

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Launch headless Chromium from /usr/bin/chromium (or $CHROMIUM_PATH). */
export async function launchBrowser({ scrollbars = false } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // Playwright hides scrollbars by default; `scrollbars` shows them as on Windows and Linux,
    // where the window's scrollbar takes width from the page.
    ...(scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
  });
}

/**
 * Open `url` in a fresh browser context with the given viewport/device.
 *
 * Returns { page, context, consoleErrors, pageErrors, cspViolations, failedRequests, close }.
 * The arrays fill up while the page lives:
 *   consoleErrors   console.error(...) and browser-reported errors (failed loads, CSP refusals)
 *   pageErrors      uncaught exceptions and unhandled rejections (including Rust panics
 *                   that reach JS as errors)
 *   cspViolations   `securitypolicyviolation` events: {violatedDirective, effectiveDirective,
 *                   blockedURI, sourceFile, lineNumber, sample}
 *   failedRequests  requests that failed or answered with HTTP >= 400: {url, status|failure}
 */
export async function openPage(
  browser,
  url,
  {
    width = 1280,
    height = 800,
    deviceScaleFactor = 1,
    hasTouch = false,
    isMobile = false,
    allowCspViolations = false,
  } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    hasTouch,
    isMobile,
  });
  const consoleErrors = [];
  const pageErrors = [];
  const cspViolations = [];
  const failedRequests = [];

  // Report CSP violations back to node as soon as they happen. Init scripts and
  // bindings are injected by the DevTools protocol, so the page's CSP does not
  // block them.
  await context.exposeBinding('__e2eReportCspViolation', (_source, violation) => {
    cspViolations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // eslint-disable-next-line no-undef
      globalThis.__e2eReportCspViolation({
        violatedDirective: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
        sample: e.sample,
        disposition: e.disposition,
      });
    });
    // Trunk's loader announces the instance; keep it so tests can read the wasm memory.
    addEventListener('TrunkApplicationStarted', (e) => {
      globalThis.__e2eWasm = e.detail?.wasm;
    });
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      consoleErrors.push(loc?.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
    }
  });
  page.on('pageerror', (err) => {
    pageErrors.push(err?.stack || err?.message || String(err));
  });
  page.on('requestfailed', (req) => {
    failedRequests.push({ url: req.url(), failure: req.failure()?.errorText ?? 'failed' });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) failedRequests.push({ url: res.url(), status: res.status() });
  });

  await page.goto(url, { waitUntil: 'load' });

  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    cspViolations,
    failedRequests,
    close: async () => {
      // Let violation reports still on their way reach node before judging.
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0))).catch(() => {});
      await context.close();
      if (!allowCspViolations && cspViolations.length > 0) {
        throw new Error(
          `${cspViolations.length} Content-Security-Policy violation(s) on ${url}:\n` +
            JSON.stringify(cspViolations, null, 2),
        );
      }
    },
  };
}

/** Bytes of the page's WebAssembly memory (0 before the app has started). */
export function wasmMemoryBytes(page) {
  return page.evaluate(() => globalThis.__e2eWasm?.memory?.buffer?.byteLength ?? 0);
}

/**
 * Wait until the app has started (Trunk's loader has run the wasm, `window.wasmBindings`, and
 * the page has finished taking over its pre-rendered HTML: `<html>` has no `data-hydrating`),
 * and `selector` exists and has child elements or text (the app has rendered).
 *
 * Every address of the build is pre-rendered (issue 21): `#app` has its content before any
 * script runs, so content alone no longer says that the app is there. A page whose wasm fails
 * never starts; wait for its `.panic-panel` instead.
 */
export async function waitForContent(page, selector = '#app', timeout = 20_000) {
  await page.waitForFunction(
    (sel) => {
      if (window.wasmBindings === undefined || document.documentElement.hasAttribute('data-hydrating')) return false;
      const el = document.querySelector(sel);
      return !!el && (el.childElementCount > 0 || el.textContent.trim().length > 0);
    },
    selector,
    { timeout },
  );
  // Let layout, ResizeObserver callbacks and canvas drawing settle for two frames.
  await page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );
}

/** Save a full-page PNG as e2e/artifacts/<name> and return its path. */
export async function saveScreenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
