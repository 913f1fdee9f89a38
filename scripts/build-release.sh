#!/usr/bin/env bash
# The page's release build: `trunk build --release --offline` on the stable toolchain. Extra
# arguments go to trunk (for example -d /tmp/dist or --features panic-test). Run
# scripts/build-assets.sh first (index.html needs generated/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec trunk build --release --offline "$@"
