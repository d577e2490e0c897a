#!/usr/bin/env bash
# Renders the cross:report page of the report IT in headless Chromium to a PNG and checks that it shows a real,
# styled page (size, distinct colours, ink, coloured pixels: scripts/ScreenshotCheck.java). The PNG stays under
# target/ as a build artifact.
# Usage: scripts/render-report.sh [page.html [shot.png]]
#   default page: it/target/it/report-linux-arm64/target/site/cross-report.html (run the ITs first:
#                 mvn -B verify, or mvn -B verify -Dinvoker.test=report-linux-arm64)
#   default shot: it/target/screenshots/cross-report.png
set -euo pipefail
cd "$(dirname "$0")/.."

readonly PAGE=${1:-it/target/it/report-linux-arm64/target/site/cross-report.html}
readonly SHOT=${2:-it/target/screenshots/cross-report.png}
readonly MIN_BYTES=20000

die() { echo "render-report: $*" >&2; exit 1; }

command -v chromium >/dev/null || die "chromium not found; install it with scripts/install-toolchains.sh (Debian package chromium)"
command -v java >/dev/null || die "java not found; install JDK 17"
[[ -f $PAGE ]] || die "$PAGE does not exist; run the report IT first: mvn -B verify -Dinvoker.test=report-linux-arm64"

mkdir -p "$(dirname "$SHOT")"
rm -f "$SHOT"
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT

started_ns=$(date +%s%N)
# A fresh profile and no network services: the page and its skin are local files.
if ! timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size=1280,2000 --screenshot="$SHOT" \
    "file://$(realpath "$PAGE")" >"$log" 2>&1; then
  cat "$log" >&2
  die "chromium failed to render $PAGE"
fi
ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
[[ -f $SHOT ]] || { cat "$log" >&2; die "chromium wrote no screenshot $SHOT"; }

bytes=$(stat -c %s "$SHOT")
(( bytes > MIN_BYTES )) || die "$SHOT has only $bytes bytes (want > $MIN_BYTES): the page rendered (nearly) empty"
java scripts/ScreenshotCheck.java "$SHOT" || die "$SHOT does not look like a rendered report"
echo "render-report: $PAGE -> $SHOT ($bytes bytes, chromium $ms ms)"
