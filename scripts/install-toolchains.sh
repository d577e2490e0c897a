#!/usr/bin/env bash
# Installs the cross toolchains and runners that cross's examples and tests use, on Debian or Ubuntu, and the
# headless browser (chromium) that renders the site report in scripts/render-report.sh.
# Idempotent: when every package is already installed it changes nothing and does not touch the network.
# Needs root, or sudo for a normal user. No options.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

started_ns=$(date +%s%N)
elapsed() { local ms=$(( ($(date +%s%N) - started_ns) / 1000000 )); printf '%d.%d s' $(( ms / 1000 )) $(( ms % 1000 / 100 )); }
die() { echo "install-toolchains: $*" >&2; exit 1; }

# libc6-dev-<arch>-cross is listed for every target: with --no-install-recommends the armhf and riscv64
# compilers only *recommend* it, and without it they silently fall back to the host's /usr/include.
# No multiarch (dpkg --add-architecture): it makes apt depend on extra mirror indices (armhf broke apt-get
# update on a stale index) and upgrades host packages.
PACKAGES=(
  gcc g++ binutils
  gcc-aarch64-linux-gnu       g++-aarch64-linux-gnu       binutils-aarch64-linux-gnu       libc6-dev-arm64-cross
  gcc-arm-linux-gnueabihf     g++-arm-linux-gnueabihf     binutils-arm-linux-gnueabihf     libc6-dev-armhf-cross
  gcc-riscv64-linux-gnu       g++-riscv64-linux-gnu       binutils-riscv64-linux-gnu       libc6-dev-riscv64-cross
  gcc-powerpc64le-linux-gnu   g++-powerpc64le-linux-gnu   binutils-powerpc64le-linux-gnu   libc6-dev-ppc64el-cross
  gcc-s390x-linux-gnu         g++-s390x-linux-gnu         binutils-s390x-linux-gnu         libc6-dev-s390x-cross
  gcc-mingw-w64-x86-64        g++-mingw-w64-x86-64        binutils-mingw-w64-x86-64
  clang lld llvm
  qemu-user
  wine64 wine
  meson ninja-build ccache pkg-config file
  chromium
)

# What the packages above must put on PATH, including every tool the bundled presets name (the -posix
# mingw compilers come with gcc-mingw-w64-x86-64; wine64 alone has no command in /usr/bin, wine provides it).
COMMANDS=(
  x86_64-linux-gnu-gcc      x86_64-linux-gnu-g++      x86_64-linux-gnu-objcopy
  aarch64-linux-gnu-gcc     aarch64-linux-gnu-g++     aarch64-linux-gnu-objcopy
  arm-linux-gnueabihf-gcc   arm-linux-gnueabihf-g++   arm-linux-gnueabihf-objcopy
  riscv64-linux-gnu-gcc     riscv64-linux-gnu-g++     riscv64-linux-gnu-objcopy
  powerpc64le-linux-gnu-gcc powerpc64le-linux-gnu-g++ powerpc64le-linux-gnu-objcopy
  s390x-linux-gnu-gcc       s390x-linux-gnu-g++       s390x-linux-gnu-objcopy
  x86_64-w64-mingw32-gcc    x86_64-w64-mingw32-g++    x86_64-w64-mingw32-objcopy
  x86_64-w64-mingw32-gcc-posix x86_64-w64-mingw32-g++-posix
  clang ld.lld llvm-objcopy llvm-strip llvm-readelf
  qemu-aarch64 qemu-arm qemu-riscv64 qemu-ppc64le qemu-s390x
  wine
  meson ninja ccache pkg-config file
  chromium
)

command -v dpkg-query >/dev/null && command -v apt-get >/dev/null \
  || die "this script needs Debian or Ubuntu (dpkg-query and apt-get); install the packages listed in $0 by hand"

missing_packages() {
  local installed
  # One dpkg-query for all packages; unknown ones are simply absent from its output.
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${PACKAGES[@]}" 2>/dev/null | awk '$2 == "ii" { print $1 }' || true)
  local p
  for p in "${PACKAGES[@]}"; do
    grep -qxF -- "$p" <<<"$installed" || echo "$p"
  done
}

missing_commands() {
  local c
  for c in "${COMMANDS[@]}"; do
    command -v "$c" >/dev/null || echo "$c"
  done
}

# Retries a command 3 times with a growing pause: mirrors are sometimes mid-sync.
retry() {
  local try pause=5
  for try in 1 2 3; do
    if "$@"; then return 0; fi
    if (( try < 3 )); then
      echo "install-toolchains: '$*' failed (try $try of 3); retrying in ${pause}s" >&2
      sleep "$pause"; pause=$(( pause * 3 ))
    fi
  done
  return 1
}

mapfile -t missing < <(missing_packages)

if (( ${#missing[@]} == 0 )); then
  mapfile -t absent < <(missing_commands)
  (( ${#absent[@]} == 0 )) || die "all packages are installed, but these commands are not on PATH: ${absent[*]}"
  echo "install-toolchains: all ${#PACKAGES[@]} packages already installed, nothing to do ($(elapsed))"
  exit 0
fi

if (( EUID == 0 )); then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
  die "not root and no sudo; run as root to install: ${missing[*]}"
fi

echo "install-toolchains: installing ${#missing[@]} missing packages: ${missing[*]}"
retry "${as_root[@]}" apt-get update -q \
  || die "apt-get update failed 3 times; check the package mirror and rerun"
retry "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" \
  || die "apt-get install failed 3 times for: ${missing[*]}"

mapfile -t still_missing < <(missing_packages)
(( ${#still_missing[@]} == 0 )) || die "still not installed after apt-get install: ${still_missing[*]}"
mapfile -t absent < <(missing_commands)
(( ${#absent[@]} == 0 )) || die "installed, but these commands are not on PATH: ${absent[*]}"

echo "install-toolchains: installed ${#missing[@]} packages; all ${#COMMANDS[@]} commands present ($(elapsed))"
