#!/usr/bin/env bash
# README command 1: install what is missing, then build a release (wasm-opt -Oz)
# and serve it at http://127.0.0.1:8080/ with live rebuilds on every change.
# Extra arguments go to `trunk serve` (for example --port 8081).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh
# Share previews, oEmbed and the no-JS fallback, which index.html takes from generated/.
bash scripts/build-assets.sh

# The dev server sends a strict Content-Security-Policy (README.md, "Content-Security-Policy").
# Trunk writes its loader, and in `serve` its autoreload script, inline, with contents that
# change with every build, so no fixed hash can allow them; Trunk 0.21 allows them by a nonce
# instead: `create_nonce` marks every tag it writes with a placeholder, and its server replaces
# that with a fresh nonce per response and sends `[serve] csp` with the same nonce. The two
# settings go into .trunk-serve.toml (Trunk.toml plus them, written here, gitignored), not into
# Trunk.toml, so that release builds for hosts carry no nonce placeholder.
serve_config=".trunk-serve.toml"
awk '
  { print }
  /^\[build\]$/ { print "create_nonce = true  # written by scripts/serve.sh" }
  /^\[serve\]$/ {
    print "# written by scripts/serve.sh; Trunk joins the entries with \";\" and puts its nonce for {{NONCE}}"
    print "csp = [\"default-src \x27self\x27\", \"script-src \x27self\x27 \x27wasm-unsafe-eval\x27 \x27nonce-{{NONCE}}\x27\", \"style-src \x27self\x27\", \"object-src \x27none\x27\", \"base-uri \x27self\x27\", \"form-action \x27self\x27\"]"
  }
' Trunk.toml > "$serve_config"

step "trunk serve --release --offline (http://127.0.0.1:8080/, Ctrl-C to stop)"
exec trunk serve --config "$serve_config" --release --offline "$@"
