#!/usr/bin/env bash
# Where the plugin's time goes, against Ninja, on the project bench/run.sh generates (it sets it up itself).
# Per round, in rotating order:
#   ninja    : ninja -jJOBS of the objects only, then of the rest (ar + link)          -> compile / link
#   replay   : the plugin's own 33 compile commands (its compile_commands.json) under xargs -PJOBS, no JVM,
#              in the plugin's order (sorted by path) and largest source first
#   cross    : the plugin's goals, the compile goal split from its log into
#              startup (goal header -> first '[i/n] CC' line), compiling (-> 'compiled N of M'),
#              and the native-link goal into startup (-> first LINK line) and work; plus the CPU time the
#              Maven JVM itself used during the compile goal (sampled from /proc/<pid>/stat every 20 ms)
#   cross-c1 : the same with MAVEN_OPTS=-XX:TieredStopAtLevel=1 (C1 JIT only)
#   cross-alt: with PROFILE_ALT_REPO=<local repository>, the plugin installed there (to try a change of core)
# Then one run with -XX:+CITime for the JIT's own totals. Writes bench/target/profile.md.
set -euo pipefail
# shellcheck source=run.sh
source "$(dirname "${BASH_SOURCE[0]}")/run.sh"
ROUNDS=${ROUNDS:-6}
PROFILE="$WORK/profile"

ms_of_day() { awk -v e="$1" 'BEGIN { printf "%d", (e % 86400) * 1000 }'; }

# Samples the JVM's own user+system CPU (clock ticks) with a time stamp (ms of the day, UTC as Maven logs).
# No process is forked per sample (read -t on a FIFO nobody writes is the pause), so sampling costs next to no CPU.
sample_cpu() {
    local pid=$1 line fields fifo="$PROFILE/pause.fifo" pause
    [ -p "$fifo" ] || mkfifo "$fifo"
    exec {pause}<>"$fifo"
    while read -r line 2>/dev/null </proc/"$pid"/stat; do
        read -ra fields <<<"$line"
        [ "${fields[2]}" != Z ] || break
        printf '%s %s %s\n' "$EPOCHREALTIME" $((fields[13] + fields[14])) $((fields[15] + fields[16]))
        read -r -t 0.02 -u "$pause" || true
    done
    exec {pause}<&-
}

# cross <name> [MAVEN_OPTS]: one clean plugin build with the CPU sampler; appends one line to $PROFILE/<name>.txt:
#   compile_startup compile_body compile_total link_startup link_work jvm_cpu_ms_in_compile jvm_cpu_ms_total
#   children_cpu_ms_in_compile children_cpu_ms_in_link (the compilers', ar's and ld's user+system time)
profile_cross() {
    local name=$1 opts=${2:-} log="$PROFILE/$1.log" pid
    shift 2 || shift $#
    clean_cross
    MAVEN_OPTS="$opts" "${MVN[@]}" "$@" "${GOALS[@]}" >"$log" 2>&1 &
    pid=$!
    sample_cpu "$pid" >"$PROFILE/$name.cpu" || true
    wait "$pid" || { tail -30 "$log" >&2; die "mvn failed: $log"; }
    awk -v tick=10 '
        function ms(stamp,   p) { split(stamp, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
        FNR == NR { t[NR] = ($1 % 86400) * 1000; c[NR] = $2 * tick; k[NR] = $3 * tick; n = NR; next }
        /--- .*cross-maven-plugin:.*:compile / { hc = ms($1) }
        hc && !f && /\] \[[0-9]+\/[0-9]+\] CC/ { f = ms($1) }
        /\] compiled [0-9]+ of / { s = ms($1) }
        /--- .*cross-maven-plugin:.*:native-link / { hl = ms($1) }
        hl && !fl && /\] \[[0-9]+\/[0-9]+\] LINK/ { fl = ms($1) }
        hl && !e && /\[INFO\] -----------------/ { e = ms($1) }
        function at(x,   i) { for (i = 1; i <= n; i++) if (t[i] >= x) return i; return n }
        END {
            printf "%d %d %d %d %d %d %d %d %d\n", f - hc, s - f, hl - hc, fl - hl, e - fl, c[at(hl)] - c[at(hc)], c[n],
                k[at(hl)] - k[at(hc)], k[n] - k[at(hl)]
        }' "$PROFILE/$name.cpu" "$log" >>"$PROFILE/$name.txt"
}

# cpu_ms <command...>: runs it, prints the user+system ms of it and its children (bash's time).
cpu_ms() {
    local TIMEFORMAT='%3U %3S' t
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    awk -v t="$t" 'BEGIN { split(t, p, " "); printf "%d", (p[1] + p[2]) * 1000 }'
}

# One line to ninja.txt: objects_ms link_ms objects_cpu_ms link_cpu_ms
profile_ninja() {
    local objects s m e cpu_objects cpu_link
    mapfile -t objects < <(ninja -C "$MESON_BUILD" -t targets all | sed -n 's/^\(.*\.o\): .*/\1/p')
    ninja -C "$MESON_BUILD" -t clean >/dev/null
    s=$(now_us)
    cpu_objects=$(cpu_ms ninja -C "$MESON_BUILD" -j "$JOBS" "${objects[@]}")
    m=$(now_us)
    cpu_link=$(cpu_ms ninja -C "$MESON_BUILD" -j "$JOBS")
    e=$(now_us)
    echo "$(((m - s) / 1000)) $(((e - m) / 1000)) $cpu_objects $cpu_link" >>"$PROFILE/ninja.txt"
}

# profile_replay <name> <command list>: one line to <name>.txt: wall_ms cpu_ms
profile_replay() {
    local s e cpu
    rm -rf "$LAYOUT/obj"
    mkdir -p "$LAYOUT/obj/$LIB_NAME" "$LAYOUT/obj/lua"
    s=$(now_us)
    cpu=$(cpu_ms xargs -a "$2" -P "$JOBS" -d '\n' -I{} sh -c '{}')
    e=$(now_us)
    echo "$(((e - s) / 1000)) $cpu" >>"$PROFILE/$1.txt"
}

replays() {
    profile_replay replay "$PROFILE/commands.list"
    profile_replay replay-sized "$PROFILE/commands-by-size.list"
}

# Makespan of list scheduling: JOBS workers, each takes the next duration (first column, ms) when it is free.
makespan() {
    awk -v w="$JOBS" '
        { d = $1; b = 1; for (i = 2; i <= w; i++) if (free[i] < free[b]) b = i; free[b] += d }
        END { m = 0; for (i = 1; i <= w; i++) if (free[i] > m) m = free[i]; printf "%d", m }'
}

column_stats() {   # file column -> "median min max"
    awk -v k="$2" '{ print $k }' "$1" | sort -g | awk '
        { v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d %d", m, v[1], v[NR] }'
}

prow() {
    local m lo hi
    read -r m lo hi <<<"$(column_stats "$2" "$3")"
    printf '| %-62s | %6d | %6d | %6d |\n' "$1" "$m" "$lo" "$hi"
}

profile_main() {
    mkdir -p "$WORK/logs"
    rm -rf "$PROFILE"
    mkdir -p "$PROFILE"
    fetch_sources
    unpack_sources
    generate_project
    prepare_maven_repo
    rm -rf "$MESON_BUILD"
    meson setup --cross-file "$PRESET" "$MESON_BUILD" "$PROJECT" >"$WORK/logs/meson-setup.log" 2>&1
    log "warm-up"
    cross_full
    SAMPLES=()
    # The plugin's own compile commands, with the final object as output (the plugin renames a temporary).
    grep -o '"arguments": \[[^]]*\]' "$LAYOUT/compile_commands.json" \
        | sed 's/^"arguments": \[//; s/\]$//; s/", "/ /g; s/"//g' >"$PROFILE/commands.list"
    # The same commands, largest source first (a stand-in for longest compile first).
    local line source
    while IFS= read -r line; do
        source=$(awk '{ for (i = 1; i < NF; i++) if ($i == "-c") print $(i + 1) }' <<<"$line")
        printf '%s\t%s\n' "$(stat -c %s "$source")" "$line"
    done <"$PROFILE/commands.list" | sort -t "$(printf '\t')" -k1,1nr | cut -f2- >"$PROFILE/commands-by-size.list"
    profile_ninja
    rm -f "$PROFILE"/*.txt
    local load_before i
    load_before=$(uptime)
    # Each round runs every step once; the order rotates from round to round.
    local steps=(profile_ninja replays "profile_cross cross ''" "profile_cross cross-c1 -XX:TieredStopAtLevel=1")
    VARIANTS=(cross cross-c1)
    if [ -n "${PROFILE_ALT_REPO:-}" ]; then
        steps+=("profile_cross cross-alt '' -Dmaven.repo.local=$PROFILE_ALT_REPO")
        VARIANTS+=(cross-alt)
    fi
    local j
    for i in $(seq 1 "$ROUNDS"); do
        log "round $i of $ROUNDS"
        for j in $(seq 0 $((${#steps[@]} - 1))); do
            eval "${steps[$(((i + j) % ${#steps[@]}))]}"
        done
    done
    local load_after
    load_after=$(uptime)
    # Load-independent view of the scheduling: each compile's CPU time, one at a time, then the makespan of
    # JOBS workers taking them in the plugin's order (sorted by path, as ninja 1.11 takes Meson's) and largest first.
    log "per-source CPU times (one compile at a time)"
    local TIMEFORMAT='%3U %3S' t
    : >"$PROFILE/per-source.txt"
    while IFS= read -r line; do
        t=$( { time sh -c "$line" >/dev/null 2>&1; } 2>&1 )
        source=$(awk '{ for (i = 1; i < NF; i++) if ($i == "-c") print $(i + 1) }' <<<"$line")
        awk -v t="$t" -v s="$source" 'BEGIN { split(t, p, " "); printf "%d %s\n", (p[1] + p[2]) * 1000, s }' \
            >>"$PROFILE/per-source.txt"
    done <"$PROFILE/commands.list"
    clean_cross
    MAVEN_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime" "${MVN[@]}" "${GOALS[@]}" >"$PROFILE/citime.log" 2>&1
    {
        echo "# Where the plugin's time goes (bench/profile.sh), $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "$ROUNDS rounds, jobs=$JOBS, $(nproc) processors. Load before: $load_before; after: $load_after"
        echo
        echo "| milliseconds                                                   | median |    min |    max |"
        echo "|----------------------------------------------------------------|--------|--------|--------|"
        prow "ninja -j$JOBS: the objects only" "$PROFILE/ninja.txt" 1
        prow "ninja -j$JOBS: then ar + link" "$PROFILE/ninja.txt" 2
        prow "ninja -j$JOBS: the objects only, CPU (user+sys, ninja and compilers)" "$PROFILE/ninja.txt" 3
        prow "ninja -j$JOBS: ar + link, CPU" "$PROFILE/ninja.txt" 4
        prow "replay of the plugin's compile commands, xargs -P$JOBS" "$PROFILE/replay.txt" 1
        prow "replay, CPU (user+sys, sh and compilers)" "$PROFILE/replay.txt" 2
        prow "replay, largest source first, xargs -P$JOBS" "$PROFILE/replay-sized.txt" 1
        local n
        for n in "${VARIANTS[@]}"; do
            local label="plugin"
            [ "$n" != cross-c1 ] || label="plugin, MAVEN_OPTS=-XX:TieredStopAtLevel=1"
            [ "$n" != cross-alt ] || label="plugin from $PROFILE_ALT_REPO"
            prow "$label: compile goal, total" "$PROFILE/$n.txt" 3
            prow "$label:   header -> first CC line" "$PROFILE/$n.txt" 1
            prow "$label:   first CC line -> 'compiled' summary" "$PROFILE/$n.txt" 2
            prow "$label:   JVM's own CPU during the compile goal" "$PROFILE/$n.txt" 6
            prow "$label: native-link goal, header -> first LINK" "$PROFILE/$n.txt" 4
            prow "$label: native-link goal, first LINK -> end" "$PROFILE/$n.txt" 5
            prow "$label: JVM's own CPU, whole mvn run" "$PROFILE/$n.txt" 7
            prow "$label: compilers' CPU during the compile goal" "$PROFILE/$n.txt" 8
            prow "$label: ar's and ld's CPU during the native-link goal" "$PROFILE/$n.txt" 9
        done
        echo
        echo "Compile makespan with $JOBS workers, from each source's CPU time measured alone (ms; no load effects):"
        echo "- in the plugin's order (by path; ninja 1.11 takes Meson's edges in the same order): $(makespan <"$PROFILE/per-source.txt")"
        echo "- largest source first: $(while read -r ms source; do echo "$(stat -c %s "$source") $ms"; done <"$PROFILE/per-source.txt" \
            | sort -k1,1nr | awk '{ print $2 }' | makespan)"
        echo "- longest compile first: $(sort -k1,1nr "$PROFILE/per-source.txt" | makespan)"
        echo "- lower bound (total CPU / $JOBS): $(awk -v w="$JOBS" '{ s += $1 } END { printf "%d", s / w }' "$PROFILE/per-source.txt")"
        echo "- longest single compile: $(sort -k1,1nr "$PROFILE/per-source.txt" | head -1)"
        echo
        echo "JIT totals of one run (-XX:+CITime):"
        echo '```'
        grep -E "C1 {|C2 {|Accumulated compiler times|Total compilation time" "$PROFILE/citime.log" | head -8 || true
        echo '```'
    } | tee "$WORK/profile.md"
}

profile_main "$@"
