#!/usr/bin/env bash
# Benchmark, several host machines in one run (issue 11): one 'mvn package -Dcross.targets=a.ini,b.ini,c.ini' that
# builds Lua for three targets, against three Meson builds one after another ('meson setup' + 'ninja' each), with the
# same sources, flags and cross files (the bundled presets), on the same machine, in the same run. Both start from
# nothing in every round. See bench/README.md ("Several targets in one run") for what is measured and how.
#
#   bench/multi-target.sh                         # 3 rounds after one warm-up, plugin from ~/.m2
#   BENCH_FROM_TREE=1 bench/multi-target.sh       # this checkout's plugin, installed into the private repository first
#   ROUNDS=5 MULTI_TARGETS="linux-arm64 linux-armhf linux-x64" bench/multi-target.sh
#
# It reuses run.sh's sources, project generation and private local repository. Everything it makes goes to
# bench/target/multi/ and bench/target/logs/multi-*; the results also to bench/target/multi-target.md.
set -euo pipefail
ROUNDS=${ROUNDS:-3}
# shellcheck source=run.sh
source "$(dirname "${BASH_SOURCE[0]}")/run.sh"

read -ra TARGETS <<<"${MULTI_TARGETS:-linux-arm64 linux-armhf linux-riscv64}"
MULTI="$WORK/multi"
PRESETS="$REPO_ROOT/cross-core/src/main/resources/dev/crossbuild/presets"
CROSS_TARGETS=$(printf '%s.ini,' "${TARGETS[@]}"); CROSS_TARGETS=${CROSS_TARGETS%,}

# The words of a preset's value, quotes and brackets dropped: exe_wrapper -> qemu-arm -L /usr/arm-linux-gnueabihf
preset_words() { sed -n "s/^$2 = //p" "$PRESETS/$1.ini" | tr -d "[],'"; }

for target in "${TARGETS[@]}"; do
    [ -f "$PRESETS/$target.ini" ] || die "no bundled preset $target.ini in $PRESETS"
    for tool in "$(preset_words "$target" c)" "$(preset_words "$target" exe_wrapper | cut -d' ' -f1)"; do
        command -v "$tool" >/dev/null || die "$tool ($target.ini) is not installed (scripts/install-toolchains.sh)"
    done
done

# Three Meson builds, one after another, each in a new build folder: meson setup, then ninja -jJOBS.
meson_builds() {
    local t setup=0 ninja_ms=0 setup_cpu=0 ninja_cpu=0 others=0
    for t in "${TARGETS[@]}"; do rm -rf "$MULTI/build-meson-$t"; done
    for t in "${TARGETS[@]}"; do
        timed "$WORK/logs/multi-meson-setup-$t.log" \
            meson setup --cross-file "$PRESETS/$t.ini" "$MULTI/build-meson-$t" "$MULTI"
        setup=$((setup + WALL_MS)); setup_cpu=$((setup_cpu + CPU_MS)); others=$((others + OTHERS_MS))
        timed "$WORK/logs/multi-ninja-$t.log" ninja -C "$MULTI/build-meson-$t" -j "$JOBS"
        ninja_ms=$((ninja_ms + WALL_MS)); ninja_cpu=$((ninja_cpu + CPU_MS)); others=$((others + OTHERS_MS))
    done
    LAST_MESON_OTHERS=$others
    add meson_setup "$setup"; add meson_ninja "$ninja_ms"; add meson_total $((setup + ninja_ms))
    add cpu_meson_setup "$setup_cpu"; add cpu_ninja "$ninja_cpu"
    LAST_MESON=$((setup + ninja_ms))
}

MVN_PHASES=(start setup compile link jar other end)

# One 'mvn package' for every target, from nothing (target/ deleted; ~/.m2 and the private repository stay warm).
cross_package() {
    local log="$WORK/logs/multi-mvn.log" phases i sources=$((${#LIB_SOURCES[@]} + 1))
    rm -rf "$MULTI/target"
    timed "$log" "${MULTI_MVN[@]}" package
    [ "$(grep -c "\] compiled $sources of $sources sources" "$log")" = "${#TARGETS[@]}" ] \
        || die "the plugin did not compile every source of every target; see $log"
    phases=$(mvn_phases "$log") || die "no mojo stamps in $log"
    read -ra phases <<<"$phases"
    for i in "${!MVN_PHASES[@]}"; do add "mvn_${MVN_PHASES[$i]}" "${phases[$i]}"; done
    add mvn_total "$WALL_MS"; add cpu_mvn "$CPU_MS"
    LAST_CROSS=$WALL_MS LAST_CROSS_OTHERS=$OTHERS_MS
}

# The same with -Dcross.skip: what the run costs without the plugin's work (Maven's start, the lifecycle, an empty jar).
cross_skip() {
    local log="$WORK/logs/multi-mvn-skip.log" phases
    rm -rf "$MULTI/target"
    timed "$log" "${MULTI_MVN[@]}" -Dcross.skip package
    ! grep -q '\] \[1/' "$log" || die "-Dcross.skip compiled something; see $log"
    phases=$(mvn_phases "$log") || die "no mojo stamps in $log"
    read -ra phases <<<"$phases"
    add skip_total "$WALL_MS"; add skip_start "${phases[0]}"; add skip_setup "${phases[1]}"; add cpu_skip "$CPU_MS"
}

# One round: the skip run, then the three Meson builds and the mvn run back to back, the one going first alternating
# (the skip run comes first because it deletes target/: the outputs of the last round are checked at the end).
multi_round() {
    local meson_first=$1 record=$2
    cross_skip
    if [ "$meson_first" = 1 ]; then meson_builds; cross_package
    else cross_package; meson_builds; fi
    [ "$record" = 1 ] || { SAMPLES=(); return 0; }
    local ratio
    ratio=$(awk -v a="$LAST_CROSS" -v b="$LAST_MESON" 'BEGIN { printf "%.3f", a / b }')
    add ratio "$ratio"
    ROUND_ROWS+=("$(awk -v r=$((${#ROUND_ROWS[@]} + 1)) -v f="$([ "$meson_first" = 1 ] && echo Meson || echo mvn)" \
        -v m="$LAST_MESON" -v c="$LAST_CROSS" -v q="$ratio" -v mo="$LAST_MESON_OTHERS" -v co="$LAST_CROSS_OTHERS" \
        'BEGIN { printf "| %5d | %-5s | %9.3f | %9.3f | %5s | %12.1f | %12.1f |", r, f, m / 1000, c / 1000, q, mo / 1000, co / 1000 }')")
}
ROUND_ROWS=()

# Each target's lua, from Meson and from the plugin, prints the same under its preset's exe_wrapper; the main jar
# bundles each target's natives, and each classifier jar exists.
check_outputs() {
    local i t classifier wrapper jar="$MULTI/target/lua-bench-1.jar" size listing
    listing=$(unzip -Z1 "$jar")
    CHECKS=()
    for i in "${!TARGETS[@]}"; do
        t=${TARGETS[$i]} classifier=${CLASSIFIERS[$i]}
        read -ra wrapper <<<"$(preset_words "$t" exe_wrapper)"
        compare_lua "$t" "$MULTI/build-meson-$t/lua" "$MULTI/target/cross/$classifier/bin/lua" "${wrapper[@]}"
        grep -qx "META-INF/native/$classifier/lua" <<<"$listing" || die "$jar has no META-INF/native/$classifier/lua"
        [ -f "$MULTI/target/lua-bench-1-$classifier.jar" ] || die "no classifier jar lua-bench-1-$classifier.jar"
        size="$(preset_words "$t" c)"; size="${size%gcc}size"
        CHECKS+=("$t ($classifier, ${wrapper[*]}): \`$(printf '%s' "$CHECK_OUTPUT" | tr '\t' ' ')\`; size text+data+bss Meson / cross: $(
            "$size" "$MULTI/build-meson-$t/lua" "$MULTI/target/cross/$classifier/bin/lua" 2>/dev/null | awk 'NR > 1 { printf "%s%s", s, $4; s = " / " }' || true)")
    done
}

# When each target reached each step in the last mvn run, in ms from the cross:compile header (the compile goal
# compiles and links every target; native-link then only bundles and writes jars).
timeline() {
    awk "$AWK_STAMPS"'
        / \[INFO\] --- cross-maven-plugin:[^ ]*:setup / { setup = ms($1) }
        / \[INFO\] --- cross-maven-plugin:[^ ]*:compile / { c = ms($1) }
        / \[INFO\] --- cross-maven-plugin:[^ ]*:native-link / { l = ms($1) }
        !c && setup && /\] \[[^]]+\] wrote .*setup.json/ { cls = $3; gsub(/[][]/, "", cls); order[++n] = cls; ready[cls] = span(setup, ms($1)) }
        c && !l && /\] \[[^]]+\] \[1\/[0-9]+\] CC / { cls = $3; gsub(/[][]/, "", cls); if (!(cls in cc)) cc[cls] = span(c, ms($1)) }
        c && !l && /\] \[[^]]+\] compiled / { cls = $3; gsub(/[][]/, "", cls); compiled[cls] = span(c, ms($1)) }
        c && !l && /\] \[[^]]+\] \[1\/[0-9]+\] LINK / { cls = $3; gsub(/[][]/, "", cls); link[cls] = span(c, ms($1)) }
        c && !l && /\] \[[^]]+\] linked / { cls = $3; gsub(/[][]/, "", cls); linked[cls] = span(c, ms($1)) }
        END {
            for (i = 1; i <= n; i++) { k = order[i]
                printf "| %-16s | %9d | %9d | %9d | %9d | %9d |\n", k, ready[k], cc[k], compiled[k], link[k], linked[k] }
            printf "| %-16s | %9d |           |           |           | %9d |\n", "(goal ends)", span(setup, c), span(c, l)
        }' "$1"
}

multi_main() {
    mkdir -p "$WORK/logs" "$MULTI"
    fetch_sources
    unpack_sources
    generate_sources "$MULTI"
    write_pom "$MULTI" jar
    write_meson_build "$MULTI"
    prepare_maven_repo
    # No compiler cache (-Dcross.ccache=false), as in run.sh: Meson uses none for a cross file's compilers, and with it
    # every round after the first would take the plugin's objects from the cache. Buildtype plain and warning level 0,
    # as meson.build sets them (run.sh).
    MULTI_MVN=("${MVN_BASE[@]}" -f "$MULTI/pom.xml" -Dmaven.repo.local="$MAVEN_REPO"
               -Dcross.targets="$CROSS_TARGETS" -Dcross.jobs="$JOBS" -Dcross.strip=false -Dcross.ccache=false
               -Dcross.buildtype=plain -Dcross.warningLevel=0
               -Dcross.toolchainCache="$MULTI/target/toolchains") # removed with target/: detected afresh, as by meson setup

    run_rounds multi_round
    read -ra CLASSIFIERS <<<"$(sed -n 's/.*\] set up [0-9]* targets: //p' "$WORK/logs/multi-mvn.log" | tr -d ',')"
    [ "${#CLASSIFIERS[@]}" = "${#TARGETS[@]}" ] || die "cannot read the classifiers from $WORK/logs/multi-mvn.log"
    check_outputs
    multi_report | tee "$WORK/multi-target.md"
}

median() { stats "$1" | cut -d' ' -f1; }

multi_report() {
    local n=${#TARGETS[@]} cores mvn meson ninja_cpu skip start limit meson_floor
    cores=$(nproc)
    mvn=$(median mvn_total) meson=$(median meson_total) ninja_cpu=$(median cpu_ninja)
    skip=$(median skip_total) start=$(median mvn_start)
    limit=$(awk -v c="$ninja_cpu" -v n="$cores" -v s="$skip" 'BEGIN { printf "%d", c / n + s }')
    meson_floor=$(awk -v c="$ninja_cpu" -v n="$cores" -v s="$(median meson_setup)" 'BEGIN { printf "%d", c / n + s }')
    cat <<EOF
# cross-maven-plugin, $n targets in one mvn package, vs $n Meson builds: Lua $LUA_VERSION

$(date -u '+%Y-%m-%d %H:%M UTC'), $cores processors, $ROUNDS rounds after one warm-up, jobs=$JOBS (cross.jobs, ninja -j).
Targets: ${TARGETS[*]} (bundled presets; Meson reads the same files as cross files), classifiers ${CLASSIFIERS[*]}.
$((${#LIB_SOURCES[@]} + 1)) C files per target: static lib$LIB_NAME.a from ${#LIB_SOURCES[@]}, executable lua from lua.c.
Plugin: cross-maven-plugin $PLUGIN_VERSION $PLUGIN_ORIGIN.
mvn: \`mvn -o package -Dcross.targets=$CROSS_TARGETS -Dcross.jobs=$JOBS -Dcross.strip=false -Dcross.ccache=false -Dcross.buildtype=plain -Dcross.warningLevel=0\`, target/ deleted first.
Meson: per target \`meson setup --cross-file <preset> <new folder>\` then \`ninja -j$JOBS\`, one target after the other.
Maven JVM: $(java -version 2>&1 | head -1), MAVEN_OPTS='${MAVEN_OPTS:-}', no .mvn/jvm.config.
Compilers: gcc $(gcc -dumpfullversion); $(meson --version | sed 's/^/Meson /'); ninja $(ninja --version); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g').
Load before: $LOAD_BEFORE
Load after:  $LOAD_AFTER
$(quiet_note)

| seconds                                      |    median |       min |       max |
|----------------------------------------------|-----------|-----------|-----------|
$(row "$n Meson builds, one after another" meson_total)
$(row "  meson setup, $n times" meson_setup)
$(row "  ninja -j$JOBS, $n times" meson_ninja)
$(row "whole mvn package, $n targets" mvn_total)
$(row "  Maven start (to the first mojo)" mvn_start)
$(row "  cross:setup ($n targets at once)" mvn_setup)
$(row "  cross:compile (compiles and links, all)" mvn_compile)
$(row "  cross:native-link (bundle, $n jars)" mvn_link)
$(row "  jar:jar (the main jar)" mvn_jar)
$(row "  other mojos (resources, javac, surefire)" mvn_other)
$(row "  Maven end (BUILD SUCCESS to exit)" mvn_end)
$(row "mvn -Dcross.skip package" skip_total)
$(row "  Maven start (to the first mojo)" skip_start)
$(row "  cross:setup (loads the plugin, skips)" skip_setup)
$(row "CPU: ninja, $n builds (compilers, ar, ld)" cpu_ninja)
$(row "CPU: meson setup, $n times" cpu_meson_setup)
$(row "CPU: mvn package (JVM and every child)" cpu_mvn)
$(row "CPU: mvn -Dcross.skip package" cpu_skip)

| round | first | Meson s   | mvn s     | ratio | others' CPU s during Meson | during mvn |
|-------|-------|-----------|-----------|-------|--------------|--------------|
$(printf '%s\n' "${ROUND_ROWS[@]}")

**Ratio whole mvn run / $n Meson builds: $(awk -v a="$mvn" -v b="$meson" 'BEGIN { printf "%.3f", a / b }')** (medians; goal <= 1.0).
Ratio within each round (measured back to back): median $(stats ratio | awk '{ print $1 ", min " $2 ", max " $3 }').

Limit: the compilers' CPU time / cores + Maven's own cost = $ninja_cpu ms / $cores + $skip ms (\`-Dcross.skip\` run)
= $limit ms, i.e. $(awk -v a="$limit" -v b="$meson" 'BEGIN { printf "%.3f", a / b }') of the Meson builds; with only Maven's start to the first mojo
($start ms) instead of the whole skip run: $(awk -v c="$ninja_cpu" -v n="$cores" -v s="$start" -v b="$meson" 'BEGIN { printf "%d ms, %.3f", c / n + s, (c / n + s) / b }').
Meson's own floor, the compilers' CPU time / cores + its $n setups: $meson_floor ms; the two floors' ratio: $(awk -v a="$limit" -v b="$meson_floor" 'BEGIN { printf "%.3f", a / b }')
(what the ratio tends to on an idle machine if each side only paid its floor; other load stretches both sides' compiles).

Last mvn run, ms from the cross:setup header (setup.json written) and from the cross:compile header (the rest;
a CC line is logged when its compile is queued for a cross.jobs slot, not when it gets one):

| classifier       | setup done | first CC | compiled | first LINK | linked |
|------------------|-----------|-----------|-----------|-----------|-----------|
$(timeline "$WORK/logs/multi-mvn.log")

Outputs, each lua run under its preset's exe_wrapper, Meson's and the plugin's print the same:
$(printf -- '- %s\n' "${CHECKS[@]}")
EOF
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    multi_main "$@"
fi
