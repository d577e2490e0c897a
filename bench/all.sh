#!/usr/bin/env bash
# Every benchmark of bench/, one after another, with one plugin, the machine's load noted around each: the single-target
# comparison with Ninja (run.sh), the no-op overhead (noop.sh), clean builds with ccache and a loopback distcc farm
# (clean-builds.sh) and several targets in one run (multi-target.sh). The reports go to bench/target/all.md.
#
#   BENCH_FROM_TREE=1 bench/all.sh      # this checkout's plugin, installed into bench/target/m2 once, first
#   bench/all.sh                        # the plugin installed in ~/.m2
#
# The scripts take their own variables (ROUNDS applies to each; leave it unset for each script's default).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT="$BENCH_DIR/target/all.md"
mkdir -p "$BENCH_DIR/target"

# /proc/stat's busy and idle CPU time, in clock ticks, to say how busy the machine was during a script.
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat; }

{
    echo "# bench/all.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) processors, $(git -C "$BENCH_DIR/.." rev-parse --short HEAD)"
    echo
} >"$OUT"

first=1
for script in run.sh noop.sh clean-builds.sh multi-target.sh; do
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    read -r busy_before idle_before < <(cpu_ticks)
    start=$(date -u +%H:%M:%S)
    if [ "$first" = 1 ]; then
        "$BENCH_DIR/$script" >"$BENCH_DIR/target/all-$script.out" 2>&1
        first=0
    else
        BENCH_REUSE_PLUGIN=1 "$BENCH_DIR/$script" >"$BENCH_DIR/target/all-$script.out" 2>&1
    fi
    read -r busy_after idle_after < <(cpu_ticks)
    {
        echo "## $script ($start-$(date -u +%H:%M:%S) UTC; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after;"
        echo "## the machine's processors were busy $(awk -v b=$((busy_after - busy_before)) -v i=$((idle_after - idle_before)) \
            'BEGIN { printf "%.0f", 100 * b / (b + i) }') % of the time meanwhile, this benchmark included)"
        echo
        sed -n '/^# /,$p' "$BENCH_DIR/target/all-$script.out"
        echo
    } >>"$OUT"
    echo "bench/all.sh: $script done" >&2
done
cat "$OUT"
