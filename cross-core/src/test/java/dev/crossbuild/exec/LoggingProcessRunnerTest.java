package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoggingProcessRunnerTest {

    private static final Path MODULE = Path.of("/work/my module");

    private final List<String> log = new ArrayList<>();
    private final List<Command> ran = new ArrayList<>();
    private final ProcessResult result = new ProcessResult(List.of("x"), 0, "", "", Duration.ZERO, false);
    private final ProcessRunner runner = ProcessRunner.logging(command -> {
        log.add("ran");
        ran.add(command);
        return result;
    }, MODULE, log::add);

    @Test
    void eachCommandIsLoggedOnceBeforeItRunsAndThenRunsUnchanged() throws Exception {
        Command command = Command.of("aarch64-linux-gnu-gcc", "-c", "-o", "obj/a.o", "src/main/c/my file.c");

        assertSame(result, runner.run(command));

        assertEquals(List.of("aarch64-linux-gnu-gcc -c -o obj/a.o 'src/main/c/my file.c'", "ran"), log);
        assertEquals(List.of(command), ran);
    }

    @Test
    void theEnvironmentComesFirstByNameAndTheFolderOnlyWhenItIsAnotherOne() throws Exception {
        runner.run(new Command(List.of("pkg-config", "--cflags", "zlib"), Optional.of(MODULE),
                Map.of("PKG_CONFIG_SYSROOT_DIR", "", "PKG_CONFIG_LIBDIR", "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig"),
                Command.DEFAULT_TIMEOUT));
        runner.run(Command.of("./test_a").withWorkingDirectory(MODULE.resolve("target/cross/x/test/bin"))
                .withEnvironment("LD_LIBRARY_PATH", "/a b:$ORIGIN"));

        assertEquals(List.of("PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig "
                        + "PKG_CONFIG_SYSROOT_DIR='' pkg-config --cflags zlib", "ran",
                "cd '/work/my module/target/cross/x/test/bin' && LD_LIBRARY_PATH='/a b:$ORIGIN' ./test_a", "ran"), log);
    }
}
