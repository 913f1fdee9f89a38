// See paint.html. The same path as src/components/chart_drawing.rs: the canvas's own 2D context,
// left transparent but for one band, in a box and a figure.chart, as the page's markup (the
// benchmark's paint check looks for it). Styles go through the style
// object: the page is served with the strict CSP.
// Device px: wider than the paint check's sampling step (the canvas scaled to 128 px wide).
const PAINT_CHECK_BAND = 16;
const sizes = (new URLSearchParams(location.search).get('canvases') ?? '')
  .split(',')
  .filter(Boolean)
  .map((size) => size.split('x').map(Number));
const main = document.querySelector('main');
for (const [width, height] of sizes) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.className = 'chart-canvas';
  const cssSize = [width, height].map((px) => `${px / devicePixelRatio}px`);
  Object.assign(canvas.style, { display: 'block', width: cssSize[0], height: cssSize[1] });
  // The page's .canvas-box: rendered only near the viewport, sized while it is skipped.
  const box = document.createElement('div');
  Object.assign(box.style, { contentVisibility: 'auto', containIntrinsicSize: cssSize.join(' ') });
  box.append(canvas);
  figure.append(box);
  main.append(figure);
  canvas.width = width;
  canvas.height = height;
  // The page leaves the background transparent; one band across the top is drawn, so the
  // benchmark's paint check (which samples the canvas scaled down) sees the canvas painted.
  const context = canvas.getContext('2d');
  context.fillStyle = '#0072b2';
  context.fillRect(0, 0, width, PAINT_CHECK_BAND);
}
