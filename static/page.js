// The page's two small scripts outside the wasm, in one file because each request delays the
// wasm's start (a second deferred script delayed the charts on a slow phone):
// 1. the error panel when the wasm fails to load or traps;
// 2. in an iframe, the graphic's height for the parent page.

// 1. The error panel for a page whose WebAssembly fails, pinned to the top of the viewport so that
// a reader scrolled down to a chart sees it too:
// * a trap while running: release builds abort on a panic (`panic = "abort"` in Cargo.toml), and
//   any build traps after a panic;
// * any other uncaught error that went through the wasm or its glue (a JS error the glue throws
//   for the wasm, as wasm-bindgen's throw_str and unwrap_throw do): it has unwound through Rust
//   code, whose state can no longer be trusted, so the page is as broken as after a trap;
// * before the app has started, any uncaught error or rejection: the glue or the wasm could not
//   be fetched, compiled or instantiated (a failed load, an old browser), which would otherwise
//   leave an empty page.
// Plain JS, outside the wasm: after a trap nothing in the instance can be trusted, and a wasm that
// never loaded cannot report itself.
(function () {
  var started = false;
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  function show(loading) {
    if (document.querySelector('.panic-panel') || !document.body) return;
    var panel = document.createElement('div'), s = panel.style;
    panel.className = 'error-panel panic-panel';
    panel.setAttribute('role', 'alert');
    panel.textContent = loading
      ? '图表未能加载，请刷新页面。The graphic could not be loaded; please reload.'
      : '图表出错，请刷新页面。The graphic hit an error; please reload.';
    // Through the style object, which a strict CSP allows, in case the stylesheet is missing too.
    s.position = 'fixed'; s.top = s.left = s.right = s.margin = '0'; s.zIndex = '1000';
    document.body.prepend(panel);
    // The pre-rendered page stays readable: its data tables, kept out of the layout until the
    // charts took over, go back to screen readers.
    document.querySelectorAll('.data-table-wrap[hidden]').forEach(function (t) { t.hidden = false; });
  }
  // After the start, any error whose stack holds a wasm frame (Chromium, Firefox and Safari name
  // them "wasm-function" or "wasm://") or the glue (the one script named
  // banan-infographic-<hash>.js); an error from anything else (a browser extension, say) leaves
  // the graphic alone.
  function failed(error) {
    var trap = typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
    var viaWasm = /wasm-function|wasm:\/\/|\/banan-infographic-[0-9a-f]+\.js/.test(error && error.stack);
    if ((trap || viaWasm) && takeOverFailed()) return;
    if (trap || (started && viaWasm)) show(false);
    else if (!started) show(true);
  }
  // Taking over the pre-rendered page failed (src/main.rs marks <html data-hydrating> until every
  // component has taken over its HTML): the page stays as the build wrote it, readable, and is
  // loaded again to be rendered afresh (src/browser.rs, takeover_failed_before). Once per tab
  // and address: a second failure shows the panel.
  function takeOverFailed() {
    if (!document.documentElement.hasAttribute('data-hydrating')) return false;
    document.documentElement.removeAttribute('data-hydrating');
    try {
      if (sessionStorage.getItem('banan-takeover-failed') === location.pathname) return false;
      sessionStorage.setItem('banan-takeover-failed', location.pathname);
    } catch (e) { return false; }
    location.reload();
    return true;
  }
  // Capture: a script that fails to load fires `error` on its element, which does not bubble.
  addEventListener('error', function (e) {
    var el = e.target;
    if (el && el.tagName === 'SCRIPT') { if (!started) show(true); } else if (el === window) failed(e.error);
  }, true);
  addEventListener('unhandledrejection', function (e) { failed(e.reason); });
})();

// 2. In an iframe, posts this graphic's height to the parent page on load and on every change
// (ResizeObserver, no polling) in the shapes of pym.js, Datawrapper, Flourish/Embedly (also read
// by share/embed.js) and AMP. README.md, "Embedding".
// In a frame, tells the host page the graphic's height. In a window of its own there is nothing
// to do here: index.html's head marks the page html[data-window] before the body is parsed, so
// that it keeps a classic scrollbar's room whether it scrolls or not (style.css) from the first
// paint and when the wasm measures the charts' width.
(function () {
  var w = window, p = w.parent, root = document.documentElement;
  if (p === w) return;
  var q = new URLSearchParams(location.search), id = q.get('childId'), src = location.href;
  // The chart of an embedded chart's page (embed/<chart>/, or ?chart= on an older address).
  var folder = (document.getElementById('app') || root).getAttribute('data-edition') || '';
  var chart = q.get('chart') || (folder.match(/embed\/([a-z-]+)\/$/) || [])[1];
  var key = 'banan-' + (chart || 'page'), last = -1;
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
