/* Banan infographic: sizes our iframes to the heights they report. README.md: Embedding. */
((w, d) => {
  if (w.bananEmbed) return;
  w.bananEmbed = 1;
  const o = new URL(d.currentScript.src).origin;
  const each = (f) => d.querySelectorAll('iframe').forEach(f);
  const first = () => each((f) => {
    const t = f.getAttribute('data-banan-heights');
    let h;
    if (!t || f.bananSized) return;
    for (const p of t.split(' ')) if (!h || f.clientWidth >= p.split(':')[0]) h = p.split(':')[1];
    f.style.height = h + 'px';
    f.contentWindow.postMessage('banan-height?', o);
  });
  w.addEventListener('message', (e) => {
    let m;
    try { m = e.origin === o && JSON.parse(e.data); } catch { return; }
    if (m && m.context === 'iframe.resize' && m.height > 0) each((f) => {
      if (f.contentWindow === e.source) { f.bananSized = 1; f.style.height = Math.ceil(m.height) + 'px'; }
    });
  });
  first();
  d.addEventListener('DOMContentLoaded', first);
})(window, document);
