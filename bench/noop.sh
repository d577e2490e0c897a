#!/usr/bin/env bash
# Benchmark, the plugin's no-op cost (issue 15): what a 'mvn package' with nothing to do costs with the goals, minus
# the same run with -Dcross.skip (Maven's start, the lifecycle, loading the plugin: what every build pays). Both runs
# load the plugin; the difference is the goals' own work when nothing changed. Issue 15's target: at most 100 ms.
# See bench/README.md ("No-op overhead") for what is measured and how.
#
#   bench/noop.sh                        # 21 pairs after a first build and one warm-up pair, plugin from ~/.m2
#   BENCH_FROM_TREE=1 bench/noop.sh      # this checkout's plugin, installed into the private repository first
#   PAIRS=41 STAMPED=9 NOOP_QUIET_MS=100 bench/noop.sh
#   NOOP_COMPARE="before=/tmp/m2-old" bench/noop.sh   # also other builds of the plugin, installed in other local
#                                                     # repositories: their pairs interleaved with this one's
#
# It reuses run.sh's sources, project generation and private local repository. Everything it makes goes to
# bench/target/noop/ and bench/target/logs/noop-*; the results also to bench/target/noop.md.
set -euo pipefail
# shellcheck source=run.sh
source "$(dirname "${BASH_SOURCE[0]}")/run.sh"
PAIRS=${PAIRS:-21}
STAMPED=${STAMPED:-5}
NOOP="$WORK/noop"
NOOP_LAYOUT="$NOOP/target/cross/$CLASSIFIER"
# A private compiler cache: the first build fills it, not the user's.
export CCACHE_DIR="$WORK/ccache-noop"

# The files a no-op must leave alone: every object, the library, the executable (the jars are written again by
# every run, the same bytes: their sizes only).
output_stamps() {
    find "$NOOP_LAYOUT/obj" "$NOOP_LAYOUT/lib" "$NOOP_LAYOUT/bin" -type f \( -name '*.o' -o -name '*.a' -o -name lua \) \
        -printf '%p %s %T@\n' | sort
    find "$NOOP/target" -maxdepth 1 -name '*.jar' -printf '%p %s\n' | sort
}

# A pair counts only when the rest of the machine stayed quiet: at most NOOP_QUIET_MS of CPU time (default 150) used by
# other processes during each of its two runs (a 2-processor machine shared with other builds is otherwise measuring
# them). A noisy pair is measured again, after a pause, up to NOOP_RETRIES times (default 20); then it counts anyway
# and the report says how many did.
NOOP_QUIET_MS=${NOOP_QUIET_MS:-150}
NOOP_RETRIES=${NOOP_RETRIES:-20}
NOISY_DISCARDED=0
NOISY_KEPT=0

# pair <label> <goals first: 1|0> <mvn command...>: one pair (goals run, -Dcross.skip run) of no-op builds, back to
# back, until a quiet one; adds goals_<label>, skip_<label>, diff_<label>, cpu_goals_<label>, cpu_skip_<label>.
pair() {
    local label=$1 goals_first=$2 attempt side goals skip goals_cpu skip_cpu noisy
    shift 2
    for attempt in $(seq 0 "$NOOP_RETRIES"); do
        noisy=0
        for side in $([ "$goals_first" = 1 ] && echo goals skip || echo skip goals); do
            if [ "$side" = goals ]; then
                timed "$WORK/logs/noop-goals-$label.log" "$@" package; goals=$WALL_MS goals_cpu=$CPU_MS
            else
                timed "$WORK/logs/noop-skip-$label.log" "$@" -Dcross.skip package; skip=$WALL_MS skip_cpu=$CPU_MS
            fi
            [ "$OTHERS_MS" -le "$NOOP_QUIET_MS" ] || noisy=1
        done
        [ "$noisy" = 1 ] || break
        if [ "$attempt" -lt "$NOOP_RETRIES" ]; then
            NOISY_DISCARDED=$((NOISY_DISCARDED + 1))
            sleep 5
        else
            NOISY_KEPT=$((NOISY_KEPT + 1))
        fi
    done
    add "goals_$label" "$goals"; add "skip_$label" "$skip"; add "diff_$label" $((goals - skip))
    add "cpu_goals_$label" "$goals_cpu"; add "cpu_skip_$label" "$skip_cpu"
}

# One pair of this plugin (label "main"), the side going first alternating between rounds, then one of each
# NOOP_COMPARE plugin, in its own project folder, the same way.
noop_pair() {
    local goals_first=$1 label
    pair main "$goals_first" "${NOOP_MVN[@]}" -q
    for label in "${COMPARE_LABELS[@]}"; do
        pair "$label" "$goals_first" "${MVN_BASE[@]}" -q -f "$WORK/noop-$label/pom.xml" \
            -Dmaven.repo.local="${COMPARE_REPO[$label]}" -Dcross.file=linux-arm64.ini
    done
}

# NOOP_COMPARE's plugins: label=local repository, each built in $WORK/noop-<label> by its own plugin.
COMPARE_LABELS=()
declare -A COMPARE_REPO=()
prepare_compare() {
    local entry label
    for entry in ${NOOP_COMPARE:-}; do
        label=${entry%%=*}
        COMPARE_REPO[$label]=${entry#*=}
        [ -d "${COMPARE_REPO[$label]}/dev/crossbuild/cross-maven-plugin/$PLUGIN_VERSION" ] \
            || die "NOOP_COMPARE: no cross-maven-plugin $PLUGIN_VERSION in ${COMPARE_REPO[$label]}"
        COMPARE_LABELS+=("$label")
        generate_sources "$WORK/noop-$label"
        write_pom "$WORK/noop-$label" jar
        rm -rf "$WORK/noop-$label/target"
        log "first build with the plugin '$label' (not timed)"
        timed "$WORK/logs/noop-first-$label.log" "${MVN_BASE[@]}" -f "$WORK/noop-$label/pom.xml" \
            -Dmaven.repo.local="${COMPARE_REPO[$label]}" -Dcross.file=linux-arm64.ini package
    done
}

# mojo_phases <log>: "start setup compile link others end" in ms: run.sh's mvn_phases with jar:jar counted among the
# lifecycle's other mojos (loading the plugin is in setup, the first cross goal).
mojo_phases() {
    local phases
    phases=$(mvn_phases "$1") || return 1
    awk '{ print $1, $2, $3, $4, $5 + $6, $7 }' <<<"$phases"
}

PHASES=(start setup compile link others end)

# One stamped pair (not -q; every line stamped to the ms): where the time of each side goes.
stamped_pair() {
    local side phases i
    for side in goals skip; do
        local extra=() logfile="$WORK/logs/noop-stamped-$side.log"
        [ "$side" = goals ] || extra=(-Dcross.skip)
        timed "$logfile" "${NOOP_MVN[@]}" "${extra[@]}" package
        if [ "$side" = goals ]; then
            # Either skipped by its up-to-date stamp or finding everything up to date: nothing compiled or linked.
            grep -qE "compiled 0 of|Nothing changed since the last cross:compile" "$logfile" \
                || die "the no-op run compiled something; see $logfile"
            grep -qE "linked 0 of|Nothing changed since the last cross:native-link" "$logfile" \
                || die "the no-op run linked something; see $logfile"
        fi
        phases=$(mojo_phases "$logfile") || die "no mojo stamps in $logfile"
        read -ra phases <<<"$phases"
        for i in "${!PHASES[@]}"; do add "st_${side}_${PHASES[$i]}" "${phases[$i]}"; done
        add "st_${side}_whole" "$WALL_MS"
    done
}

# The plugin's class realm: how many jars Maven puts in it (from -X's "Populating class realm" list).
realm_jars() {
    local logfile="$WORK/logs/noop-debug.log"
    "${NOOP_MVN[@]}" -X -Dcross.skip package >"$logfile" 2>&1 || { tail -30 "$logfile" >&2; die "mvn -X failed"; }
    awk '/Populating class realm plugin>dev\.crossbuild:cross-maven-plugin/ { on = 1; next }
         on && /Included: / { n++; next }
         on { exit }
         END { print n + 0 }' "$logfile"
}

noop_main() {
    mkdir -p "$WORK/logs" "$NOOP"
    fetch_sources
    unpack_sources
    generate_sources "$NOOP"
    write_pom "$NOOP" jar
    prepare_maven_repo
    # The user's view: every default (strip, attach, ccache, reproducible), one target.
    NOOP_MVN=("${MVN_BASE[@]}" -f "$NOOP/pom.xml" -Dmaven.repo.local="$MAVEN_REPO" -Dcross.file=linux-arm64.ini)

    log "first build (not timed)"
    rm -rf "$NOOP/target"
    timed "$WORK/logs/noop-first.log" "${NOOP_MVN[@]}" package
    local before after i
    before=$(output_stamps)
    [ -n "$before" ] || die "the first build made no outputs under $NOOP/target"
    REALM_JARS=$(realm_jars)
    prepare_compare

    LOAD_BEFORE=$(cat /proc/loadavg)
    log "warm-up pair (not recorded)"
    noop_pair 1
    SAMPLES=() NOISY_DISCARDED=0 NOISY_KEPT=0
    for i in $(seq 1 "$PAIRS"); do
        log "pair $i of $PAIRS"
        noop_pair $((i % 2))
    done
    for i in $(seq 1 "$STAMPED"); do
        log "stamped pair $i of $STAMPED"
        stamped_pair
    done
    LOAD_AFTER=$(cat /proc/loadavg)
    after=$(output_stamps)
    [ "$before" = "$after" ] || die "a no-op run changed an output:
$(diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") || true)"
    noop_report | tee "$WORK/noop.md"
}

median() { stats "$1" | cut -d' ' -f1; }

noop_report() {
    local goals skip
    goals=$(median goals_main) skip=$(median skip_main)
    cat <<EOF
# cross-maven-plugin: the no-op overhead of mvn package (Lua $LUA_VERSION, linux-arm64)

$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) processors, $PAIRS pairs after a first build and one warm-up pair.
Plugin: cross-maven-plugin $PLUGIN_VERSION $PLUGIN_ORIGIN; its class realm holds $REALM_JARS jars.
\`mvn -o -q package -Dcross.file=linux-arm64.ini\` with setup, compile and native-link bound (jar packaging, every
default), against the same with \`-Dcross.skip\`; each pair back to back, the side going first alternating.
Maven JVM: $(java -version 2>&1 | head -1), MAVEN_OPTS='${MAVEN_OPTS:-}', no .mvn/jvm.config.
Load (/proc/loadavg) before: $LOAD_BEFORE
Load (/proc/loadavg) after:  $LOAD_AFTER

| ms                                            |    median |       min |       max |
|-----------------------------------------------|-----------|-----------|-----------|
$(msrow "mvn -q package, goals (no-op)" goals_main)
$(msrow "mvn -q package -Dcross.skip" skip_main)
$(msrow "difference within each pair" diff_main)
$(msrow "CPU: goals run (JVM and children)" cpu_goals_main)
$(msrow "CPU: skip run" cpu_skip_main)

Pairs during which other processes used more than $NOOP_QUIET_MS ms of CPU time in one of the runs: $NOISY_DISCARDED measured
again, $NOISY_KEPT kept after $NOOP_RETRIES attempts.

**No-op overhead: $(awk -v g="$goals" -v s="$skip" 'BEGIN { print g - s }') ms** (median goals − median skip; median of the pairs' differences:
$(median diff_main) ms; target <= 100 ms).
$(compare_table)

Where the time goes, $STAMPED stamped runs of each (not -q; ms, medians; a mojo runs from its header to the next):

| ms                                   | goals | -Dcross.skip |
|--------------------------------------|-------|--------------|
$(for p in "${PHASES[@]}"; do
    case $p in
        start) label="Maven start (to the first mojo)" ;; setup) label="cross:setup (loads the plugin)" ;;
        compile) label="cross:compile" ;; link) label="cross:native-link" ;;
        others) label="other mojos (resources, javac, surefire, jar)" ;; end) label="BUILD SUCCESS to exit" ;;
    esac
    printf '| %-36s | %5s | %12s |\n' "$label" "$(median "st_goals_$p")" "$(median "st_skip_$p")"
done)
$(printf '| %-36s | %5s | %12s |' "whole run" "$(median st_goals_whole)" "$(median st_skip_whole)")
EOF
}

# With NOOP_COMPARE: every plugin's medians, their pairs interleaved with this one's.
compare_table() {
    [ "${#COMPARE_LABELS[@]}" -gt 0 ] || return 0
    local label
    printf '\nThe same pairs with other builds of the plugin, interleaved (ms, medians; each its own project folder):\n\n'
    printf '| plugin | goals (no-op) | -Dcross.skip | overhead: goals − skip | median of the pairs'"'"' differences |\n'
    printf '|---|---|---|---|---|\n'
    for label in main "${COMPARE_LABELS[@]}"; do
        printf '| %s (%s) | %s | %s | %s | %s |\n' "$([ "$label" = main ] && echo "this one" || echo "$label")" \
            "$([ "$label" = main ] && echo "$PLUGIN_ORIGIN" || cat "${COMPARE_REPO[$label]}/dev/crossbuild/.bench-origin" 2>/dev/null || echo "${COMPARE_REPO[$label]}")" \
            "$(median "goals_$label")" "$(median "skip_$label")" \
            "$(awk -v g="$(median "goals_$label")" -v s="$(median "skip_$label")" 'BEGIN { print g - s }')" \
            "$(median "diff_$label")"
    done
}

msrow() {
    local m lo hi
    read -r m lo hi <<<"$(stats "$2")"
    printf '| %-45s | %9s | %9s | %9s |\n' "$1" "$m" "$lo" "$hi"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    noop_main "$@"
fi
