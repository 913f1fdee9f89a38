#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already
# there at the right version. Safe to run again and again; run by
# scripts/serve.sh and scripts/test.sh. Works as root without a TTY (CI=true).
#
#   Debian packages   chromium chromium-driver fonts-noto-cjk brotli, and for the engines
#                     suite firefox-esr webkit2gtk-driver xvfb (only when missing)
#   Rust              wasm32-unknown-unknown target, rustfmt, clippy (stable toolchain only)
#   cargo install     trunk 0.21.14, wasm-bindgen-cli 0.2.130
#   npm ci            binaryen (wasm-opt 132), @gfx/zopfli, playwright-core, puppeteer-core,
#                     @axe-core/playwright, pym.js
#   cargo fetch       so that `trunk build --offline` (cargo build --offline) finds every crate
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

# --- Debian packages -------------------------------------------------------
step "setup: Debian packages"
missing=()
[ -x "$CHROMIUM_BIN" ] || missing+=(chromium)
[ -x "$CHROMEDRIVER_BIN" ] || missing+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || missing+=(brotli)
# The engines suite (e2e/engines.test.mjs): Firefox ESR, WebKitGTK's WebDriver (it brings the
# MiniBrowser), and an X server for it.
[ -x "$FIREFOX_BIN" ] || missing+=(firefox-esr)
{ [ -x "$WEBKIT_DRIVER_BIN" ] && [ -x "$MINIBROWSER_BIN" ]; } || missing+=(webkit2gtk-driver)
[ -x "$XVFB_BIN" ] || missing+=(xvfb)
# fonts-noto-cjk has no binary: ask dpkg.
if ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed'; then
  missing+=(fonts-noto-cjk)
fi
if [ "${#missing[@]}" -eq 0 ]; then
  info "ok: chromium, chromium-driver, fonts-noto-cjk, brotli, firefox-esr, webkit2gtk-driver, xvfb already installed"
else
  info "installing: ${missing[*]} (apt-get update, then apt-get install)"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q "${missing[@]}"
fi

# --- Node.js ---------------------------------------------------------------
step "setup: Node.js"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: node and npm are required (Node.js >= 20) and are not on PATH" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "error: Node.js >= 20 is required, found $(node --version)" >&2
  exit 1
fi
info "ok: node $(node --version), npm $(npm --version)"

# --- Rust toolchain pieces -------------------------------------------------
step "setup: Rust target wasm32-unknown-unknown, rustfmt, clippy"
if [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
  info "ok: wasm32-unknown-unknown target installed ($(rustc --version))"
else
  info "installing: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  sub="${component/rustfmt/fmt}"
  if cargo "$sub" --version >/dev/null 2>&1; then
    info "ok: cargo $sub available"
  else
    info "installing: rustup component add $component"
    rustup component add "$component"
  fi
done

# --- trunk -----------------------------------------------------------------
step "setup: trunk $TRUNK_VERSION"
have="$(trunk --version 2>/dev/null || true)"
if [ "$have" = "trunk $TRUNK_VERSION" ]; then
  info "ok: $have"
else
  info "found: '${have:-none}'; installing: cargo install --locked trunk --version $TRUNK_VERSION (takes ~5 min on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli --------------------------------------------------------
step "setup: wasm-bindgen-cli $WASM_BINDGEN_VERSION"
have="$(wasm-bindgen --version 2>/dev/null || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null || true)"
if [ "$have" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] && [ -n "$have_runner" ]; then
  info "ok: $have, $have_runner"
else
  # Not --locked: the lockfile shipped in wasm-bindgen-cli 0.2.130 pins a
  # webpki-roots version that the registry no longer serves.
  info "found: '${have:-none}'; installing: cargo install wasm-bindgen-cli --version =$WASM_BINDGEN_VERSION (takes ~5 min on 2 cores)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# --- npm packages ----------------------------------------------------------
step "setup: npm packages (package-lock.json)"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  info "running: npm ci"
  npm ci --no-audit --no-fund
else
  info "ok: node_modules is up to date with package-lock.json"
fi
have="$(wasm-opt --version 2>/dev/null || true)"
case "$have" in
  "wasm-opt version $WASM_OPT_VERSION "*) info "ok: $have ($(command -v wasm-opt))" ;;
  *)
    echo "error: expected wasm-opt version $WASM_OPT_VERSION from node_modules/.bin, got '${have:-nothing}'" >&2
    echo "       (is binaryen still pinned in package.json? try: rm -rf node_modules && npm ci)" >&2
    exit 1
    ;;
esac

# --- crates ----------------------------------------------------------------
step "setup: crates for offline builds (cargo fetch)"
if cargo fetch --offline >/dev/null 2>&1; then
  info "ok: every crate in Cargo.lock is already downloaded"
else
  info "running: cargo fetch"
  cargo fetch
fi

step "setup: done"
