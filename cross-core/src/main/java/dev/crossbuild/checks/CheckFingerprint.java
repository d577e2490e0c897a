package dev.crossbuild.checks;

import dev.crossbuild.io.Hashes;
import dev.crossbuild.json.Json;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of everything compiler check answers depend on: the compiler's argv without launchers (checks never
 * run through ccache or a compile farm, so adding one asks nothing again) and identity (id, version, triple,
 * sysroot), the size and modification time of each program on that argv (the compiler behind a symlink), the extra
 * compile and link arguments, and the checks left to the compiler after {@code [properties]} overrides. An upgraded compiler, a changed {@code c_args} or a changed check list gives a new fingerprint.
 */
final class CheckFingerprint {

    /**
     * Bump when the generated programs or the meaning of cached answers change. 2: checks run in the module's folder
     * (a relative {@code -I} of {@code c_args} means the module, as in its compiles); those of 1 ran in Maven's.
     */
    static final int FORMAT = 2;

    private CheckFingerprint() {
    }

    static String of(Compiler compiler, List<String> compilerArgs, List<String> linkArgs, CheckRequest request) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("format", FORMAT);
        inputs.put("language", compiler.language().binaryKey());
        inputs.put("argv", compiler.argvWithoutLauncher());
        inputs.put("programs", programs(compiler.argvWithoutLauncher()));
        CompilerId id = compiler.id();
        inputs.put("compiler", List.of(id.id(), id.version(), id.targetTriple(), id.sysroot().map(Path::toString).orElse("")));
        inputs.put("compiler_args", compilerArgs);
        inputs.put("link_args", linkArgs);
        inputs.put("request", request.toJson());
        return Hashes.sha256(Json.write(inputs));
    }

    /** Size and modification time of each absolute argv entry that is a file (symlinks followed). */
    private static List<Object> programs(List<String> argv) {
        List<Object> programs = new ArrayList<>();
        for (String argument : argv) {
            Path path;
            try {
                path = Path.of(argument);
            } catch (InvalidPathException e) {
                continue;
            }
            if (!path.isAbsolute() || !Files.isRegularFile(path)) {
                continue;
            }
            try {
                programs.add(List.of(argument, Files.size(path), Files.getLastModifiedTime(path).toMillis()));
            } catch (IOException e) {
                programs.add(List.of(argument, "unreadable"));
            }
        }
        return programs;
    }

}
