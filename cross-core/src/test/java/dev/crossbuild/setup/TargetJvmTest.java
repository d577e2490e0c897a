package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetJvmTest {

    private static final Machine BUILD = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);
    private static final String LOADER = "/lib/ld-linux-aarch64.so.1";
    private static final String ARM64_HOST = """
            [host_machine]
            system = 'linux'
            cpu_family = 'aarch64'
            cpu = 'aarch64'
            endian = 'little'
            """;

    @TempDir
    Path dir;

    private static CrossEnvironment cross(String text) throws Exception {
        return CrossEnvironment.load(List.of(MachineFileSource.of("arm64.ini", text.getBytes(StandardCharsets.UTF_8))),
                List.of(), BUILD, MachineFileContext.none());
    }

    private static CrossEnvironment arm64(String exeWrapper) throws Exception {
        return cross("[binaries]\nexe_wrapper = " + exeWrapper + "\n" + ARM64_HOST);
    }

    /** A JRE home under {@code prefix/usr/lib/jvm/jre} whose bin/java is an aarch64 ELF naming the aarch64 loader. */
    private Path jre(Path prefix) throws Exception {
        Path home = prefix.resolve("usr/lib/jvm/jre");
        TestElf.write(home.resolve("bin/java"), TestElf.EM_AARCH64, LOADER);
        return home;
    }

    private static void touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    @Test
    void aJreInAPrivatePrefixRunsWithThatPrefixAsQemusL() throws Exception {
        Path prefix = dir.resolve("jre arm64");
        Path home = jre(prefix);
        touch(prefix.resolve("lib/ld-linux-aarch64.so.1"));
        touch(prefix.resolve("lib/aarch64-linux-gnu/libc.so.6"));
        Path out = dir.resolve("target/cross/linux-aarch_64");

        TargetJvm jvm = TargetJvm.prepare(arm64("['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']"), out, home);

        Path java = home.resolve("bin/java");
        assertEquals(List.of("qemu-aarch64", "-L", prefix.toString(), java.toString()), jvm.command());
        assertEquals(out.resolve("jvm/bin/java"), jvm.jvm());
        assertEquals(Optional.of(jvm.jvm()), jvm.launcher());
        assertTrue(Files.isExecutable(jvm.jvm()));
        assertTrue(Files.readString(jvm.jvm()).endsWith("\nexec 'qemu-aarch64' '-L' '" + prefix + "' '" + java + "' \"$@\"\n"));
        assertEquals(out.resolve("lib"), jvm.libraryPath());
        assertEquals(List.of(), jvm.warnings());
        assertEquals(List.of(
                "target JVM: " + java,
                "target JVM runs through: qemu-aarch64 -L " + prefix,
                "qemu prefix: -L " + prefix + " (holds the JVM's loader /lib/ld-linux-aarch64.so.1 and its libc)",
                "wrote " + out.resolve("jvm/bin/java") + " (Surefire's jvm)"), jvm.summary());
    }

    @Test
    void withoutAPrefixAroundTheJreTheWrappersOwnDashLStaysWithAWarning() throws Exception {
        assumeFalse(Files.exists(Path.of(LOADER)), "multiarch libc6:arm64 is installed here: / would be the prefix");
        Path home = jre(dir.resolve("plain"));

        TargetJvm jvm = TargetJvm.prepare(arm64("['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']"), dir.resolve("out"), home);

        assertEquals(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", home.resolve("bin/java").toString()), jvm.command());
        assertEquals(Optional.empty(), jvm.prefix());
        assertEquals(1, jvm.warnings().size());
        assertEquals("no folder at or above " + home + " holds the JVM's dynamic loader /lib/ld-linux-aarch64.so.1 together"
                + " with a libc.so.6, so qemu keeps the exe_wrapper's prefix (-L /usr/aarch64-linux-gnu); it must also"
                + " provide the libraries the JVM loads (libz.so.1, libstdc++.so.6). For linux/aarch64,"
                + " scripts/install-toolchains.sh --with-arm64-jre unpacks Debian's arm64 JRE into a private qemu prefix"
                + " and prints its path.", jvm.warnings().get(0));
    }

    @Test
    void aWrapperThatIsNotQemuIsUsedAsWritten() throws Exception {
        Path home = jre(dir.resolve("p"));

        TargetJvm jvm = TargetJvm.prepare(arm64("['box64-like', '--flag']"), dir.resolve("out"), home);

        assertEquals(List.of("box64-like", "--flag", home.resolve("bin/java").toString()), jvm.command());
        assertEquals(List.of(), jvm.warnings());
    }

    @Test
    void aNativeBuildForksTheJvmItselfAndWritesNoLauncher() throws Exception {
        Path home = dir.resolve("jdk");
        TestElf.write(home.resolve("bin/java"), TestElf.EM_X86_64, "/lib64/ld-linux-x86-64.so.2");
        CrossEnvironment nativeBuild = CrossEnvironment.load(List.of(), List.of(), BUILD, MachineFileContext.none());

        TargetJvm jvm = TargetJvm.prepare(nativeBuild, dir.resolve("out"), home);

        assertEquals(home.resolve("bin/java"), jvm.jvm());
        assertEquals(Optional.empty(), jvm.launcher());
        assertFalse(Files.exists(dir.resolve("out/jvm")));
        assertEquals(List.of("target JVM: " + home.resolve("bin/java"), "target JVM runs natively (Surefire's jvm)"), jvm.summary());
    }

    @Test
    void argLineKeepsWhatIsThereAndAddsTheModulesLibraryFolder() throws Exception {
        Path prefix = dir.resolve("p");
        Path home = jre(prefix);
        TargetJvm jvm = TargetJvm.prepare(arm64("['qemu-aarch64']"), dir.resolve("my out"), home);

        assertEquals("-javaagent:/j.jar=destfile=/x \"-Djava.library.path=" + dir.resolve("my out/lib") + "\"",
                jvm.argLine(Optional.of("-javaagent:/j.jar=destfile=/x")));
        assertEquals(Optional.empty(), jvm.argLineWarning(Optional.of("-ea")));
        assertEquals(Optional.of("argLine already sets -Djava.library.path; cross appends \"-Djava.library.path="
                        + dir.resolve("my out/lib") + "\", which the JVM takes instead (the last -D wins)"),
                jvm.argLineWarning(Optional.of("-Djava.library.path=/elsewhere")));
    }

    @Test
    void aMissingTargetJavaFailsWithTheRemedy() throws Exception {
        Path missing = dir.resolve("nope");

        TargetJvmException e = assertThrows(TargetJvmException.class,
                () -> TargetJvm.prepare(arm64("['qemu-aarch64']"), dir.resolve("out"), missing));

        assertEquals(missing, e.targetJava());
        assertEquals("cross.targetJava: " + missing + " does not exist. Expected the home of a JDK or JRE for the host machine"
                + " (linux/aarch64), the folder holding bin/java. For linux/aarch64, scripts/install-toolchains.sh"
                + " --with-arm64-jre unpacks Debian's arm64 JRE into a private qemu prefix and prints its path.", e.getMessage());
    }

    @Test
    void aFolderWithoutBinJavaFails() throws Exception {
        Files.createDirectories(dir.resolve("empty"));

        TargetJvmException e = assertThrows(TargetJvmException.class,
                () -> TargetJvm.prepare(arm64("['qemu-aarch64']"), dir.resolve("out"), dir.resolve("empty")));

        assertEquals("cross.targetJava: " + dir.resolve("empty") + " has no bin/java. Expected the home of a JDK or JRE for"
                + " the host machine (linux/aarch64). For linux/aarch64, scripts/install-toolchains.sh --with-arm64-jre"
                + " unpacks Debian's arm64 JRE into a private qemu prefix and prints its path.", e.getMessage());
    }

    @Test
    void namingTheJavaExecutableItselfSaysWhichHomeToName() throws Exception {
        Path home = jre(dir.resolve("p"));

        TargetJvmException e = assertThrows(TargetJvmException.class,
                () -> TargetJvm.prepare(arm64("['qemu-aarch64']"), dir.resolve("out"), home.resolve("bin/java")));

        assertEquals("cross.targetJava: " + home.resolve("bin/java") + " is the java executable; name the JDK or JRE home"
                + " instead: " + home, e.getMessage());
    }

    @Test
    void aJvmForAnotherMachineIsRefused() throws Exception {
        Path home = dir.resolve("amd64-jdk");
        TestElf.write(home.resolve("bin/java"), TestElf.EM_X86_64, "/lib64/ld-linux-x86-64.so.2");

        TargetJvmException e = assertThrows(TargetJvmException.class,
                () -> TargetJvm.prepare(arm64("['qemu-aarch64']"), dir.resolve("out"), home));

        assertTrue(e.getMessage().startsWith("cross.targetJava: " + home.resolve("bin/java") + " is a JVM for x86_64, but the"
                + " host machine is linux/aarch64 (ELF 64-bit"), e.getMessage());
        assertTrue(e.getMessage().endsWith("). Name a JDK or JRE built for the host machine. For linux/aarch64,"
                + " scripts/install-toolchains.sh --with-arm64-jre unpacks Debian's arm64 JRE into a private qemu prefix"
                + " and prints its path."), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/jvm/bin/java")), "no launcher for a JVM that cannot work");
    }

    @Test
    void aBinJavaThatIsNoBinaryIsRefused() throws Exception {
        Path home = dir.resolve("script-jdk");
        touch(home.resolve("bin/java"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexec java \"$@\"\n");

        TargetJvmException e = assertThrows(TargetJvmException.class,
                () -> TargetJvm.prepare(arm64("['qemu-aarch64']"), dir.resolve("out"), home));

        assertTrue(e.getMessage().startsWith("cross.targetJava: " + home.resolve("bin/java") + " is not a JVM executable: not an"
                + " ELF, PE or Mach-O file"), e.getMessage());
    }

    @Test
    void aCrossFileWithoutExeWrapperCannotRunTheJvm() throws Exception {
        Path home = jre(dir.resolve("p"));

        TargetJvmException e = assertThrows(TargetJvmException.class,
                () -> TargetJvm.prepare(cross(ARM64_HOST), dir.resolve("out"), home));

        assertEquals("cross.targetJava is set, but linux/aarch64 binaries cannot run on this build machine and the cross file"
                + " has no exe_wrapper in [binaries]. Add one, e.g. exe_wrapper = ['qemu-aarch64', '-L',"
                + " '/usr/aarch64-linux-gnu'] for linux-arm64 (Debian: apt-get install qemu-user), or remove targetJava.",
                e.getMessage());
    }

    /** The real thing when the JRE of scripts/install-toolchains.sh --with-arm64-jre is there: os.arch through the launcher. */
    @Test
    void theInstalledArm64JreRunsThroughTheLauncher() throws Exception {
        Path home = Path.of("/opt/cross/jre-arm64/usr/lib/jvm/java-17-openjdk-arm64");
        assumeTrue(Files.isRegularFile(home.resolve("bin/java")), "no arm64 JRE at " + home);

        TargetJvm jvm = TargetJvm.prepare(arm64("['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']"), dir.resolve("out"), home);
        ProcessResult result = ProcessRunner.system().run(new Command(
                List.of(jvm.jvm().toString(), "-XshowSettings:properties", "-version"), Optional.empty(),
                java.util.Map.of(), Duration.ofSeconds(120)));

        assertEquals(Optional.of(Path.of("/opt/cross/jre-arm64")), jvm.prefix().map(QemuPrefix::directory));
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("os.arch = aarch64"), result.stderr());
    }
}
