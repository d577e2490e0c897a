#!/usr/bin/env bash
# Installs the cross toolchains and runners that cross's examples and tests use, on Debian or Ubuntu, the compiler
# cache and compile farm clients and daemons (ccache, distcc, icecream), and the headless browser (chromium) that
# renders the site report in scripts/render-report.sh; then makes the Wine prefix of the user running it (once,
# quietly), so that no test meets Wine's first start.
# Idempotent: when every package is already installed and the Wine prefix exists it changes nothing and does not
# touch the network.
# Needs root, or sudo for a normal user.
#
# Options:
#   --with-arm64-jre  also unpack Debian's openjdk-17-jre-headless for arm64 into a private qemu prefix, for
#                     running a module's Java tests in an emulated aarch64 JVM (cross.targetJava). It is never
#                     installed as a package (see install_arm64_jre below). The JRE's path is printed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

with_arm64_jre=false
for arg in "$@"; do
  case $arg in
    --with-arm64-jre) with_arm64_jre=true ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "install-toolchains: unknown option '$arg' (known: --with-arm64-jre, --help)" >&2; exit 2 ;;
  esac
done

started_ns=$(date +%s%N)
elapsed() { local ms=$(( ($(date +%s%N) - started_ns) / 1000000 )); printf '%d.%d s' $(( ms / 1000 )) $(( ms % 1000 / 100 )); }
die() { echo "install-toolchains: $*" >&2; exit 1; }

# libc6-dev-<arch>-cross is listed for every target: with --no-install-recommends the armhf and riscv64
# compilers only *recommend* it, and without it they silently fall back to the host's /usr/include.
# No multiarch (dpkg --add-architecture): it makes apt depend on extra mirror indices (armhf broke apt-get
# update on a stale index) and upgrades host packages. Target libraries (zlib1g-dev for arm64, musl-dev for the
# linux-arm64-musl preset) come from cross's private sysroots instead (<sysrootPackages>), fetched at build time.
# musl-tools: musl-gcc for the linux-x64-musl preset (and musl-dev for amd64).
# gcc-arm-none-eabi: bare-metal ARM (system 'none') for the c_stdlib IT, whose C library is the project's own
# (--no-install-recommends leaves newlib out, as that IT wants).
PACKAGES=(
  gcc g++ binutils
  gcc-aarch64-linux-gnu       g++-aarch64-linux-gnu       binutils-aarch64-linux-gnu       libc6-dev-arm64-cross
  gcc-arm-linux-gnueabihf     g++-arm-linux-gnueabihf     binutils-arm-linux-gnueabihf     libc6-dev-armhf-cross
  gcc-riscv64-linux-gnu       g++-riscv64-linux-gnu       binutils-riscv64-linux-gnu       libc6-dev-riscv64-cross
  gcc-powerpc64le-linux-gnu   g++-powerpc64le-linux-gnu   binutils-powerpc64le-linux-gnu   libc6-dev-ppc64el-cross
  gcc-s390x-linux-gnu         g++-s390x-linux-gnu         binutils-s390x-linux-gnu         libc6-dev-s390x-cross
  gcc-mingw-w64-x86-64        g++-mingw-w64-x86-64        binutils-mingw-w64-x86-64
  gcc-arm-none-eabi           binutils-arm-none-eabi
  clang lld llvm
  musl-tools
  qemu-user
  wine64 wine
  meson ninja-build ccache pkg-config file
  distcc icecc
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
  arm-none-eabi-gcc         arm-none-eabi-objcopy     arm-none-eabi-readelf
  clang clang++ ld.lld llvm-objcopy llvm-strip llvm-readelf llvm-ar llvm-ranlib llvm-nm
  musl-gcc
  qemu-aarch64 qemu-arm qemu-riscv64 qemu-ppc64le qemu-s390x
  wine
  meson ninja ccache pkg-config file
  distcc distccd icecc
  chromium
)

# distccd (3.3 and later) runs only compilers that have a masquerade link in /usr/lib/distcc. The distcc package
# links every gcc, g++ and clang it finds (and again, through a dpkg trigger, when a cross gcc comes later), but not
# MinGW's -posix names, which the windows-x64 preset uses.
DISTCC_MASQUERADE=/usr/lib/distcc
DISTCC_COMPILERS=()
for c in "${COMMANDS[@]}"; do
  [[ $c == *-gcc || $c == *-g++ || $c == *-gcc-posix || $c == *-g++-posix ]] && DISTCC_COMPILERS+=("$c")
done

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

as_root_command() {
  if (( EUID == 0 )); then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  else
    die "not root and no sudo; run as root to install: $*"
  fi
}

install_packages() {
  local missing absent still_missing
  mapfile -t missing < <(missing_packages)

  if (( ${#missing[@]} == 0 )); then
    mapfile -t absent < <(missing_commands)
    (( ${#absent[@]} == 0 )) || die "all packages are installed, but these commands are not on PATH: ${absent[*]}"
    echo "install-toolchains: all ${#PACKAGES[@]} packages already installed, nothing to do ($(elapsed))"
    return 0
  fi

  as_root_command "${missing[*]}"
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
}

# --- the Wine prefix -------------------------------------------------------------------------------------------
#
# Wine makes its prefix (~/.wine, or $WINEPREFIX; about 700 MB) on its first start, which takes a few seconds and
# prints "wine: created the configuration directory ..." on stderr: on a new machine the first test that runs a
# Windows program would pay for it and show it. So it is made once here, for the user running this script, quietly
# (WINEDEBUG=-all, the output kept only for a failure). Idempotent: nothing happens when wine is not installed or
# the prefix is complete (wineboot writes .update-timestamp last; cross's test goal checks the same file). A prefix
# or HOME that belongs to another user (a 'sudo' that kept HOME) is left alone: Wine refuses such a prefix anyway.
init_wine_prefix() {
  command -v wine >/dev/null || return 0
  local prefix=${WINEPREFIX:-${HOME:?}/.wine} out t0=$SECONDS
  if [[ -f $prefix/.update-timestamp ]]; then
    echo "install-toolchains: Wine prefix $prefix already made"
    return 0
  fi
  if [[ -e $prefix && ! -O $prefix ]] || [[ ! -e $prefix && ! -O $(dirname "$prefix") ]]; then
    echo "install-toolchains: not making the Wine prefix $prefix: it or its folder belongs to another user;" \
         "run this script as the user who runs the tests (it uses sudo for the packages)" >&2
    return 0
  fi
  out=$(mktemp)
  # wineboot returns before the wineserver has written the registry; 'wineserver -w' waits for it.
  if ! WINEDEBUG=-all WINEPREFIX=$prefix timeout 300 wine wineboot --init >"$out" 2>&1 \
      || ! WINEPREFIX=$prefix timeout 120 wineserver -w >>"$out" 2>&1 \
      || [[ ! -f $prefix/.update-timestamp ]]; then
    cat "$out" >&2
    rm -f "$out"
    die "could not make the Wine prefix $prefix with 'wine wineboot --init' (its output is above)"
  fi
  rm -f "$out"
  echo "install-toolchains: made the Wine prefix $prefix in $(( SECONDS - t0 )) s"
}

# --- optional: an aarch64 JRE for the emulated JVM ----------------------------------------------------------
#
# Debian's openjdk-17-jre-headless:arm64 cannot be installed here without multiarch, and multiarch upgrades host
# packages (the JRE alone pulls 41 upgrades, the host JDK among them) and makes apt depend on more mirror indices.
# So the .debs are fetched with a throwaway arm64 package index (private lists and archive dirs: the host's apt
# and dpkg state are not touched, no 'dpkg --add-architecture') and unpacked with dpkg-deb -x into a private
# qemu prefix, a small sysroot:
#   <prefix>/usr/lib/jvm/java-17-openjdk-arm64   the JRE (what cross.targetJava names)
#   <prefix>/etc/java-17-openjdk                 its configuration (absolute links into it are made relative)
#   <prefix>/lib/ld-linux-aarch64.so.1 -> aarch64-linux-gnu/ld-linux-aarch64.so.1
#   <prefix>/lib/aarch64-linux-gnu/             the cross libc's runtime (libc, libm, libgcc_s, libstdc++ ... from
#                                                libc6-arm64-cross / libstdc++6-arm64-cross) and libz.so.1 (zlib1g)
# Run it as 'qemu-aarch64 -L <prefix> <prefix>/usr/lib/jvm/java-17-openjdk-arm64/bin/java'. The dynamic loader
# and libc both come from the prefix, so they always match: the JVM hangs silently at 100% CPU when the loader is
# the cross one and libc.so.6 falls through to a multiarch /lib/aarch64-linux-gnu of another build
# (shared/spec/env-probe.md section 5).
ARM64_JRE_PACKAGES=(openjdk-17-jre-headless zlib1g)
CROSS_LIBC_DIR=/usr/aarch64-linux-gnu/lib

arm64_jre_prefix() {
  if [[ -n ${CROSS_ARM64_JRE_PREFIX:-} ]]; then
    echo "$CROSS_ARM64_JRE_PREFIX"
  elif (( EUID == 0 )); then
    echo /opt/cross/jre-arm64
  else
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/cross/jre-arm64"
  fi
}

# Runs 'java -version' in the prefix with a timeout (a mixed glibc hangs rather than failing).
check_arm64_jre() {
  local prefix=$1 out
  out=$(timeout 120 qemu-aarch64 -L "$prefix" "$prefix/usr/lib/jvm/java-17-openjdk-arm64/bin/java" -version 2>&1) || {
    local rc=$?
    (( rc == 124 )) && out="timed out after 120 s (a mismatched dynamic loader and libc hang like this)"$'\n'"$out"
    echo "$out" >&2
    return 1
  }
  grep -q '^openjdk version' <<<"$out" || { echo "$out" >&2; return 1; }
  head -n 1 <<<"$out"
}

# Turns absolute symlinks whose target is inside the tree into relative ones: the kernel resolves link targets
# on the build machine, where /etc/java-17-openjdk is the amd64 JDK's (or missing), not the prefix's.
relativize_links() {
  local root=$1 link target
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    [[ $target == /* && -e $root$target ]] || continue
    ln -sfn "$(realpath -s --relative-to="$(dirname "$link")" "$root$target")" "$link"
  done < <(find "$root" -type l -print0)
}

install_arm64_jre() {
  local prefix jre version staging deb f
  prefix=$(arm64_jre_prefix)
  jre=$prefix/usr/lib/jvm/java-17-openjdk-arm64
  if [[ -f $prefix/.cross-jre-arm64 ]] && version=$(check_arm64_jre "$prefix" 2>/dev/null); then
    echo "install-toolchains: arm64 JRE already unpacked ($version, $(elapsed))"
    echo "install-toolchains: arm64 JRE: $jre"
    return 0
  fi
  local t0=$SECONDS
  command -v qemu-aarch64 >/dev/null && [[ -e $CROSS_LIBC_DIR/ld-linux-aarch64.so.1 && -e $CROSS_LIBC_DIR/libstdc++.so.6 ]] \
    || die "--with-arm64-jre needs qemu-user, libc6-arm64-cross and libstdc++6-arm64-cross (installed with the toolchains above)"
  command -v dpkg-deb >/dev/null || die "--with-arm64-jre needs dpkg-deb"

  work=$(mktemp -d)   # global: the EXIT trap runs after this function has returned
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs"
  local apt=(apt-get -q
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
    -o "Dir::Cache::pkgcache=$work/pkgcache.bin" -o "Dir::Cache::srcpkgcache=$work/srcpkgcache.bin"
    -o APT::Architecture=arm64 -o APT::Architectures=arm64 -o "APT::Sandbox::User=$(id -un)"
    -o Acquire::Languages=none -o Acquire::IndexTargets::deb-src::Sources::DefaultEnabled=false)
  echo "install-toolchains: fetching ${ARM64_JRE_PACKAGES[*]} (arm64) with a private package index"
  retry "${apt[@]}" update >/dev/null || die "apt-get update (private arm64 index) failed 3 times; check the package mirror and rerun"
  (cd "$work/debs" && retry "${apt[@]}" download "${ARM64_JRE_PACKAGES[@]}") >/dev/null \
    || die "apt-get download ${ARM64_JRE_PACKAGES[*]} (arm64) failed 3 times"

  mkdir -p "$(dirname "$prefix")"
  staging=$prefix.new.$$
  rm -rf "$prefix".new.*   # left by an interrupted run
  for deb in "$work"/debs/*.deb; do
    dpkg-deb -x "$deb" "$staging"
  done
  mkdir -p "$staging/lib/aarch64-linux-gnu"
  # Only the runtime files: shared objects and the loader (no .a, .o, linker scripts).
  for f in "$CROSS_LIBC_DIR"/*.so.* "$CROSS_LIBC_DIR"/ld-linux-aarch64.so.1; do
    cp -a "$f" "$staging/lib/aarch64-linux-gnu/"
  done
  ln -sfn aarch64-linux-gnu/ld-linux-aarch64.so.1 "$staging/lib/ld-linux-aarch64.so.1"
  relativize_links "$staging"
  rm -rf "$staging/usr/share/doc" "$staging/usr/share/lintian" "$staging/usr/share/man"
  {
    for deb in "$work"/debs/*.deb; do
      echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
    done
    dpkg-query -W -f='${Package} ${Version}\n' libc6-arm64-cross libstdc++6-arm64-cross 2>/dev/null || true
  } >"$staging/.cross-jre-arm64"

  version=$(check_arm64_jre "$staging") || { rm -rf "$staging"; die "the unpacked arm64 JRE does not start under qemu-aarch64 -L $staging (output above)"; }
  rm -rf "$prefix"
  mv "$staging" "$prefix"
  echo "install-toolchains: arm64 JRE unpacked in $(( SECONDS - t0 )) s ($version, $(du -sh "$prefix" | cut -f1))"
  echo "install-toolchains: arm64 JRE: $jre"
}

# Adds the missing masquerade links (as update-distcc-symlinks makes them: ../../bin/distcc).
link_distcc_compilers() {
  local missing=() c
  for c in "${DISTCC_COMPILERS[@]}"; do
    [[ -e $DISTCC_MASQUERADE/$c ]] || missing+=("$c")
  done
  (( ${#missing[@]} == 0 )) && return 0
  as_root_command "ln -s ../../bin/distcc $DISTCC_MASQUERADE/{${missing[*]}}"
  local c2
  for c2 in "${missing[@]}"; do
    "${as_root[@]}" ln -s ../../bin/distcc "$DISTCC_MASQUERADE/$c2" || die "cannot link $DISTCC_MASQUERADE/$c2"
  done
  echo "install-toolchains: distccd may now run ${missing[*]} (links in $DISTCC_MASQUERADE)"
}

install_packages
link_distcc_compilers
init_wine_prefix
if [[ $with_arm64_jre == true ]]; then
  install_arm64_jre
fi
