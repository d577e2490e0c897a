package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.crossfile.Value;
import dev.crossbuild.machine.Machine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-shaped description of a {@link CrossEnvironment}, shared by {@code introspect} and {@code setup.json}.
 * The machine part has the shape of {@code meson introspect --machines}.
 */
public final class Introspection {

    private Introspection() {
    }

    /** Ordered map ready for {@link dev.crossbuild.json.Json#write}. */
    public static Map<String, Object> of(CrossEnvironment environment, String classifier) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("build", machine(environment.machines().build()));
        root.put("host", machine(environment.machines().host()));
        root.put("target", machine(environment.machines().target()));
        root.put("is_cross_build", environment.isCrossBuild());
        root.put("can_run_host_binaries", environment.canRunHostBinaries());
        root.put("needs_exe_wrapper", environment.needsExeWrapper());
        root.put("binaries", environment.host().binaries().entries());
        root.put("properties", values(environment.host().properties()));
        root.put("built_in_options", values(environment.host().builtInOptions()));
        root.put("cross_files", names(environment.crossFiles()));
        root.put("native_files", names(environment.nativeFiles()));
        root.put("classifier", classifier);
        root.put("warnings", environment.warnings().stream().map(Object::toString).toList());
        return root;
    }

    static Map<String, Object> machine(Machine machine) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", machine.system());
        json.put("cpu_family", machine.cpuFamily());
        json.put("cpu", machine.cpu());
        json.put("endian", machine.endian().mesonName());
        json.put("kernel", machine.kernel());
        json.put("subsystem", machine.subsystem());
        json.put("is_64_bit", machine.is64Bit());
        return json;
    }

    static Map<String, Object> values(Map<String, Value> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((key, value) -> json.put(key, value(value)));
        return json;
    }

    static Object value(Value value) {
        if (value instanceof Value.Str s) {
            return s.value();
        }
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        if (value instanceof Value.Int i) {
            return i.value();
        }
        return ((Value.Array) value).elements().stream().map(Introspection::value).toList();
    }

    private static List<String> names(List<MachineFileSource> sources) {
        return sources.stream().map(MachineFileSource::name).toList();
    }
}
