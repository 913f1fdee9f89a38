#!/usr/bin/env node
// Turns the SVGs written by examples/render_assets.rs into PNGs with Debian's headless
// Chromium (through playwright-core; nothing is downloaded): <out>/svg/NAME.svg ->
// <out>/share/NAME.png at the SVG's own width and height, one CSS px to one pixel, with the
// system's fonts (fonts-noto-cjk for the Chinese). Fails when an image comes out blank.
//
//   node scripts/rasterize.mjs [out=generated]

import { readdirSync, readFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../e2e/harness.mjs';

const out = resolve(process.argv[2] ?? 'generated');
const svgDir = join(out, 'svg');
const shareDir = join(out, 'share');
mkdirSync(shareDir, { recursive: true });

const files = readdirSync(svgDir).filter((f) => f.endsWith('.svg')).sort();
if (files.length === 0) {
  console.error(`rasterize: no SVG in ${svgDir} (run: cargo run --example render_assets -- ${out})`);
  process.exit(2);
}

const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const file of files) {
    const text = readFileSync(join(svgDir, file), 'utf8');
    const size = /<svg\b[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"/.exec(text);
    if (!size) throw new Error(`rasterize: ${file} has no width and height`);
    const [width, height] = [Number(size[1]), Number(size[2])];
    await page.setViewportSize({ width, height });
    await page.goto(pathToFileURL(join(svgDir, file)).href);
    await page.evaluate(() => document.fonts?.ready);
    const png = join(shareDir, file.replace(/\.svg$/, '.png'));
    const shot = await page.screenshot({ path: png, clip: { x: 0, y: 0, width, height } });
    // A blank image compresses to almost nothing; a chart does not.
    if (shot.length < 2000) throw new Error(`rasterize: ${png} looks blank (${shot.length} bytes)`);
    console.log(`rasterize: ${file} -> share/${file.replace(/\.svg$/, '.png')} ${width}x${height} ${statSync(png).size} bytes`);
  }
} finally {
  await browser.close();
}
