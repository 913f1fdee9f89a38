// In an iframe, posts this graphic's height to the parent page on load and on every change
// (ResizeObserver, no polling) in the shapes of pym.js, Datawrapper, Flourish/Embedly (also read
// by share/embed.js) and AMP. README.md, "Embedding".
(function () {
  var w = window, p = w.parent, root = document.documentElement;
  if (p === w) return;
  var q = new URLSearchParams(location.search), id = q.get('childId'), src = location.href;
  var key = 'banan-' + (q.get('chart') || 'page'), last = -1;
  function send(always) {
    var h = Math.ceil(root.getBoundingClientRect().height), dw = {};
    if (h === last && !always) return;
    last = dw[key] = h;
    if (id) p.postMessage('pymxPYMx' + id + 'xPYMxheightxPYMx' + h, '*');
    p.postMessage({ 'datawrapper-height': dw }, '*');
    p.postMessage(JSON.stringify({ sender: 'banan-infographic', context: 'iframe.resize', height: h, src: src }), '*');
    p.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  }
  new ResizeObserver(function () { send(); }).observe(root);
  // Asked again: a pym.js parent sends its width; share/embed.js asks when it starts late.
  w.addEventListener('message', function (e) {
    var m = e.data;
    if (e.source === p && (m === 'banan-height?' || (id && typeof m === 'string' && m.indexOf('pymxPYMx' + id + 'xPYMxwidthxPYMx') === 0))) send(1);
  });
})();
