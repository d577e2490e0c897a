#!/usr/bin/env bash
# Benchmark, the plugin's no-op cost (issue 15): what a 'mvn package' with nothing to do costs with the goals, minus
# the same run with -Dcross.skip (Maven's start, the lifecycle, loading the plugin: what every build pays). Both runs
# load the plugin; the difference is the goals' own work when nothing changed. Issue 15's target: at most 100 ms.
# See bench/README.md ("No-op overhead") for what is measured and how.
#
#   bench/noop.sh                        # 21 pairs after a first build and one warm-up pair, plugin from ~/.m2
#   BENCH_FROM_TREE=1 bench/noop.sh      # this checkout's plugin, installed into the private repository first
#   PAIRS=41 STAMPED=9 bench/noop.sh
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

# noop_run <goals|skip> <log> [mvn args...]: one quiet no-op run; adds its wall time to noop_<goals|skip>.
noop_run() {
    local side=$1 logfile=$2
    shift 2
    if [ "$side" = skip ]; then set -- "$@" -Dcross.skip; fi
    timed "$logfile" "${NOOP_MVN[@]}" -q "$@" package
    add "noop_$side" "$WALL_MS"; add "cpu_$side" "$CPU_MS"; add "others_$side" "$OTHERS_MS"
    LAST_MS=$WALL_MS
}

# One pair, back to back, the side going first alternating: the difference is one sample of the overhead. Then one
# pair of each NOOP_COMPARE plugin, in its own project folder, the same way.
noop_pair() {
    local goals_first=$1 goals skip
    if [ "$goals_first" = 1 ]; then
        noop_run goals "$WORK/logs/noop-goals.log"; goals=$LAST_MS
        noop_run skip "$WORK/logs/noop-skip.log"; skip=$LAST_MS
    else
        noop_run skip "$WORK/logs/noop-skip.log"; skip=$LAST_MS
        noop_run goals "$WORK/logs/noop-goals.log"; goals=$LAST_MS
    fi
    add noop_diff $((goals - skip))
    local label
    for label in "${COMPARE_LABELS[@]}"; do
        compare_pair "$label" "$goals_first"
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

compare_pair() {
    local label=$1 goals_first=$2 side goals skip
    local mvn=("${MVN_BASE[@]}" -q -f "$WORK/noop-$label/pom.xml" -Dmaven.repo.local="${COMPARE_REPO[$label]}"
               -Dcross.file=linux-arm64.ini)
    for side in $([ "$goals_first" = 1 ] && echo goals skip || echo skip goals); do
        if [ "$side" = goals ]; then
            timed "$WORK/logs/noop-goals-$label.log" "${mvn[@]}" package; goals=$WALL_MS
        else
            timed "$WORK/logs/noop-skip-$label.log" "${mvn[@]}" -Dcross.skip package; skip=$WALL_MS
        fi
    done
    add "goals_$label" "$goals"; add "skip_$label" "$skip"; add "diff_$label" $((goals - skip))
}

# mojo_phases <log>: "start setup compile link others end" in ms from the log's stamps and CLOCK_START/END:
#   start: process start -> first mojo header; setup, compile, link: each cross goal's header -> the next header (so
#   loading the plugin is in the first, setup); others: the lifecycle's other mojos; end: BUILD SUCCESS -> exit.
mojo_phases() {
    awk -v cs="$CLOCK_START" -v ce="$CLOCK_END" "$AWK_STAMPS"'
        function close_segment(t) { if (cur != "") seg[cur] += span(open, t) }
        / \[INFO\] --- [^ ]+ .* ---$/ {
            t = ms($1); if (first == "") first = t
            close_segment(t)
            split($4, id, ":"); key = id[1] ":" id[3]
            cur = key == "cross-maven-plugin:setup" ? "setup" : key == "cross-maven-plugin:compile" ? "compile" \
                : key == "cross-maven-plugin:native-link" ? "link" : "others"
            open = t; next
        }
        / \[INFO\] BUILD SUCCESS/ { done = ms($1); close_segment(done); cur = "" }
        END {
            if (first == "" || done == "") exit 1
            printf "%d %d %d %d %d %d\n", span(ms(cs), first), seg["setup"], seg["compile"], seg["link"], seg["others"],
                span(done, ms(ce))
        }' "$1"
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
            grep -q "compiled 0 of" "$logfile" || die "the no-op run compiled something; see $logfile"
            grep -q "linked 0 of" "$logfile" || die "the no-op run linked something; see $logfile"
        fi
        phases=$(mojo_phases "$logfile") || die "no mojo stamps in $logfile"
        read -ra phases <<<"$phases"
        for i in "${!PHASES[@]}"; do add "${side}_${PHASES[$i]}" "${phases[$i]}"; done
        add "${side}_stamped" "$WALL_MS"
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
    SAMPLES=()
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
    goals=$(median noop_goals) skip=$(median noop_skip)
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
$(msrow "mvn -q package, goals (no-op)" noop_goals)
$(msrow "mvn -q package -Dcross.skip" noop_skip)
$(msrow "difference within each pair" noop_diff)
$(msrow "CPU: goals run (JVM and children)" cpu_goals)
$(msrow "CPU: skip run" cpu_skip)
$(msrow "others' CPU during a goals run" others_goals)
$(msrow "others' CPU during a skip run" others_skip)

**No-op overhead: $(awk -v g="$goals" -v s="$skip" 'BEGIN { print g - s }') ms** (median goals − median skip; median of the pairs' differences:
$(median noop_diff) ms; target <= 100 ms).
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
    printf '| %-36s | %5s | %12s |\n' "$label" "$(median "goals_$p")" "$(median "skip_$p")"
done)
$(printf '| %-36s | %5s | %12s |' "whole run" "$(median goals_stamped)" "$(median skip_stamped)")
EOF
}

# With NOOP_COMPARE: every plugin's medians, their pairs interleaved with this one's.
compare_table() {
    [ "${#COMPARE_LABELS[@]}" -gt 0 ] || return 0
    local label
    printf '\nThe same pairs with other builds of the plugin, interleaved (ms, medians; each its own project folder):\n\n'
    printf '| plugin | goals (no-op) | -Dcross.skip | overhead: goals − skip | median of the pairs'"'"' differences |\n'
    printf '|---|---|---|---|---|\n'
    printf '| this one (%s) | %s | %s | %s | %s |\n' "$PLUGIN_ORIGIN" "$(median noop_goals)" "$(median noop_skip)" \
        "$(awk -v g="$(median noop_goals)" -v s="$(median noop_skip)" 'BEGIN { print g - s }')" "$(median noop_diff)"
    for label in "${COMPARE_LABELS[@]}"; do
        printf '| %s (%s) | %s | %s | %s | %s |\n' "$label" \
            "$(cat "${COMPARE_REPO[$label]}/dev/crossbuild/.bench-origin" 2>/dev/null || echo "${COMPARE_REPO[$label]}")" \
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
