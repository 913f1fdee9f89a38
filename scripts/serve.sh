#!/usr/bin/env bash
# README command 1: install what is missing, then build a release (wasm-opt -Oz)
# and serve it at http://127.0.0.1:8080/ with live rebuilds on every change.
# Extra arguments go to `trunk serve` (for example --port 8081).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh

step "trunk serve --release --offline (http://127.0.0.1:8080/, Ctrl-C to stop)"
exec trunk serve --release --offline "$@"
