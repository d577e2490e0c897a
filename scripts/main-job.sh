#!/usr/bin/env bash
# The main job: install the cross toolchains if missing, build and install cross into ~/.m2, then
# cross-build the bundled example (examples/jni-hello) for linux-arm64 with the plugin (a JNI library and a
# small tool: compiled, linked, stripped, verified, attached) and run the tool under qemu.
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

root=$EXAMPLE/target/cross/$CLASSIFIER
[[ -f $root/setup.json ]] || die "cross:setup did not write $root/setup.json"
for output in "$root/lib/libhello.so" "$root/bin/hello-cli" "$root/outputs.json" \
    "$EXAMPLE/target/jni-hello-0.1.0-SNAPSHOT-$CLASSIFIER.jar"; do
  [[ -f $output ]] || die "cross did not produce $output"
done
say "cross compiled, linked, stripped, verified and attached the outputs in $root (described in outputs.json)"
run_tool_under_qemu "$root/bin/hello-cli"
say "done in $(( SECONDS - t0 )) s"
