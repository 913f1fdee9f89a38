#!/usr/bin/env bash
# The page's release build: `trunk build --release --offline` with the release std settings of
# scripts/env.sh (use_release_std). Extra arguments go to trunk (for example -d /tmp/dist or
# --features panic-test). Run scripts/build-assets.sh first (index.html needs generated/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
use_release_std
exec trunk build --release --offline "$@"
