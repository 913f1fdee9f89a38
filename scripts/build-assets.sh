#!/usr/bin/env bash
# Writes what index.html takes from generated/ (gitignored) before Trunk builds the page, all
# from data/article.json and drawn by the page's own chart code (README.md, "Embedding"):
#   1. cargo run --example render_assets -- generated
#        share tags (head.html), the no-JS fallback (noscript.html), oEmbed documents and
#        static chart pages (share/), the charts and 1200x630 share previews as SVG (svg/)
#   2. node scripts/rasterize.mjs generated
#        svg/*.svg -> share/*.png with Debian's headless Chromium (fonts-noto-cjk)
# Run by scripts/serve.sh and scripts/test.sh after setup. Absolute addresses in the share tags
# and oEmbed start with $BANAN_PUBLIC_URL (default http://127.0.0.1:8080/); set it to the
# published address when building for a site.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

out="${1:-generated}"
step "assets: cargo run --example render_assets -- $out (BANAN_PUBLIC_URL=${BANAN_PUBLIC_URL:-http://127.0.0.1:8080/})"
# Start clean so that nothing of a chart that no longer exists is left behind.
rm -rf "$out/svg" "$out/share"
cargo run --offline --quiet --example render_assets -- "$out"

step "assets: node scripts/rasterize.mjs $out (SVG -> PNG, headless Chromium)"
node scripts/rasterize.mjs "$out"
info "ok: $(find "$out" -type f | wc -l) files in $out/"
