# Sourced by scripts/setup.sh, scripts/serve.sh and scripts/test.sh (bash).
# Puts the repository root in REPO_ROOT, cds there, and sets PATH so that the
# project-local tools win: node_modules/.bin (wasm-opt from npm binaryen) first,
# then cargo's bin dir (trunk, wasm-bindgen, wasm-bindgen-test-runner).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

CARGO_BIN_DIR="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$REPO_ROOT/node_modules/.bin:$CARGO_BIN_DIR:$PATH"

# Never prompt (apt, npm) and never try a browser download (playwright).
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TRUNK_SKIP_VERSION_CHECK=true

# Pinned tool versions (keep in sync with Trunk.toml, Cargo.toml, package.json).
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
WASM_OPT_VERSION="132"

# Debian's Chromium and its WebDriver.
CHROMIUM_BIN="/usr/bin/chromium"
CHROMEDRIVER_BIN="/usr/bin/chromedriver"

# "== title" banners so that each step is easy to find in a CI log.
step() {
  printf '\n==> %s\n' "$*"
}
info() {
  printf '    %s\n' "$*"
}

# Release builds of the page compile Rust's standard library from source (the rust-src
# component) with the page's own size settings (opt-level "z", std's optimize_for_size) and
# with panic = "immediate-abort": a panic traps at once instead of formatting a message, which
# drops std's panic and formatting machinery from the download (about 14 KB gzip of wasm;
# README.md, "Where the bytes go"). static/page.js shows the error panel on such a trap.
# Both are unstable cargo features, enabled on this stable toolchain with RUSTC_BOOTSTRAP=1 (as
# Firefox and the Linux kernel build with stable compilers), and only for these builds: an
# immediate-abort crate needs a std built the same way, so native and test builds keep the
# prebuilt std. Without rust-src the build uses the prebuilt std and the page is that much
# larger; RELEASE_STD says which ("source" or "prebuilt").
RUST_SRC_LIBRARY="$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library"
use_release_std() {
  if [ -f "$RUST_SRC_LIBRARY/std/Cargo.toml" ]; then
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
    export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
    # `{:?}` formats nothing: Debug's escaping and float code leave the download (3.1 KB gzip).
    # Our code never formats with Debug outside tests (tests/no_debug_format.rs); a dependency's
    # message would lose its Debug parts.
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zfmt-debug=none"
    RELEASE_STD=source
  else
    echo "warning: no rust-src ($RUST_SRC_LIBRARY): the release build uses the prebuilt std and is about 14 KB (gzip) larger; run scripts/setup.sh" >&2
    RELEASE_STD=prebuilt
  fi
}
