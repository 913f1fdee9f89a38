#!/usr/bin/env bash
# README command 2 (and CI's .ci/run): install what is missing, then run every
# check in order, stopping at the first failure:
#   1. setup                      scripts/setup.sh
#   2. format                     cargo fmt --all -- --check
#   3. lint (native)              cargo clippy --all-targets -- -D warnings
#   4. lint (wasm32)              same for --target wasm32-unknown-unknown
#   5. native tests               cargo test
#   6. browser unit tests         cargo test --target wasm32-unknown-unknown --test browser
#                                 (wasm-bindgen-test-runner -> chromedriver -> headless Chromium)
#   7. release build              scripts/build-assets.sh (-> generated/), then
#                                 scripts/build-release.sh (trunk build --release --offline
#                                 -> dist/)
#   8. size report                node scripts/size-report.mjs dist  (fails past 200 KB gzip)
#   9. end-to-end tests           node --test e2e/*.test.mjs  (Chromium; engines.test.mjs also
#                                 Firefox ESR and WebKitGTK, see README.md "Browsers")
# The log ends with the summary of node's test runner.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

current_step="(none)"
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "\n!!! scripts/test.sh FAILED in step: %s (exit %s)\n" "$current_step" "$rc" >&2; fi' EXIT

started_all=$SECONDS
step_started=$SECONDS
begin() {
  current_step="$1"
  step_started=$SECONDS
  step "$1"
}
done_step() {
  info "ok: $current_step ($((SECONDS - step_started)) s)"
}

begin "1/9 setup (scripts/setup.sh)"
bash scripts/setup.sh
done_step

begin "2/9 format: cargo fmt --all -- --check"
cargo fmt --all -- --check
done_step

begin "3/9 lint (native): cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
done_step

begin "4/9 lint (wasm32): cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
done_step

begin "5/9 native tests: cargo test"
cargo test
done_step

begin "6/9 browser unit tests: cargo test --target wasm32-unknown-unknown --test browser"
if [ ! -f tests/browser.rs ]; then
  echo "error: tests/browser.rs is missing (wasm-bindgen-test suite run in headless Chromium)" >&2
  exit 1
fi
# wasm-bindgen-test-runner picks the first driver it finds in this order:
# *_REMOTE variables, then GECKODRIVER, SAFARIDRIVER, CHROMEDRIVER, then PATH.
# It reads browser capabilities from webdriver.json and always adds
# headless/no-sandbox/disable-dev-shm-usage to goog:chromeOptions.args.
env -u GECKODRIVER -u GECKODRIVER_REMOTE -u SAFARIDRIVER -u SAFARIDRIVER_REMOTE \
    -u CHROMEDRIVER_REMOTE -u MSEDGEDRIVER -u MSEDGEDRIVER_REMOTE -u NO_HEADLESS \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$CHROMEDRIVER_BIN" \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$REPO_ROOT/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}" \
  cargo test --target wasm32-unknown-unknown --test browser
done_step

begin "7/9 release build: scripts/build-assets.sh, then scripts/build-release.sh"
# generated/ first: share previews, oEmbed and the no-JS fallback (README.md, "Embedding").
bash scripts/build-assets.sh
bash scripts/build-release.sh
done_step

begin "8/9 size report: node scripts/size-report.mjs dist"
node scripts/size-report.mjs dist
done_step

info "total so far: $((SECONDS - started_all)) s"

begin "9/9 end-to-end tests: node --test e2e/*.test.mjs"
# Last step: its summary (tests / pass / fail) is the last thing in the log.
node --test --test-concurrency=1 e2e/*.test.mjs
