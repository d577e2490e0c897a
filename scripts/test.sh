#!/usr/bin/env bash
# The full test suite: installs the toolchains if missing, then builds every module and runs the unit
# tests and the invoker ITs (real Maven builds with real cross toolchains). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "test.sh: mvn not found; install Maven >= 3.8.7 and JDK 17 (Debian: apt-get install maven openjdk-17-jdk-headless)" >&2; exit 1; }

# --with-arm64-jre: the test-target-jvm IT runs JUnit tests in an emulated aarch64 JVM (about 6 s, once).
scripts/install-toolchains.sh --with-arm64-jre
exec mvn -B -V -ntp verify "$@"
