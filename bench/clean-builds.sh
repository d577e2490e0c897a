#!/usr/bin/env bash
# Benchmark, clean builds (issue 15): 'mvn clean package' as Maven users run it by habit, four ways, on bench's Lua
# project for linux-arm64:
#   off    : -Dcross.ccache=false, every compile runs (the build before compiler caches were on by default);
#   cold   : the compiler cache on (the default) and empty: every compile misses and is stored;
#   warm   : the same right after: every compile is a cache hit, and setup takes the toolchain the cold build
#            detected (cross.toolchainCache, outside target/) instead of running its probes (issue 15's target: at
#            most 0.35 x cold). Every other build starts with no remembered toolchain, as a machine's first does;
#   distcc : -Dcross.ccache=false -Dcross.launcher=distcc through two distccd on 127.0.0.1, like the IT
#            build-distcc-farm: on one machine a farm adds work (sending preprocessed sources to a daemon on the same
#            cores), so this shows distcc's overhead, not a speed-up.
#   cold_c1, warm_c1 : cold and warm again, and Maven alone for their floor, with MAVEN_OPTS=-XX:TieredStopAtLevel=1
#            (the quick JIT compiler only, as the FAQ suggests in a project's .mvn/jvm.config for short builds on small
#            machines), to show how much of a warm build Maven's JVM spends in its optimizing compiler;
#   floor  : what any plugin's warm build would cost here: Maven's own share ('mvn clean package -Dcross.skip') plus
#            the processes the warm build runs, replayed from a shell (the 33 cache hits cross.jobs at a time, ar, the
#            link, strip and objcopy; no toolchain probe, as the warm build runs none) and compressing the jars'
#            files (gzip -6, zlib's level, as the jars). floor / cold is the lowest warm / cold ratio a plugin whose
#            own code took no time could reach on this machine.
# Each run is checked: the cache's counters (misses when cold, hits when warm), the daemons' logs (every compile ran
# there), and the outputs, byte-identical in all four (distcc's apart from debug information). See bench/README.md ("Clean builds").
#
#   bench/clean-builds.sh                      # 3 rounds after one warm-up round, plugin from ~/.m2
#   BENCH_FROM_TREE=1 ROUNDS=5 bench/clean-builds.sh
#
# It reuses run.sh's sources, project generation and private local repository. Everything it makes goes to
# bench/target/clean/ (the compiler cache in bench/target/ccache-clean, the daemons' logs in bench/target/distcc) and
# bench/target/logs/clean-*; the results also to bench/target/clean-builds.md.
set -euo pipefail
ROUNDS=${ROUNDS:-3}
# shellcheck source=run.sh
source "$(dirname "${BASH_SOURCE[0]}")/run.sh"
CLEAN="$WORK/clean"
CLEAN_LAYOUT="$CLEAN/target/cross/$CLASSIFIER"
FARM="$WORK/distcc"
# A private compiler cache: emptied for every cold build, never the user's.
export CCACHE_DIR="$WORK/ccache-clean"
# A private toolchain cache (setup's cross.toolchainCache, which 'mvn clean' keeps): emptied before every build but the
# warm one, so that only the warm build takes the toolchain an earlier build detected.
TOOLCHAINS="$WORK/toolchains-clean"
for tool in ccache distcc distccd; do
    command -v "$tool" >/dev/null || die "$tool is not installed (scripts/install-toolchains.sh installs it)"
done

# ---------------------------------------------------------------------------------------------------------
# The loopback farm: two distccd on 127.0.0.1, started here and stopped on exit (only the processes started here).
# ---------------------------------------------------------------------------------------------------------
DAEMONS=()
stop_daemons() {
    local pid
    for pid in "${DAEMONS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${DAEMONS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    DAEMONS=()
}
trap stop_daemons EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_daemons() {
    local port=36320 ports=() i extra=()
    rm -rf "$FARM"
    mkdir -p "$FARM/client"
    chmod 777 "$FARM" # distccd started as root runs as the user distccd and writes its log here
    # Debian's distccd runs only compilers with a masquerade link in /usr/lib/distcc (made for every installed gcc);
    # without one the daemons may run any compiler, which is safe here: they listen on and allow 127.0.0.1 only.
    [ -e /usr/lib/distcc/aarch64-linux-gnu-gcc ] || extra=(--enable-tcp-insecure)
    for i in 1 2; do
        while ! port_free "$port"; do port=$((port + 1)); done
        distccd --daemon --no-detach --listen 127.0.0.1 --port "$port" --allow 127.0.0.1 --jobs 2 \
            --log-file "$FARM/distccd-$port.log" "${extra[@]}" >"$FARM/distccd-$port.out" 2>&1 &
        DAEMONS+=($!)
        ports+=("$port")
        port=$((port + 1))
    done
    for port in "${ports[@]}"; do
        for i in $(seq 1 100); do
            ! port_free "$port" && break
            sleep 0.1
        done
        ! port_free "$port" || die "distccd on port $port does not listen: $(cat "$FARM/distccd-$port.out")"
    done
    FARM_HOSTS="127.0.0.1:${ports[0]}/2 127.0.0.1:${ports[1]}/2"
}

# How many compiles the daemons ran so far.
farm_compiles() { cat "$FARM"/distccd-*.log 2>/dev/null | grep -c COMPILE_OK || true; }

# ---------------------------------------------------------------------------------------------------------
# One clean build of each kind.
# ---------------------------------------------------------------------------------------------------------
# ccache's counter <name> (ccache --print-stats: one "name<TAB>value" a line).
ccache_stat() { ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'; }

# The outputs every kind of build must make byte for byte the same (reproducible builds, prefix maps).
output_sums() { (cd "$CLEAN_LAYOUT" && sha256sum bin/lua lib/liblua5.4.a); }

# The same outputs without debug information: with -g (the default buildtype, debugoptimized), distcc's remote
# compiles give macro code other DWARF columns (see the Scaling out page), so the farm's outputs are compared with
# the others on everything else (without the executable's build ID too: a hash that covers the debug information).
code_sums() {
    local copy
    copy=$(mktemp -d)
    cp "$CLEAN_LAYOUT/bin/lua" "$CLEAN_LAYOUT/lib/liblua5.4.a" "$copy/"
    aarch64-linux-gnu-objcopy -D --strip-debug --remove-section=.gnu_debuglink --remove-section=.note.gnu.build-id "$copy/lua"
    aarch64-linux-gnu-objcopy -D --strip-debug "$copy/liblua5.4.a"
    (cd "$copy" && sha256sum lua liblua5.4.a)
    rm -rf "$copy"
}

# clean_build <kind> [mvn args...]: 'mvn clean package' timed; adds <kind>, cpu_<kind>, others_<kind>.
clean_build() {
    local kind=$1 logfile="$WORK/logs/clean-$1.log" sources=$((${#LIB_SOURCES[@]} + 1))
    shift
    [[ "$kind" == warm* ]] || rm -rf "$TOOLCHAINS"
    timed "$logfile" "${CLEAN_MVN[@]}" "$@" clean package
    grep -q "compiled $sources of $sources sources" "$logfile" || die "$kind: not every source compiled; see $logfile"
    if [[ "$kind" == warm* ]]; then
        grep -q "toolchain: reused the detection" "$logfile" || die "warm: setup detected the toolchain again; see $logfile"
    else
        grep -q "toolchain: detected" "$logfile" || die "$kind: setup did not detect the toolchain; see $logfile"
    fi
    add "$kind" "$WALL_MS"; add "cpu_$kind" "$CPU_MS"; add "others_$kind" "$OTHERS_MS"
    local sums code
    sums=$(output_sums)
    code=$(code_sums)
    if [ "$kind" = distcc ]; then
        [ -z "${REFERENCE_CODE:-}" ] || [ "$code" = "$REFERENCE_CODE" ] \
            || die "$kind: the outputs without debug information differ from the first build's:
$code
$REFERENCE_CODE"
    else
        [ -z "${REFERENCE_SUMS:-}" ] || [ "$sums" = "$REFERENCE_SUMS" ] \
            || die "$kind: the outputs differ from the first build's:
$sums
$REFERENCE_SUMS"
        REFERENCE_SUMS=$sums
    fi
    REFERENCE_CODE=$code
    LAST_MS=$WALL_MS
}

build_off() {
    clean_build off -Dcross.ccache=false
    ! grep -q 'compiler cache: /' "$WORK/logs/clean-off.log" || die "off: a compiler cache ran"
}

# cold_warm [suffix]: the cold build, then the warm one right after; a suffix names their samples and logs (_c1).
cold_warm() {
    local sources=$((${#LIB_SOURCES[@]} + 1)) suffix=${1:-} cold warm
    rm -rf "$CCACHE_DIR"
    ccache -z >/dev/null
    clean_build "cold$suffix"; cold=$LAST_MS
    grep -q 'compiler cache: /.*ccache' "$WORK/logs/clean-cold$suffix.log" || die "cold$suffix: no compiler cache in the log"
    [ "$(ccache_stat cache_miss)" = "$sources" ] || die "cold$suffix: $(ccache_stat cache_miss) cache misses, not $sources"
    ccache -z >/dev/null
    clean_build "warm$suffix"; warm=$LAST_MS
    local hits=$(($(ccache_stat direct_cache_hit) + $(ccache_stat preprocessed_cache_hit)))
    [ "$hits" = "$sources" ] || die "warm$suffix: $hits cache hits, not $sources"
    add "warm_cold_ratio$suffix" "$(ratio "$warm" "$cold")"
    LAST_COLD_MS=$cold
}

build_cold_warm() {
    cold_warm
    build_floor "$LAST_COLD_MS"
}

# The same pair, and Maven alone, with the JVM option the FAQ suggests for short builds on small machines
# (.mvn/jvm.config: -XX:TieredStopAtLevel=1, the quick JIT compiler only): on 2 processors C2 keeps one of them busy
# for most of a Maven build with default options. The floor takes the same replay of the warm build's processes
# (build_floor's, which runs first): they are not Java.
C1_OPTS=-XX:TieredStopAtLevel=1
build_cold_warm_c1() {
    local saved=${MAVEN_OPTS-}
    export MAVEN_OPTS="$C1_OPTS${saved:+ $saved}"
    cold_warm _c1
    maven_alone _c1 "$LAST_COLD_MS"
    MAVEN_OPTS=$saved
}

# maven_alone <suffix> <cold ms>: 'mvn clean package -Dcross.skip', and with the replayed processes (LAST_TOOLS_MS)
# the floor and floor / cold; the suffix names the samples and the log, as cold_warm's.
maven_alone() {
    local suffix=$1 cold=$2
    timed "$WORK/logs/clean-skip$suffix.log" "${CLEAN_MVN[@]}" -Dcross.skip clean package
    add "skip$suffix" "$WALL_MS"
    add "floor$suffix" "$((WALL_MS + LAST_TOOLS_MS))"
    add "floor_cold_ratio$suffix" "$(ratio "$((WALL_MS + LAST_TOOLS_MS))" "$cold")"
}

# The commands of a warm build, as its verbose log gives them (shell-quoted: they paste back), once per run (this
# run's plugin): the toolchain queries and the link probe (before the compiles), the compiles, then the links, strips
# and objcopy. It leaves the warm build's outputs in place, as the replay needs them.
capture_commands() {
    local logfile="$WORK/logs/clean-verbose.log"
    [ -s "$WORK/clean-commands.txt" ] && return 0
    "${CLEAN_MVN[@]}" -Dcross.verbose clean package >"$logfile" 2>&1 || { tail -40 "$logfile" >&2; die "verbose build failed; log: $logfile"; }
    sed -n -E 's/^([0-9:.]+ )?\[INFO\] ((cd [^ ]+ && )?SOURCE_DATE_EPOCH=.*)$/\2/p' "$logfile" >"$WORK/clean-commands.txt"
    grep -q ' -c ' "$WORK/clean-commands.txt" || die "no compile command in $logfile"
}

# Replays the captured commands from a shell: what the warm build's processes cost without the plugin. The link
# probe's folder is gone after setup: its files are named in a scratch folder with a program like the probe's.
replay_tools() {
    local probe="$WORK/clean-probe" line before=() compiles=() after=()
    rm -rf "$probe"; mkdir -p "$probe"
    printf 'int main(void) { return 0; }\n' >"$probe/cross_link_probe.c"
    while IFS= read -r line; do
        line=$(sed -E "s#/[^ ]*/cross-doctor-[0-9]+#$probe#g" <<<"$line")
        if [[ "$line" == *" -c "* ]]; then compiles+=("$line")
        elif [ "${#compiles[@]}" = 0 ]; then before+=("$line")
        else after+=("$line"); fi
    done <"$WORK/clean-commands.txt"
    # A command that fails ends the replay (and the benchmark: 'timed' shows its log), rather than timing less work.
    (
        cd "$CLEAN"
        for line in "${before[@]}"; do sh -c "$line" >/dev/null 2>&1 || { echo "failed: $line"; exit 1; }; done
        printf '%s\0' "${compiles[@]}" | xargs -0 -P "$(nproc)" -n1 sh -c || exit 1
        # Links write into tmp/<output>/, which native-link removed once it moved the outputs into place.
        for f in "$CLEAN_LAYOUT"/bin/* "$CLEAN_LAYOUT"/lib/*; do mkdir -p "$CLEAN_LAYOUT/tmp/${f##*/}"; done
        for line in "${after[@]}"; do sh -c "$line" || { echo "failed: $line"; exit 1; }; done
        for f in "$CLEAN_LAYOUT"/bin/* "$CLEAN_LAYOUT"/lib/* "$CLEAN_LAYOUT"/debug/*; do gzip -6 -c "$f" >/dev/null; done
    )
}

build_floor() {
    local cold=$1 sources=$((${#LIB_SOURCES[@]} + 1))
    capture_commands
    # Right after the warm build, whose outputs are in place: the replay needs its objects' folders and overwrites
    # only temporaries, which the next build's 'clean' deletes.
    ccache -z >/dev/null
    timed "$WORK/logs/clean-replay.log" replay_tools
    [ "$(ccache_stat direct_cache_hit)" = "$sources" ] || die "replay: $(ccache_stat direct_cache_hit) cache hits, not $sources"
    LAST_TOOLS_MS=$WALL_MS
    add tools "$LAST_TOOLS_MS"
    maven_alone "" "$cold"
}

build_distcc() {
    local sources=$((${#LIB_SOURCES[@]} + 1)) before
    before=$(farm_compiles)
    export DISTCC_HOSTS="$FARM_HOSTS" DISTCC_DIR="$FARM/client"
    clean_build distcc -Dcross.ccache=false -Dcross.launcher=distcc
    unset DISTCC_HOSTS DISTCC_DIR
    grep -q "compile farm: .*distcc (cross.launcher), 4 remote slots" "$WORK/logs/clean-distcc.log" \
        || die "distcc: no compile farm in the log"
    ! grep -q 'failed to distribute' "$WORK/logs/clean-distcc.log" || die "distcc: compiled something locally"
    [ $(($(farm_compiles) - before)) = "$sources" ] || die "distcc: the daemons ran $(($(farm_compiles) - before)) compiles, not $sources"
}

# One round: the three groups in an order that alternates between rounds (cold is always followed by warm).
clean_round() {
    local first=$1 record=$2
    if [ "$first" = 1 ]; then build_off; build_cold_warm; build_cold_warm_c1; build_distcc
    else build_distcc; build_cold_warm; build_cold_warm_c1; build_off; fi
    [ "$record" = 1 ] || { SAMPLES=(); return 0; }
}

# The daemons' CPU time (ms): each daemon's and its workers' (distccd forks workers that run the compilers), with
# their finished children's; they are this benchmark's work, not other processes'.
own_background_cpu_ms() {
    local pids=("${DAEMONS[@]}") pid i=0 total=0 ticks
    while [ "$i" -lt "${#pids[@]}" ]; do
        pids+=($(pgrep -P "${pids[$i]}" || true))
        i=$((i + 1))
    done
    for pid in "${pids[@]}"; do
        ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + ticks))
    done
    echo $((total * 1000 / $(getconf CLK_TCK)))
}

clean_main() {
    mkdir -p "$WORK/logs" "$CLEAN"
    fetch_sources
    unpack_sources
    generate_sources "$CLEAN"
    write_pom "$CLEAN" jar
    prepare_maven_repo
    rm -f "$WORK/clean-commands.txt" # captured again with this run's plugin
    # Every default (strip, attach, reproducible, cross.jobs): the user's 'mvn clean package'.
    CLEAN_MVN=("${MVN_BASE[@]}" -f "$CLEAN/pom.xml" -Dmaven.repo.local="$MAVEN_REPO" -Dcross.file=linux-arm64.ini
               -Dcross.toolchainCache="$TOOLCHAINS")
    start_daemons
    run_rounds clean_round
    stop_daemons
    clean_report | tee "$WORK/clean-builds.md"
}

median() { stats "$1" | cut -d' ' -f1; }
# spread <name>: "median, min, max" of a per-round sample.
spread() { stats "$1" | awk '{ print $1 ", min " $2 ", max " $3 }'; }

clean_report() {
    local off cold warm distcc
    off=$(median off) cold=$(median cold) warm=$(median warm) distcc=$(median distcc)
    cat <<EOF
# cross-maven-plugin: clean builds with a compiler cache and a loopback distcc farm (Lua $LUA_VERSION, linux-arm64)

$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) processors, $ROUNDS rounds after one warm-up round.
Plugin: cross-maven-plugin $PLUGIN_VERSION $PLUGIN_ORIGIN.
Each: \`mvn -o clean package -Dcross.file=linux-arm64.ini\` (jar packaging, setup + compile + native-link bound, every
default: strip, classifier jars, cross.jobs = processors, or processors + the farm's 4 remote slots with distcc).
$(ccache --version | head -1), private CCACHE_DIR; $(distcc --version | head -1), two distccd on 127.0.0.1 (--jobs 2 each,
DISTCC_HOSTS='$FARM_HOSTS'). Every run's lua and liblua5.4.a are byte-identical; the distcc runs' apart from
debug information (with -g, distcc's remote compiles give macro code other DWARF columns).
Maven JVM: $(java -version 2>&1 | head -1), MAVEN_OPTS='${MAVEN_OPTS:-}', no .mvn/jvm.config.
Load before: $LOAD_BEFORE
Load after:  $LOAD_AFTER
$(quiet_note)

| seconds                                       |    median |       min |       max |
|-----------------------------------------------|-----------|-----------|-----------|
$(row "no compiler cache (-Dcross.ccache=false)" off)
$(row "ccache, empty (cold)" cold)
$(row "ccache, right after (warm: every compile hits)" warm)
$(row "distcc on loopback, no cache" distcc)
$(row "floor: Maven alone (-Dcross.skip)" skip)
$(row "floor: the warm build's processes, from a shell" tools)
$(row "floor: the two together" floor)
$(row "C1 only ($C1_OPTS): ccache cold" cold_c1)
$(row "C1 only: ccache warm" warm_c1)
$(row "C1 only: floor, Maven alone" skip_c1)
$(row "C1 only: floor, with the processes" floor_c1)
$(row "CPU: no compiler cache" cpu_off)
$(row "CPU: ccache cold" cpu_cold)
$(row "CPU: ccache warm" cpu_warm)
$(row "CPU: distcc, mvn and its children (the clients)" cpu_distcc)
$(row "others' CPU during a distcc build (the daemons)" others_distcc)
$(row "others' CPU during a no-cache build" others_off)
$(row "others' CPU during a cold build" others_cold)
$(row "others' CPU during a warm build" others_warm)

**Warm / cold: $(ratio "$warm" "$cold")** (medians; within each round: median $(spread warm_cold_ratio); target <= 0.35).
**Floor / cold: $(ratio "$(median floor)" "$cold")** (within each round: median $(spread floor_cold_ratio)): the warm / cold ratio of a
plugin whose own code took no time: Maven's share of the build and the processes a warm build must run.
With Maven's JVM on the quick JIT compiler only ($C1_OPTS, as in a project's .mvn/jvm.config), the same builds in
the same rounds: **warm / cold $(ratio "$(median warm_c1)" "$(median cold_c1)")** (within each round: median $(spread warm_cold_ratio_c1)), floor / cold $(ratio "$(median floor_c1)" "$(median cold_c1)").
Cold / no cache (what a miss costs): $(ratio "$cold" "$off"). distcc / no cache: $(ratio "$distcc" "$off") (one machine: overhead, not speed-up).
EOF
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    clean_main "$@"
fi
