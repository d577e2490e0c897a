#!/usr/bin/env bash
# The full test suite: installs the toolchains if missing, then builds every module and runs the unit
# tests and the invoker ITs (real Maven builds with real cross toolchains), builds the site (goal pages,
# guide pages) into one tree under target/staging and checks its links, and renders the report IT's
# cross-report.html in headless Chromium (it/target/screenshots/cross-report.png). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "test.sh: mvn not found; install Maven >= 3.8.7 and JDK 17 (Debian: apt-get install maven openjdk-17-jdk-headless)" >&2; exit 1; }

# --with-arm64-jre: the test-target-jvm IT runs JUnit tests in an emulated aarch64 JVM (about 6 s, once).
scripts/install-toolchains.sh --with-arm64-jre
# verify and site in one run: site alone cannot resolve the sibling modules (no lifecycle, nothing installed).
mvn -B -V -ntp verify site site:stage "$@"

# The sites of the report ITs exist only when those ITs ran (a -Dinvoker.test filter may leave them out).
sites=(target/staging)
for it_site in it/target/it/report-linux-arm64/target/site it/target/it/report-no-data/target/site; do
  [[ -d $it_site ]] && sites+=("$it_site")
done
java scripts/SiteLinkCheck.java "${sites[@]}"

if [[ -f it/target/it/report-linux-arm64/target/site/cross-report.html ]]; then
  scripts/render-report.sh
else
  echo "test.sh: report-linux-arm64 did not run; no browser check of cross-report.html"
fi
