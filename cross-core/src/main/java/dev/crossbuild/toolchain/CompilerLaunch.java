package dev.crossbuild.toolchain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What runs in front of the host machine's compilers, as setup decided it: the compiler cache and how it was chosen,
 * the compile farm's client (a distributor) and where it was asked for, and the remote slots its host list offers
 * (empty when the distributor cannot say: icecream's scheduler hands out slots at run time). Logged once by setup
 * and kept in {@code setup.json} as {@code compiler_launcher}; the later goals add the remote slots to
 * {@code cross.jobs}' default.
 */
public record CompilerLaunch(Optional<String> cache, CacheChoice cacheChoice, Optional<String> distributor,
                             Optional<String> distributorOrigin, OptionalInt remoteSlots, List<String> remoteHosts) {

    /** How the compiler cache was chosen. */
    public enum CacheChoice {
        /** Found on PATH and put in front of the compilers whose machine file names no launcher. */
        AUTOMATIC("automatic"),
        /** Named by the machine file ({@code c = ['ccache', ...]}). */
        MACHINE_FILE("machine file"),
        /** {@code cross.ccache=false}, and the machine file names none. */
        OFF("off"),
        /** Neither ccache nor sccache on PATH, and the machine file names none. */
        NONE_ON_PATH("none on PATH"),
        /** Only sccache is on PATH, and it cannot hand its misses to the compile farm asked for. */
        DISPLACED("displaced by the compile farm"),
        /** ccache is on PATH but cannot write its cache folders, so it would fail every compile (a doctor warning). */
        UNUSABLE("unusable");

        private final String json;

        CacheChoice(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** The JSON key in {@code setup.json}. */
    public static final String JSON_KEY = "compiler_launcher";

    public CompilerLaunch {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(cacheChoice, "cacheChoice");
        Objects.requireNonNull(distributor, "distributor");
        Objects.requireNonNull(distributorOrigin, "distributorOrigin");
        Objects.requireNonNull(remoteSlots, "remoteSlots");
        remoteHosts = List.copyOf(remoteHosts);
    }

    /** No launcher at all and none looked for (a module without C/C++ never gets here). */
    public static CompilerLaunch none() {
        return new CompilerLaunch(Optional.empty(), CacheChoice.OFF, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), List.of());
    }

    /**
     * This launch, saying that the ccache on PATH was left out because it cannot store anything; unchanged when a
     * cache the machine file names runs all the same.
     */
    CompilerLaunch withUnusableCacheLeftOut() {
        return cacheChoice != CacheChoice.NONE_ON_PATH ? this : new CompilerLaunch(cache, CacheChoice.UNUSABLE,
                distributor, distributorOrigin, remoteSlots, remoteHosts);
    }

    /** {@code compiler cache: /usr/bin/ccache (cross.ccache=false turns it off)}. */
    public String cacheLine() {
        return "compiler cache: " + switch (cacheChoice) {
            case AUTOMATIC -> cache.orElse("") + " (cross.ccache=false turns it off)";
            case MACHINE_FILE -> cache.orElse("") + " (named in [binaries])";
            case OFF -> "off (cross.ccache=false)";
            case NONE_ON_PATH -> "none (neither ccache nor sccache is on PATH)";
            case DISPLACED -> "none (sccache cannot hand its misses to the compile farm; ccache can)";
            case UNUSABLE -> "none (ccache is on PATH but cannot store anything: see the doctor's warning)";
        };
    }

    /** {@code compile farm: /usr/bin/distcc (cross.launcher) behind ccache, 4 remote slots: h1/2 h2/2}; empty without. */
    public Optional<String> farmLine() {
        return distributor.map(program -> {
            String behind = cache.filter(Launchers::passesMissesOn).map(c -> " behind ccache (CCACHE_PREFIX)")
                    .orElse("");
            String slots;
            if (remoteSlots.isEmpty()) {
                slots = "the farm's scheduler hands out remote slots as it compiles; set cross.jobs to use them";
            } else if (remoteSlots.getAsInt() == 0) {
                slots = "no remote host in its host list, so every compile runs here";
            } else {
                slots = remoteSlots.getAsInt() + " remote slots: " + String.join(" ", remoteHosts);
            }
            return "compile farm: " + program + " (" + distributorOrigin.orElse("") + ")" + behind + ", " + slots;
        });
    }

    /** The lines setup logs. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(cacheLine());
        farmLine().ifPresent(lines::add);
        return lines;
    }

    /** {@code {"cache": ..., "cache_choice": ..., "distributor": ..., "distributor_origin": ..., "remote_slots": ...}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cache", cache);
        json.put("cache_choice", cacheChoice.json());
        json.put("distributor", distributor);
        json.put("distributor_origin", distributorOrigin);
        json.put("remote_slots", remoteSlots.isPresent() ? (Object) remoteSlots.getAsInt() : null);
        json.put("remote_hosts", remoteHosts);
        return json;
    }

    /** The remote slots {@link #toJson()} recorded in {@code json} (its {@code compiler_launcher} object); 0 when none. */
    public static int remoteSlots(Map<String, Object> json) {
        return json.get("remote_slots") instanceof Number slots ? Math.max(0, slots.intValue()) : 0;
    }
}
