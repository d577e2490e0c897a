#!/usr/bin/env bash
# Benchmark: cross-maven-plugin against Meson + Ninja, building Lua 5.4 (Debian's lua5.4 source package,
# upstream's src/ files) for linux-arm64 with the same compiler, the same flags and the same cross file.
# See bench/README.md for what is measured and how. Idempotent: run it as often as you like.
#
#   bench/run.sh                      # 5 rounds after one warm-up, plugin from ~/.m2
#   ROUNDS=9 bench/run.sh
#   BENCH_FROM_TREE=1 bench/run.sh    # this checkout's plugin (installed into the private repository first)
#   BENCH_SOURCE_REPO=/tmp/other-m2 bench/run.sh   # the plugin installed in another local repository
#
# Everything it makes goes to bench/target/ (git-ignored); results also go to bench/target/results.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
WORK="$BENCH_DIR/target"
ROUNDS=${ROUNDS:-5}
JOBS=${JOBS:-$(nproc)}
PRESET="$REPO_ROOT/cross-core/src/main/resources/dev/crossbuild/presets/linux-arm64.ini"
CLASSIFIER=linux-aarch_64
LUA_PACKAGE=lua5.4
PLUGIN_VERSION=0.1.0-SNAPSHOT
QEMU=(qemu-aarch64 -L /usr/aarch64-linux-gnu)

# Same flags in both builds: upstream Makefile's CC/CFLAGS for 'make linux' (-std=gnu99 -O2 -Wall -Wextra
# -DLUA_COMPAT_5_3 -DLUA_USE_LINUX; libs -lm -Wl,-E -ldl). Meson adds -D_FILE_OFFSET_BITS=64 to every C
# compile by itself, so the plugin gets it as a define; both compile the static library with -fPIC (Meson's
# b_staticpic default, the plugin's rule for libraries).
CFLAGS=(-std=gnu99 -O2 -Wall -Wextra)
DEFINES=(LUA_COMPAT_5_3 LUA_USE_LINUX _FILE_OFFSET_BITS=64)
LINK_ARGS=(-Wl,-E -lm -ldl)
# The library is lua5.4 (liblua5.4.a, Debian's name): the plugin does not allow a library and an executable
# with the same name (their objects would share obj/<name>), Meson does.
LIB_NAME=lua5.4

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root (or sudo) for: $*"; fi
}

retry() {
    local n
    for n in 1 2 3 4; do
        if "$@"; then return 0; fi
        log "attempt $n of: $* failed; retrying in $((n * 5)) s"
        sleep $((n * 5))
    done
    "$@"
}

for tool in meson ninja mvn aarch64-linux-gnu-gcc qemu-aarch64 dpkg-source apt-get awk; do
    command -v "$tool" >/dev/null || die "$tool is not installed (scripts/install-toolchains.sh installs the toolchains, meson and ninja)"
done
[ -f "$PRESET" ] || die "preset not found: $PRESET"

# ---------------------------------------------------------------------------------------------------------
# 1. The code: Debian's lua5.4 source package, upstream's files (dpkg-source --skip-patches).
# ---------------------------------------------------------------------------------------------------------
has_deb_src() {
    grep -rqsE '^[[:space:]]*(deb-src[[:space:]]|Types:.*\bdeb-src\b)' /etc/apt/sources.list /etc/apt/sources.list.d/
}

fetch_sources() {
    local download="$WORK/download"
    mkdir -p "$download"
    if compgen -G "$download/${LUA_PACKAGE}_*.dsc" >/dev/null; then
        return
    fi
    local updated=false
    if ! has_deb_src; then
        local entry suite uri keyring
        suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
        # The URI and keyring of the existing deb entry for that suite (deb822), else Debian's defaults.
        read -r uri keyring < <(for f in /etc/apt/sources.list.d/*.sources; do [ ! -f "$f" ] || cat "$f"; echo; done | awk -v suite="$suite" '
            function flush() { if (deb && suites ~ "(^| )" suite "( |$)" && uris !~ /security/ && !done) { print uris, key; done = 1 }
                               deb = 0; suites = ""; uris = ""; key = "" }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/ { deb = ($0 ~ /[[:space:]]deb([[:space:]]|$)/) }
            /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
            /^URIs:/ { uris = $2 }
            /^Signed-By:/ { key = $2 }
            END { flush() }') || true
        entry=$(printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
            "${uri:-http://deb.debian.org/debian}" "$suite" "${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}")
        log "adding a deb-src entry for $suite main: /etc/apt/sources.list.d/cross-bench-deb-src.sources"
        printf '%s\n' "$entry" | as_root tee /etc/apt/sources.list.d/cross-bench-deb-src.sources >/dev/null
        retry as_root apt-get update -q
        updated=true
    fi
    log "apt-get source --download-only $LUA_PACKAGE"
    if ! (cd "$download" && apt-get source -q --download-only "$LUA_PACKAGE"); then
        $updated || retry as_root apt-get update -q
        (cd "$download" && retry apt-get source -q --download-only "$LUA_PACKAGE")
    fi
}

unpack_sources() {
    local dsc
    dsc=$(compgen -G "$WORK/download/${LUA_PACKAGE}_*.dsc" | sort | tail -1)
    if [ ! -f "$WORK/lua-src/src/lua.c" ]; then
        rm -rf "$WORK/lua-src"
        log "dpkg-source --skip-patches -x $(basename "$dsc")"
        dpkg-source -q --skip-patches -x "$dsc" "$WORK/lua-src" >/dev/null
    fi
    LUA_VERSION=$(basename "$dsc" .dsc); LUA_VERSION=${LUA_VERSION#*_}
}

# ---------------------------------------------------------------------------------------------------------
# 2. One project folder, two build descriptions of the same sources: pom.xml and meson.build.
# ---------------------------------------------------------------------------------------------------------
PROJECT="$WORK/project"
MESON_BUILD="$PROJECT/build-meson"
LAYOUT="$PROJECT/target/cross/$CLASSIFIER"

xml_args() { local a; for a in "$@"; do printf '<%s>%s</%s>' "$ELEMENT" "$a" "$ELEMENT"; done; }
meson_list() { local a sep=''; printf '['; for a in "$@"; do printf "%s'%s'" "$sep" "$a"; sep=', '; done; printf ']'; }

generate_project() {
    generate_sources "$PROJECT"
    write_pom "$PROJECT" pom
    write_meson_build "$PROJECT"
}

# generate_sources <folder>: Lua's src/ (minus its Makefile) in <folder>/src/main/c, an empty <folder>/.mvn, and
# LIB_SOURCES (the library's sources: all but lua.c and luac.c).
generate_sources() {
    local dir=$1
    mkdir -p "$dir/src/main/c"
    # An empty .mvn: Maven looks for .mvn/jvm.config from the project upwards, and would otherwise take this
    # repository's (-XX:TieredStopAtLevel=1, for its own test runs). The project is a user's: default JVM options.
    mkdir -p "$dir/.mvn"
    # cp -p keeps the timestamps, so a re-run changes nothing.
    local f
    for f in "$WORK/lua-src/src/"*.[ch] "$WORK/lua-src/src/lua.hpp"; do
        cmp -s "$f" "$dir/src/main/c/$(basename "$f")" || cp -p "$f" "$dir/src/main/c/"
    done
    LIB_SOURCES=()
    for f in "$dir/src/main/c/"*.c; do
        f=$(basename "$f")
        case $f in lua.c|luac.c) ;; *) LIB_SOURCES+=("$f") ;; esac
    done
    [ "${#LIB_SOURCES[@]}" -ge 30 ] || die "expected Lua's ~32 library sources, found ${#LIB_SOURCES[@]}"
}

# A version property of this repository's parent pom (version.maven-jar-plugin ...).
parent_version() {
    local v
    v=$(sed -n "s:.*<version\.$1>\(.*\)</version\.$1>.*:\1:p" "$REPO_ROOT/pom.xml")
    [ -n "$v" ] || die "no <version.$1> in $REPO_ROOT/pom.xml"
    echo "$v"
}

# write_pom <folder> pom|jar: the plugin's build of the sources.
#   pom: no goal bound (run.sh names the goals on the command line);
#   jar: what 'mvn package' needs (multi-target.sh): the goals bound to their phases, and the lifecycle's plugins at
#        the versions this repository uses (Maven 3.8.7's defaults are old, and the runs are offline).
write_pom() {
    local dir=$1 packaging=$2 properties='' plugin_management='' executions=''
    if [ "$packaging" = jar ]; then
        properties=$'\n  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>'
        plugin_management=$'\n    <pluginManagement>\n      <plugins>'
        local p
        for p in resources compiler surefire jar; do
            plugin_management+=$'\n        '"<plugin><artifactId>maven-$p-plugin</artifactId><version>$(parent_version "maven-$p-plugin")</version></plugin>"
        done
        plugin_management+=$'\n      </plugins>\n    </pluginManagement>'
        executions=$'\n        <executions>\n          <execution><goals><goal>setup</goal><goal>compile</goal><goal>native-link</goal></goals></execution>\n        </executions>'
    fi
    local defines compiler_args link_args
    ELEMENT=define defines=$(xml_args "${DEFINES[@]}")
    ELEMENT=arg compiler_args=$(xml_args "${CFLAGS[@]}")
    ELEMENT=arg link_args=$(xml_args "${LINK_ARGS[@]}")
    local excludes='<exclude>lua.c</exclude><exclude>luac.c</exclude>'
    write_if_changed "$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by bench/run.sh: Lua $LUA_VERSION with cross-maven-plugin; the same build as meson.build. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.crossbuild.bench</groupId>
  <artifactId>lua-bench</artifactId>
  <version>1</version>
  <packaging>$packaging</packaging>$properties
  <build>$plugin_management
    <plugins>
      <plugin>
        <groupId>dev.crossbuild</groupId>
        <artifactId>cross-maven-plugin</artifactId>
        <version>$PLUGIN_VERSION</version>
        <configuration>
          <libraries>
            <library>
              <name>$LIB_NAME</name>
              <kind>static</kind>
              <sourceDirectories><sourceDirectory>src/main/c</sourceDirectory></sourceDirectories>
              <excludes>$excludes</excludes>
              <defines>$defines</defines>
              <compilerArgs>$compiler_args</compilerArgs>
            </library>
          </libraries>
          <executables>
            <executable>
              <name>lua</name>
              <sourceDirectories><sourceDirectory>src/main/c</sourceDirectory></sourceDirectories>
              <includes><include>lua.c</include></includes>
              <defines>$defines</defines>
              <compilerArgs>$compiler_args</compilerArgs>
              <libraries><library>$LIB_NAME</library></libraries>
              <linkerArgs>$link_args</linkerArgs>
            </executable>
          </executables>
        </configuration>$executions
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

# write_meson_build <folder>: the same build for Meson.
write_meson_build() {
    local dir=$1 meson_defines=() d
    for d in "${DEFINES[@]}"; do
        # Meson adds -D_FILE_OFFSET_BITS=64 itself.
        [ "$d" = _FILE_OFFSET_BITS=64 ] || meson_defines+=("-D$d")
    done
    local sources=() s
    for s in "${LIB_SOURCES[@]}"; do sources+=("src/main/c/$s"); done
    write_if_changed "$dir/meson.build" <<EOF
# Generated by bench/run.sh: Lua $LUA_VERSION with Meson; the same build as pom.xml.
# buildtype=plain and warning_level=0: no flags of Meson's own beyond what it always adds.
project('lua-bench', 'c', default_options : ['buildtype=plain', 'warning_level=0', 'b_staticpic=true'])
flags = $(meson_list "${CFLAGS[@]}" "${meson_defines[@]}")
lib = static_library('$LIB_NAME', $(meson_list "${sources[@]}"), c_args : flags)
executable('lua', 'src/main/c/lua.c', c_args : flags, link_with : lib, link_args : $(meson_list "${LINK_ARGS[@]}"))
EOF
}

write_if_changed() {
    local file=$1 content
    content=$(cat)
    if [ ! -f "$file" ] || [ "$(cat "$file")" != "$content" ]; then
        printf '%s\n' "$content" >"$file"
    fi
}

# ---------------------------------------------------------------------------------------------------------
# Maven: which plugin, and how goal durations are read from the log.
# ---------------------------------------------------------------------------------------------------------
# Offline, batch, and every log line stamped to the ms (the goals' durations are read from the stamps).
MVN_BASE=(mvn -o -B -Dstyle.color=never
          -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
# No compiler cache: the plugin puts ccache in front of the compilers by default, and every clean build after the first
# would take its objects from the cache; Meson uses ccache only for compilers it finds itself, never for those a cross
# file names (its compile_commands.json shows the bare aarch64-linux-gnu-gcc). bench/clean-builds.sh measures the cache.
# buildtype plain and warning level 0, as meson.build sets them: the plugin's default, debugoptimized, adds -g and -Wall,
# which make each compile about a fifth slower.
MVN=("${MVN_BASE[@]}" -f "$PROJECT/pom.xml"
     -Dcross.file=linux-arm64.ini -Dcross.strip=false -Dcross.attach=false -Dcross.jobs="$JOBS" -Dcross.ccache=false
     -Dcross.buildtype=plain -Dcross.warningLevel=0)
GOALS=(dev.crossbuild:cross-maven-plugin:$PLUGIN_VERSION:setup
       dev.crossbuild:cross-maven-plugin:$PLUGIN_VERSION:compile
       dev.crossbuild:cross-maven-plugin:$PLUGIN_VERSION:native-link)

# The goals run from a private local repository, bench/target/m2: ~/.m2/repository hard-linked (releases never
# change), with fresh copies of cross's own artifacts, so that an 'mvn install' elsewhere during the benchmark
# cannot swap the plugin under a running build. Its metadata files are copies too: Maven may rewrite them.
prepare_maven_repo() {
    local repo=${BENCH_MAVEN_REPO:-$WORK/m2} source_repo=${BENCH_SOURCE_REPO:-$HOME/.m2/repository}
    if [ ! -d "$repo" ]; then
        log "seeding $repo from $source_repo (hard links)"
        cp -al "$source_repo" "$repo"
        find "$repo" -type f ! -name '*.jar' ! -name '*.pom' -links +1 -exec sh -c \
            'for f; do cp -p "$f" "$f.bench-copy" && mv -f "$f.bench-copy" "$f"; done' sh {} +
    fi
    if [ "${BENCH_REUSE_PLUGIN:-0}" = 1 ] && [ -f "$repo/dev/crossbuild/.bench-origin" ]; then
        # bench/all.sh: the plugin the first script of the run installed, so that every figure is of the same plugin.
        PLUGIN_ORIGIN=$(cat "$repo/dev/crossbuild/.bench-origin")
        MAVEN_REPO=$repo
        MVN+=(-Dmaven.repo.local="$repo")
        return
    fi
    rm -rf "$repo/dev/crossbuild"
    if [ "${BENCH_FROM_TREE:-0}" = 1 ]; then
        log "installing this checkout's cross-core and plugin into $repo"
        (cd "$REPO_ROOT" && mvn -o -q -B -DskipTests -Dinvoker.skip=true -Dmaven.repo.local="$repo" \
            -pl cross-core,cross-maven-plugin -am install)
        PLUGIN_ORIGIN="built from $(git -C "$REPO_ROOT" rev-parse --short HEAD)$(git -C "$REPO_ROOT" diff --quiet HEAD -- \
            cross-core cross-maven-plugin pom.xml || echo ' with uncommitted changes') ($REPO_ROOT)"
    else
        [ -d "$source_repo/dev/crossbuild/cross-maven-plugin" ] \
            || die "no cross-maven-plugin in $source_repo: run 'mvn install' at the repository root, or BENCH_FROM_TREE=1"
        cp -rp "$source_repo/dev/crossbuild" "$repo/dev/crossbuild"
        PLUGIN_ORIGIN="from $source_repo, installed $(date -u -r "$repo/dev/crossbuild/cross-maven-plugin/$PLUGIN_VERSION/cross-maven-plugin-$PLUGIN_VERSION.jar" '+%Y-%m-%d %H:%M UTC')"
    fi
    printf '%s\n' "$PLUGIN_ORIGIN" >"$repo/dev/crossbuild/.bench-origin"
    MAVEN_REPO=$repo
    MVN+=(-Dmaven.repo.local="$repo")
}

# awk functions for Maven's log stamps (HH:mm:ss.SSS): ms(stamp) is the ms of the day, span(a, b) the ms from a to b
# (across midnight too).
AWK_STAMPS='
    function ms(stamp,   p) { split(stamp, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
    function span(a, b,   d) { d = b - a; if (d < 0) d += 86400000; return d }'

# Goal durations from Maven's own log timestamps (slf4j simple logger, ms resolution):
#   compile     = stamp of the '--- ...:native-link' header - stamp of the '--- ...:compile' header
#   native-link = stamp of the first '-----' line after the native-link header (Maven's end-of-build banner,
#                 printed right after the last mojo returns) - stamp of the native-link header
# Each interval includes what Maven does to start that mojo (configuration, dependency resolution for compile).
goal_times() {
    awk "$AWK_STAMPS"'
        /--- .*cross-maven-plugin:.*:compile / { c = ms($1); next }
        /--- .*cross-maven-plugin:.*:native-link / { l = ms($1); next }
        l && !e && /\[INFO\] -----------------/ { e = ms($1) }
        END { if (!c || !l || !e) exit 1; printf "%d %d\n", span(c, l), span(l, e) }
    ' "$1"
}

# mvn_phases <log>: "start setup compile link jar other end" in ms, from the log's stamps and CLOCK_START/END:
#   start   : process start -> first mojo header (JVM start, project model, plugin resolution)
#   setup, compile, link, jar: cross:setup, cross:compile, cross:native-link, jar:jar (header -> next header)
#   other   : the lifecycle's other mojos (resources, compiler, surefire: nothing to do here)
#   end     : BUILD SUCCESS -> process exit
mvn_phases() {
    awk -v cs="$CLOCK_START" -v ce="$CLOCK_END" "$AWK_STAMPS"'
        function close_segment(t) { if (cur != "") seg[cur] += span(open, t) }
        / \[INFO\] --- [^ ]+ .* ---$/ {
            t = ms($1); if (first == "") first = t
            close_segment(t)
            split($4, id, ":"); key = id[1] ":" id[3]
            cur = key == "cross-maven-plugin:setup" ? "setup" : key == "cross-maven-plugin:compile" ? "compile" \
                : key == "cross-maven-plugin:native-link" ? "link" : key == "maven-jar-plugin:jar" ? "jar" : "other"
            open = t; next
        }
        / \[INFO\] BUILD SUCCESS/ { done = ms($1); close_segment(done); cur = "" }
        END {
            if (first == "" || done == "") exit 1
            printf "%d %d %d %d %d %d %d\n", span(ms(cs), first), seg["setup"], seg["compile"], seg["link"], seg["jar"],
                seg["other"], span(done, ms(ce))
        }' "$1"
}

now_us() { local t; t=$(date +%s%N); echo $((t / 1000)); }

# The machine's busy CPU time so far, in ms (all processes: /proc/stat's user nice system irq softirq steal).
busy_ms() { awk '/^cpu / { printf "%d\n", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / '"$(getconf CLK_TCK)"'; exit }' /proc/stat; }

# timed <log> <command...>: runs it with its output in <log>. Sets WALL_MS, CPU_MS (user + system time of it and of
# every child it waited for: bash's time, i.e. getrusage of the children), OTHERS_MS (the CPU time the rest of the
# machine used meanwhile: other builds make a round unfair) and CLOCK_START / CLOCK_END (the wall clock as Maven
# stamps its log lines).
timed() {
    local logfile=$1 TIMEFORMAT='%3R %3U %3S' t busy
    shift
    busy=$(busy_ms)
    CLOCK_START=$(date +%H:%M:%S.%3N)
    if ! t=$( { time "$@" >"$logfile" 2>&1; } 2>&1 ); then
        tail -40 "$logfile" >&2
        die "failed: $* (log: $logfile)"
    fi
    CLOCK_END=$(date +%H:%M:%S.%3N)
    read -r WALL_MS CPU_MS < <(awk -v t="$t" 'BEGIN { split(t, p, " "); printf "%d %d\n", p[1] * 1000, (p[2] + p[3]) * 1000 }')
    OTHERS_MS=$(($(busy_ms) - busy - CPU_MS)); [ "$OTHERS_MS" -ge 0 ] || OTHERS_MS=0
}

# Runs the plugin's goals once; prints "compile_ms link_ms wall_ms"; the log goes to $1.
run_cross() {
    local logfile=$1 start end times
    start=$(now_us)
    if ! "${MVN[@]}" "${GOALS[@]}" >"$logfile" 2>&1; then
        tail -40 "$logfile" >&2
        die "mvn failed; log: $logfile"
    fi
    end=$(now_us)
    times=$(goal_times "$logfile") || die "no goal timestamps in $logfile"
    echo "$times $(((end - start) / 1000))"
}

clean_cross() {
    rm -rf "$LAYOUT"/{obj,lib,bin,tmp,debug} "$LAYOUT"/{compile-state.json,link-state.json}
}

# Prints the ninja build's wall time in ms (one decimal).
run_ninja() {
    local start end
    start=$(now_us)
    ninja -C "$MESON_BUILD" "$@" >"$WORK/logs/ninja.log" 2>&1 || { cat "$WORK/logs/ninja.log" >&2; die "ninja failed"; }
    end=$(now_us)
    awk -v d=$((end - start)) 'BEGIN { printf "%.1f\n", d / 1000 }'
}

# ---------------------------------------------------------------------------------------------------------
# 3. Measure.
# ---------------------------------------------------------------------------------------------------------
declare -A SAMPLES=()
add() { SAMPLES[$1]+="$2 "; }
# ratio <a> <b>: a / b to three decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
# samples_save / samples_restore: to drop what a round added (a round measured while other processes were busy).
declare -A SAVED_SAMPLES=()
samples_save() { local k; SAVED_SAMPLES=(); for k in "${!SAMPLES[@]}"; do SAVED_SAMPLES[$k]=${SAMPLES[$k]}; done; }
samples_restore() { local k; SAMPLES=(); for k in "${!SAVED_SAMPLES[@]}"; do SAMPLES[$k]=${SAVED_SAMPLES[$k]}; done; }

# One round: the compared pair (plugin clean build, ninja -jJOBS clean build) back to back, the one that goes
# first alternating between rounds; then ninja at its default parallelism and the no-op builds.
round() {
    local cross_first=$1 record=$2
    if [ "$cross_first" = 1 ]; then cross_full; ninja_clean_build jobs -j "$JOBS"
    else ninja_clean_build jobs -j "$JOBS"; cross_full; fi
    ninja_clean_build default
    cross_noop
    ninja_noop
    [ "$record" = 1 ] || { SAMPLES=(); return 0; }
    add ratio "$(awk -v a="$LAST_CROSS" -v b="$LAST_NINJA" 'BEGIN { printf "%.3f", a / b }')"
}

cross_full() {
    local c l w out
    clean_cross
    out=$(run_cross "$WORK/logs/mvn-full.log")
    read -r c l w <<<"$out"
    grep -q "compiled $((${#LIB_SOURCES[@]} + 1)) of $((${#LIB_SOURCES[@]} + 1)) sources" "$WORK/logs/mvn-full.log" \
        || die "the plugin did not compile every source; see $WORK/logs/mvn-full.log"
    add cross_compile "$c"; add cross_link "$l"; add cross_total $((c + l)); add mvn_full "$w"
    LAST_CROSS=$((c + l))
}

cross_noop() {
    local c l w out
    out=$(run_cross "$WORK/logs/mvn-noop.log")
    read -r c l w <<<"$out"
    # Right after a full build the goals' stamps are too fresh to trust (bench/README.md), so the goals find
    # everything up to date the long way; a skipped goal would do too.
    grep -qE "compiled 0 of|Nothing changed since the last cross:compile" "$WORK/logs/mvn-noop.log" \
        || die "the no-op run compiled something; see $WORK/logs/mvn-noop.log"
    grep -qE "linked 0 of|Nothing changed since the last cross:native-link" "$WORK/logs/mvn-noop.log" \
        || die "the no-op run linked something; see $WORK/logs/mvn-noop.log"
    add noop_compile "$c"; add noop_link "$l"; add mvn_noop "$w"
}

# ninja_clean_build <sample name> [ninja args]
ninja_clean_build() {
    local name=$1 t
    shift
    ninja -C "$MESON_BUILD" -t clean >/dev/null
    t=$(run_ninja "$@")
    add "ninja_$name" "$t"
    [ "$name" != jobs ] || LAST_NINJA=$t
}

ninja_noop() {
    local t
    t=$(run_ninja)
    grep -q "no work to do" "$WORK/logs/ninja.log" || die "ninja's no-op build did work: $(cat "$WORK/logs/ninja.log")"
    add ninja_noop "$t"
}

# "median min max" of the samples of $1.
stats() {
    tr ' ' '\n' <<<"${SAMPLES[$1]}" | awk 'NF' | sort -g | awk '
        { v[NR] = $1 }
        END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s\n", m, v[1], v[NR] }'
}

row() {
    local label=$1 key=$2 m lo hi
    read -r m lo hi <<<"$(stats "$key")"
    awk -v l="$label" -v m="$m" -v lo="$lo" -v hi="$hi" \
        'BEGIN { printf "| %-44s | %9.3f | %9.3f | %9.3f |\n", l, m / 1000, lo / 1000, hi / 1000 }'
}

# ---------------------------------------------------------------------------------------------------------
# 4. Both lua binaries must work, and give the same answers.
# ---------------------------------------------------------------------------------------------------------
check_binaries() {
    compare_lua linux-arm64 "$MESON_BUILD/lua" "$LAYOUT/bin/lua" "${QEMU[@]}"
}

# compare_lua <label> <Meson's lua> <the plugin's lua> <wrapper...>: both run a small script under the wrapper (qemu)
# and must print the same, expected answers; sets CHECK_OUTPUT.
compare_lua() {
    local label=$1 meson_lua=$2 cross_lua=$3 script="$WORK/fib.lua" a b
    shift 3
    printf '%s\n' 'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end' \
        'print(1 + 1, fib(20), _VERSION, string.format("%5.2f", math.pi), #os.date("%Y"))' >"$script"
    a=$("$@" "$meson_lua" "$script") || die "$label: Meson's lua failed under $*"
    b=$("$@" "$cross_lua" "$script") || die "$label: the plugin's lua failed under $*"
    [ "$a" = "$b" ] || die "$label: the two lua binaries disagree: meson '$a', cross '$b'"
    [ "$(printf '%s' "$a" | cut -f1,2)" = "$(printf '2\t6765')" ] || die "$label: unexpected lua output: $a"
    CHECK_OUTPUT=$a
}

main() {
    mkdir -p "$WORK/logs"
    fetch_sources
    unpack_sources
    generate_project
    prepare_maven_repo

    log "meson setup (not timed)"
    rm -rf "$MESON_BUILD"
    meson setup --cross-file "$PRESET" "$MESON_BUILD" "$PROJECT" >"$WORK/logs/meson-setup.log" 2>&1 \
        || { cat "$WORK/logs/meson-setup.log" >&2; die "meson setup failed"; }

    run_rounds round
    check_binaries
    report | tee "$WORK/results.md"
}

# CHILDREN_MS: CPU time (ms) of this shell's children that have finished (bash's times, second line: user, system).
# Not a function to call in $(...): a subshell's times would count only its own children.
children_cpu() {
    times >"$WORK/.times"
    CHILDREN_MS=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s$/, "", p[2]); ms += (p[1] * 60 + p[2]) * 1000 }
                                 printf "%d\n", ms }' "$WORK/.times")
}

# CPU time (ms) of processes the benchmark runs besides its children (clean-builds.sh: the distcc daemons); 0 here.
own_background_cpu_ms() { echo 0; }

# run_rounds <function>: calls '<function> <first> <record>' once as a warm-up (record 0), then ROUNDS times (record
# 1) with <first> alternating 0/1 (which build goes first); LOAD_BEFORE / LOAD_AFTER: uptime around them. A recorded
# round during which other processes kept more than BENCH_QUIET (default 0.10) of one processor busy on average is
# measured again, after a pause, up to BENCH_RETRIES times (default 5): on a machine shared with other builds, that is
# how the figures stay about the builds compared. NOISY_ROUNDS counts them; OTHERS_SHARES lists each kept round's share.
BENCH_QUIET=${BENCH_QUIET:-0.10}
BENCH_RETRIES=${BENCH_RETRIES:-5}
NOISY_ROUNDS=0
OTHERS_SHARES=()
run_rounds() {
    local i attempt busy children background start share
    LOAD_BEFORE=$(uptime)
    log "warm-up round (not recorded)"
    "$1" 1 0
    for i in $(seq 1 "$ROUNDS"); do
        samples_save
        for attempt in $(seq 0 "$BENCH_RETRIES"); do
            log "round $i of $ROUNDS"
            children_cpu
            busy=$(busy_ms) children=$CHILDREN_MS background=$(own_background_cpu_ms) start=$(now_us)
            "$1" $((i % 2)) 1
            children_cpu
            share=$(awk -v o=$(($(busy_ms) - busy - CHILDREN_MS + children - $(own_background_cpu_ms) + background)) \
                -v w=$((($(now_us) - start) / 1000)) 'BEGIN { s = o / w; printf "%.3f", s < 0 ? 0 : s }')
            if awk -v s="$share" -v q="$BENCH_QUIET" 'BEGIN { exit !(s <= q) }' || [ "$attempt" = "$BENCH_RETRIES" ]; then
                break
            fi
            log "other processes kept $share of a processor busy during round $i: measuring it again"
            NOISY_ROUNDS=$((NOISY_ROUNDS + 1))
            samples_restore
            sleep 10
        done
        OTHERS_SHARES+=("$share")
    done
    LOAD_AFTER=$(uptime)
}

# One line for the reports: how busy the rest of the machine was in the rounds kept, and how many were measured again.
quiet_note() {
    echo "Other processes kept $(printf '%s\n' "${OTHERS_SHARES[@]}" | sort -g | awk '{ v[NR] = $1 } END {
        printf "%s (median; max %s)", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[NR] }') of one processor busy
during the rounds kept; $NOISY_ROUNDS rounds were measured again because they kept more than $BENCH_QUIET busy."
}

report() {
    local ratio_jobs ratio_default cross ninja_j ninja_d
    cross=$(stats cross_total | cut -d' ' -f1)
    ninja_j=$(stats ninja_jobs | cut -d' ' -f1)
    ninja_d=$(stats ninja_default | cut -d' ' -f1)
    ratio_jobs=$(awk -v a="$cross" -v b="$ninja_j" 'BEGIN { printf "%.3f", a / b }')
    ratio_default=$(awk -v a="$cross" -v b="$ninja_d" 'BEGIN { printf "%.3f", a / b }')
    local sample meson_cmd cross_cmd
    sample=$(command -v aarch64-linux-gnu-size >/dev/null && aarch64-linux-gnu-size "$MESON_BUILD/lua" "$LAYOUT/bin/lua" || true)
    meson_cmd=$(grep -o "\"command\": \"[^\"]*lapi\.c\"" "$MESON_BUILD/compile_commands.json" | sed "s/^\"command\": \"//; s/\"\$//" || true)
    cross_cmd=$(grep -o "\"arguments\": \[[^]]*/lapi\.c\.o\"\]" "$LAYOUT/compile_commands.json" | sed "s/^\"arguments\": \[//; s/\]\$//; s/\", \"/ /g; s/\"//g" || true)
    cat <<EOF
# cross-maven-plugin vs Meson + Ninja: Lua $LUA_VERSION for linux-arm64

$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) processors, $ROUNDS rounds after one warm-up, jobs=$JOBS
(cross.jobs; ninja's default is $(ninja --help 2>&1 | sed -n 's/.*-j N .*default=\([0-9]*\).*/\1/p') here).
$((${#LIB_SOURCES[@]} + 1)) C files: static lib$LIB_NAME.a from ${#LIB_SOURCES[@]}, executable lua from lua.c.
Plugin: cross-maven-plugin $PLUGIN_VERSION $PLUGIN_ORIGIN.
Maven JVM: $(java -version 2>&1 | head -1), MAVEN_OPTS='${MAVEN_OPTS:-}', no .mvn/jvm.config.
Compiler: $(aarch64-linux-gnu-gcc --version | head -1); $(meson --version | sed 's/^/Meson /'); ninja $(ninja --version); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g').
Load before: $LOAD_BEFORE
Load after:  $LOAD_AFTER
$(quiet_note)

| seconds                                      |    median |       min |       max |
|----------------------------------------------|-----------|-----------|-----------|
$(row "ninja build, -j$JOBS (clean first)" ninja_jobs)
$(row "ninja build, default -j (clean first)" ninja_default)
$(row "cross:compile goal (clean)" cross_compile)
$(row "cross:native-link goal (clean)" cross_link)
$(row "cross:compile + native-link goals (clean)" cross_total)
$(row "  whole mvn run, setup included (clean)" mvn_full)
$(row "cross:compile goal, no-op" noop_compile)
$(row "cross:native-link goal, no-op" noop_link)
$(row "  whole mvn run, no-op" mvn_noop)
$(row "ninja, no-op" ninja_noop)

**Ratio cross (compile + native-link) / ninja -j$JOBS: $ratio_jobs** (medians; target <= 1.05).
Ratio within each round (cross and ninja -j$JOBS measured back to back): median $(stats ratio | awk '{ print $1 ", min " $2 ", max " $3 }').
Against ninja's default parallelism: $ratio_default.

Both lua binaries, run with ${QEMU[*]}, print the same: \`$(printf '%s' "$CHECK_OUTPUT" | tr '\t' ' ')\`
\`\`\`
$sample
\`\`\`

The same source, as each compiles it (Meson from its build folder; -fdiagnostics-color is Meson's b_colorout):
\`\`\`
$meson_cmd
$cross_cmd
\`\`\`
EOF
}

# bench/profile.sh sources this file for its functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
