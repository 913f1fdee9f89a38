// Smoke test: the release build in dist/ loads under a strict CSP on a phone
// and on a desktop viewport, renders something into #app, and logs no errors.
// Run by scripts/test.sh after `trunk build --release --offline`:
//   node --test --test-concurrency=1 e2e/*.test.mjs

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForContent, saveScreenshot } from './harness.mjs';
import { serveBuildToBrowser } from './page-helpers.mjs';

const VIEWPORTS = [
  { name: 'smoke-390', width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
  { name: 'smoke-1280', width: 1280, height: 800, deviceScaleFactor: 1, hasTouch: false, isMobile: false },
];

describe('smoke', () => {
  const suite = serveBuildToBrowser();

  for (const vp of VIEWPORTS) {
    it(`renders #app at ${vp.width} px with no errors or CSP violations`, async () => {
      const { name, ...device } = vp;
      const p = await openPage(suite.browser, suite.server.url, device);
      try {
        let rendered = null;
        try {
          await waitForContent(p.page, '#app');
        } catch (err) {
          rendered = err;
        }
        // Screenshot first, so there is something to look at when an assertion fails.
        await saveScreenshot(p.page, `${name}.png`);
        const report = JSON.stringify(
          {
            consoleErrors: p.consoleErrors,
            pageErrors: p.pageErrors,
            cspViolations: p.cspViolations,
            failedRequests: p.failedRequests,
          },
          null,
          2,
        );
        assert.equal(rendered, null, `#app stayed empty: ${rendered?.message}\n${report}`);
        assert.deepEqual(p.pageErrors, [], `uncaught page errors:\n${report}`);
        assert.deepEqual(p.cspViolations, [], `CSP violations:\n${report}`);
        assert.deepEqual(p.consoleErrors, [], `console errors:\n${report}`);
        assert.deepEqual(p.failedRequests, [], `failed requests:\n${report}`);
      } finally {
        await p.close();
      }
    });
  }
});
