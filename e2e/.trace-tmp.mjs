import { startServer } from './server.mjs';
import { launchBrowser } from './harness.mjs';
import { writeFileSync } from 'node:fs';
const dist = process.argv[2]; const rate = Number(process.argv[3] ?? 4);
const server = await startServer({ root: dist });
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Network.enable'); await cdp.send('Network.clearBrowserCache');
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading,v8', transferMode: 'ReportEvents' });
await page.goto(server.url, { waitUntil: 'load' });
await page.waitForFunction(() => [...document.querySelectorAll('canvas.chart-canvas')].length >= 7 && [...document.querySelectorAll('canvas.chart-canvas')].every((c) => c.width > 0), null, { timeout: 60000, polling: 50 });
await page.waitForTimeout(300);
await cdp.send('Tracing.end'); await done;
writeFileSync('/tmp/tr/trace.json', JSON.stringify({ traceEvents: events }));
// main thread
const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming' ) ;
const tids = new Set(names.map((e) => `${e.pid}:${e.tid}`));
const main = events.filter((e) => tids.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
const t0 = Math.min(...main.map((e) => e.ts));
const by = {};
for (const e of main) { by[e.name] = (by[e.name] ?? 0) + (e.dur ?? 0); }
console.log('span ms', (Math.max(...main.map((e) => e.ts + (e.dur ?? 0))) - t0) / 1000);
for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1).padStart(8), k);
// top level tasks timeline
const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 20000).map((e) => [((e.ts - t0) / 1000).toFixed(0), (e.dur / 1000).toFixed(1)]);
console.log('long RunTasks', JSON.stringify(tasks));
await browser.close(); server.close?.();
process.exit(0);
