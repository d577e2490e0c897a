package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramFinderTest {

    @TempDir
    Path tmp;

    private Path executable(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private ProgramFinder finder(String path) {
        return new ProgramFinder(HostEnvironment.of(Map.of("PATH", path), Map.of("os.name", "Linux"), tmp));
    }

    @Test
    void bareNameIsFoundInTheFirstPathDirectoryThatHasIt() throws IOException {
        executable(tmp.resolve("b"), "tool");
        Path first = executable(tmp.resolve("a"), "tool");
        assertEquals(Optional.of(first), finder(tmp.resolve("a") + ":" + tmp.resolve("b")).find("tool"));
    }

    @Test
    void aFileWithoutExecutePermissionIsNotAProgram() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.writeString(tmp.resolve("a/tool"), "not a program");
        assertEquals(Optional.empty(), finder(tmp.resolve("a").toString()).find("tool"));
    }

    @Test
    void nameWithASlashIsResolvedAgainstTheWorkingDirectoryNotPath() throws IOException {
        Path tool = executable(tmp.resolve("bin"), "tool");
        assertEquals(Optional.of(tool), finder("").find("bin/tool"));
        assertEquals(Optional.empty(), finder(tmp.resolve("bin").toString()).find("other/tool"));
    }

    @Test
    void emptyPathEntriesDoNotMeanTheWorkingDirectory() throws IOException {
        executable(tmp, "tool");
        assertEquals(Optional.empty(), finder("::").find("tool"));
    }

    @Test
    void namesOnPathListsMatchingExecutablesOnceInPathOrder() throws IOException {
        executable(tmp.resolve("a"), "x-gcc-12");
        executable(tmp.resolve("a"), "x-gcc-10");
        executable(tmp.resolve("b"), "x-gcc-12");
        executable(tmp.resolve("b"), "x-gcc-13");
        executable(tmp.resolve("b"), "y-gcc-13");
        List<String> names = finder(tmp.resolve("a") + ":" + tmp.resolve("missing") + ":" + tmp.resolve("b"))
                .namesOnPath(name -> name.startsWith("x-gcc-"));
        assertEquals(List.of("x-gcc-10", "x-gcc-12", "x-gcc-13"), names);
    }
}
