// See index.html. Styles go through the style object: the page is served with the strict CSP.
const canvas = document.querySelector('canvas');
canvas.width = 300;
canvas.height = 300;
Object.assign(canvas.style, { width: '300px', height: '300px', display: 'block', touchAction: 'pan-y' });
canvas.parentElement.style.position = 'relative';
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#ddd';
ctx.fillRect(0, 0, 300, 300);
const items = [];
for (let i = 0; i < 9; i += 1) items.push({ key: `cell${i}`, x: (i % 3) * 100, y: Math.floor(i / 3) * 100, w: 100, h: 100 });
canvas.dataset.items = items.map((i) => `${i.key}:${i.x},${i.y},${i.w},${i.h}`).join(';');
let tooltip = null;
function show(event) {
  const item = items.find((i) => event.offsetX >= i.x && event.offsetX <= i.x + i.w && event.offsetY >= i.y && event.offsetY <= i.y + i.h);
  if (!item) return;
  canvas.setAttribute('data-active-item', item.key);
  if (!tooltip) {
    tooltip = document.createElement('div');
    tooltip.className = 'chart-tooltip';
    canvas.parentElement.append(tooltip);
  }
  tooltip.textContent = item.key;
}
canvas.addEventListener('pointermove', (e) => e.pointerType !== 'touch' && show(e));
// As the page does: a finger shows the item it lands on.
canvas.addEventListener('pointerdown', (e) => e.pointerType === 'touch' && show(e));
canvas.addEventListener('pointerup', show);
canvas.addEventListener('pointerleave', (e) => {
  if (e.pointerType !== 'touch') canvas.removeAttribute('data-active-item');
});
