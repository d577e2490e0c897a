package dev.crossbuild.nativebuild;

import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compile_commands.json} for clangd and other tools: one entry per source with the directory the compiler
 * runs in, the argv with the final object name, the source and the object. The launcher (ccache) is left out, as
 * CMake does: tools run {@code arguments[0]} to learn the compiler's include paths and target. Rewritten only when
 * its content changes.
 */
final class CompilationDatabase {

    private CompilationDatabase() {
    }

    static String render(List<CompileCommand> commands, Path directory) {
        List<Object> entries = new ArrayList<>();
        for (CompileCommand command : commands) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("directory", directory.toString());
            entry.put("arguments", command.compilerArgv());
            entry.put("file", command.source().toString());
            entry.put("output", command.object().toString());
            entries.add(entry);
        }
        return Json.write(entries) + "\n";
    }

    static void write(Path file, List<CompileCommand> commands, Path directory) throws IOException {
        String content = render(commands, directory);
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        AtomicFiles.writeString(file, content);
    }
}
