#!/usr/bin/env bash
# The main job: install the cross toolchains if missing, build and install cross into ~/.m2, then
# cross-build the bundled example (examples/jni-hello: a JNI library and a small tool) for linux-arm64 and run
# the tool under qemu.
# Extra arguments go to every Maven invocation (e.g. -o, or -Dmaven.repo.local=...).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly EXAMPLE=examples/jni-hello
readonly CROSS_FILE=linux-arm64.ini
readonly CLASSIFIER=linux-aarch_64
readonly TRIPLE=aarch64-linux-gnu
readonly EXPECTED_OUTPUT="hello from aarch64"

say() { echo "main-job: $*"; }
die() { echo "main-job: $*" >&2; exit 1; }

command -v mvn >/dev/null || die "mvn not found; install Maven >= 3.8.7 and JDK 17 (Debian: apt-get install maven openjdk-17-jdk-headless)"

# Runs an aarch64 executable under qemu-user with the cross sysroot as its library prefix and checks
# what it prints.
run_tool_under_qemu() {
  local tool=$1 output
  say "running $tool under qemu-aarch64 -L /usr/$TRIPLE"
  output=$(qemu-aarch64 -L "/usr/$TRIPLE" "$tool")
  echo "$output"
  [[ $output == "$EXPECTED_OUTPUT" ]] || die "expected '$EXPECTED_OUTPUT' from $tool, got '$output'"
}

t0=$SECONDS
scripts/install-toolchains.sh

say "building and installing cross into the local Maven repository (unit tests and ITs skipped)"
mvn -B -q -ntp install -DskipTests -Dinvoker.skip=true "$@"

say "cross-building $EXAMPLE with -Dcross.file=$CROSS_FILE"
mvn -B -ntp -f "$EXAMPLE" clean package -Dcross.file="$CROSS_FILE" "$@"

setup_json=$EXAMPLE/target/cross/$CLASSIFIER/setup.json
[[ -f $setup_json ]] || die "cross:setup did not write $setup_json"
say "cross:setup resolved the machines above and wrote $setup_json"

tool=$EXAMPLE/target/cross/$CLASSIFIER/bin/hello-cli
library=$EXAMPLE/target/cross/$CLASSIFIER/lib/libhello.so
[[ -f $tool && -f $library ]] || die "cross did not build $tool and $library"
say "cross built $library and $tool (stripped, verified, debug files in target/cross/$CLASSIFIER/debug/)"
run_tool_under_qemu "$tool"
say "done in $(( SECONDS - t0 )) s"
