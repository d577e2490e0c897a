package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void theLibrariesLineGivesTheExistingFoldersNormalisedOnce() throws Exception {
        Path gcc = Files.createDirectories(root.resolve("lib/gcc/x86_64-w64-mingw32/12-posix"));
        Path mingw = Files.createDirectories(root.resolve("x86_64-w64-mingw32/lib"));
        String output = "install: " + gcc + "/\nprograms: =" + gcc + "/\nlibraries: =" + gcc + "/:" + gcc
                + "/../../../../x86_64-w64-mingw32/lib/x86_64-w64-mingw32/12-posix/:" + gcc
                + "/../../../../x86_64-w64-mingw32/lib/:" + gcc + "/\n";
        assertEquals(List.of(gcc, mingw), RuntimeDirectories.parse(output));
    }

    @Test
    void onlyWindowsHostsAskTheCompilers() throws Exception {
        Path folder = Files.createDirectories(root.resolve("dlls"));
        List<Command> asked = new ArrayList<>();
        ProcessRunner runner = command -> {
            asked.add(command);
            return new ProcessResult(command.argv(), 0, "libraries: =" + folder + "\n", "", Duration.ZERO, false);
        };
        assertEquals(List.of(), RuntimeDirectories.of(Setups.foreign(Setups.ARM64, Map.of()), runner));
        assertEquals(List.of(), asked);

        assertEquals(List.of(folder), RuntimeDirectories.of(Setups.foreign(Setups.WINDOWS, Map.of()), runner));
        assertEquals(List.of(List.of("/usr/bin/x-gcc", "-print-search-dirs"),
                List.of("/usr/bin/x-g++", "-print-search-dirs")), asked.stream().map(Command::argv).toList());
    }
}
