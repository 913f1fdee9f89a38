# Sourced by scripts/setup.sh, scripts/serve.sh and scripts/test.sh (bash).
# Puts the repository root in REPO_ROOT, cds there, and sets PATH so that the
# project-local tools win: node_modules/.bin (wasm-opt from npm binaryen) first,
# then cargo's bin dir (trunk, wasm-bindgen, wasm-bindgen-test-runner).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

CARGO_BIN_DIR="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$REPO_ROOT/node_modules/.bin:$CARGO_BIN_DIR:$PATH"

# Never prompt (apt, npm) and never try a browser download (playwright, puppeteer).
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PUPPETEER_SKIP_DOWNLOAD=1
export TRUNK_SKIP_VERSION_CHECK=true

# Pinned tool versions (keep in sync with Trunk.toml, Cargo.toml, package.json).
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
WASM_OPT_VERSION="132"

# Debian's Chromium and its WebDriver.
CHROMIUM_BIN="/usr/bin/chromium"
CHROMEDRIVER_BIN="/usr/bin/chromedriver"

# The other engines of e2e/engines.test.mjs (paths as e2e/engines.mjs expects them).
FIREFOX_BIN="/usr/bin/firefox-esr"
WEBKIT_DRIVER_BIN="/usr/bin/WebKitWebDriver"
MINIBROWSER_BIN="/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB_BIN="/usr/bin/Xvfb"

# "== title" banners so that each step is easy to find in a CI log.
step() {
  printf '\n==> %s\n' "$*"
}
info() {
  printf '    %s\n' "$*"
}
