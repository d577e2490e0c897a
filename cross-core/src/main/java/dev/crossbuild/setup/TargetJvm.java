package dev.crossbuild.setup;

import dev.crossbuild.binary.Binaries;
import dev.crossbuild.binary.BinaryFile;
import dev.crossbuild.binary.BinaryFormatException;
import dev.crossbuild.binary.ElfFile;
import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.FileNaming;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JVM of the host machine ({@code targetJava}) that Surefire can fork, so that a module's Java tests run on the
 * emulated target and load the cross-built JNI libraries. When host binaries cannot run here, setup writes a
 * launcher {@code <classifier>/jvm/bin/java} (Surefire insists on that name) that runs the JVM through the cross
 * file's exe_wrapper; for qemu-user the {@code -L} prefix follows {@link QemuPrefix}'s rule. When they can, the
 * JVM's own {@code bin/java} is used.
 *
 * @param home the JDK or JRE home as given ({@code targetJava}), absolute
 * @param java its {@code bin/java}
 * @param jvm what Surefire forks (the {@code jvm} property): the launcher, or {@code java} itself
 * @param launcher the launcher script, when one was written
 * @param command the argv the launcher executes before the JVM's own arguments
 * @param libraryPath the module's {@code <classifier>/lib}, for {@code -Djava.library.path}
 * @param prefix qemu's {@code -L} chosen by the rule, when the exe_wrapper is qemu-user and one was found
 * @param warnings things the build log should show
 */
public record TargetJvm(Path home, Path java, Path jvm, Optional<Path> launcher, List<String> command, Path libraryPath,
                        Optional<QemuPrefix> prefix, List<String> warnings) {

    /** What unpacks an aarch64 JRE for this plugin's tests and examples. */
    public static final String ARM64_JRE_REMEDY = "scripts/install-toolchains.sh --with-arm64-jre";

    public TargetJvm {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(launcher, "launcher");
        command = List.copyOf(command);
        Objects.requireNonNull(libraryPath, "libraryPath");
        Objects.requireNonNull(prefix, "prefix");
        warnings = List.copyOf(warnings);
    }

    /** Checks {@code targetJava} against the host machine and writes the launcher under the setup's output folder. */
    public static TargetJvm prepare(SetupResult setup, Path targetJava) throws TargetJvmException, IOException {
        return prepare(setup.environment(), setup.outputDirectory(), targetJava);
    }

    static TargetJvm prepare(CrossEnvironment environment, Path outputDirectory, Path targetJava)
            throws TargetJvmException, IOException {
        Machine host = environment.machines().host();
        Path home = targetJava.toAbsolutePath().normalize();
        Path java = javaExecutable(home, host, targetJava);
        BinaryFile binary = readJava(java, host, targetJava);
        Path libraryPath = outputDirectory.toAbsolutePath().normalize().resolve("lib");
        try {
            ArgLine.quote(libraryPathArgument(libraryPath));
        } catch (IllegalArgumentException e) {
            throw new TargetJvmException(targetJava, "the module's library folder cannot be passed to Surefire: " + e.getMessage());
        }
        if (!environment.needsExeWrapper()) {
            return new TargetJvm(home, java, java, Optional.empty(), List.of(java.toString()), libraryPath, Optional.empty(),
                    List.of());
        }
        List<String> wrapper = environment.host().binaries().exeWrapper().filter(w -> !w.isEmpty())
                .orElseThrow(() -> new TargetJvmException(targetJava, "cross.targetJava is set, but " + host.system() + "/"
                        + host.cpuFamily() + " binaries cannot run on this build machine and the cross file has no "
                        + "exe_wrapper in [binaries]. Add one, e.g. exe_wrapper = ['qemu-aarch64', '-L', "
                        + "'/usr/aarch64-linux-gnu'] for linux-arm64 (Debian: apt-get install qemu-user), or remove "
                        + "targetJava."));
        List<String> warnings = new ArrayList<>();
        Optional<QemuPrefix> prefix = Optional.empty();
        List<String> command = new ArrayList<>(wrapper);
        Optional<String> loader = binary instanceof ElfFile elf ? elf.interpreter() : Optional.empty();
        if (QemuPrefix.isQemu(wrapper) && loader.isPresent()) {
            prefix = QemuPrefix.find(home, loader.get(), Aliases.debianMultiarch(host));
            if (prefix.isPresent()) {
                command = new ArrayList<>(prefix.get().applyTo(wrapper));
            } else {
                warnings.add("no folder at or above " + home + " holds the JVM's dynamic loader " + loader.get()
                        + " together with a libc.so.6, so qemu keeps the exe_wrapper's prefix ("
                        + QemuPrefix.currentPrefix(wrapper).map(p -> "-L " + p).orElse("no -L")
                        + "); it must also provide the libraries the JVM loads (libz.so.1, libstdc++.so.6). "
                        + remedy(host));
            }
        }
        command.add(java.toString());
        Path launcher = outputDirectory.toAbsolutePath().normalize().resolve("jvm/bin/java");
        LauncherScript.write(launcher, command);
        return new TargetJvm(home, java, launcher, Optional.of(launcher), command, libraryPath, prefix, warnings);
    }

    /** {@code -Djava.library.path=<classifier>/lib}. */
    public String libraryPathArgument() {
        return libraryPathArgument(libraryPath);
    }

    /** Surefire's {@code argLine} with {@link #libraryPathArgument()} appended to what is already there. */
    public String argLine(Optional<String> existing) {
        return ArgLine.append(existing, libraryPathArgument());
    }

    /** A warning when the existing {@code argLine} sets its own library path (ours comes later and wins). */
    public Optional<String> argLineWarning(Optional<String> existing) {
        if (existing.isPresent() && existing.get().contains("-Djava.library.path=")
                && !existing.get().contains(ArgLine.quote(libraryPathArgument()))) {
            return Optional.of("argLine already sets -Djava.library.path; cross appends " + ArgLine.quote(libraryPathArgument())
                    + ", which the JVM takes instead (the last -D wins)");
        }
        return Optional.empty();
    }

    /** The lines a build logs. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("target JVM: " + java);
        if (launcher.isPresent()) {
            lines.add("target JVM runs through: " + String.join(" ", command.subList(0, command.size() - 1)));
            prefix.ifPresent(p -> lines.add("qemu prefix: -L " + p.directory() + " (holds the JVM's loader " + p.loader()
                    + " and its libc)"));
            lines.add("wrote " + launcher.get() + " (Surefire's jvm)");
        } else {
            lines.add("target JVM runs natively (Surefire's jvm)");
        }
        return lines;
    }

    private static String libraryPathArgument(Path libraryPath) {
        return "-Djava.library.path=" + libraryPath;
    }

    private static Path javaExecutable(Path home, Machine host, Path given) throws TargetJvmException {
        if (!Files.exists(home)) {
            throw new TargetJvmException(given, "cross.targetJava: " + home + " does not exist. Expected the home of a JDK "
                    + "or JRE for the host machine (" + host.system() + "/" + host.cpuFamily() + "), the folder holding "
                    + "bin/java. " + remedy(host));
        }
        String name = FileNaming.executable(host.system(), "java");
        Path java = home.resolve("bin").resolve(name);
        if (Files.isRegularFile(java)) {
            return java;
        }
        if (Files.isRegularFile(home) && home.getFileName().toString().equals(name) && home.getParent() != null
                && home.getParent().getParent() != null) {
            throw new TargetJvmException(given, "cross.targetJava: " + home + " is the java executable; name the JDK or "
                    + "JRE home instead: " + home.getParent().getParent());
        }
        throw new TargetJvmException(given, "cross.targetJava: " + home + " has no bin/" + name + ". Expected the home of "
                + "a JDK or JRE for the host machine (" + host.system() + "/" + host.cpuFamily() + "). " + remedy(host));
    }

    private static BinaryFile readJava(Path java, Machine host, Path given) throws TargetJvmException {
        BinaryFile binary;
        try {
            binary = Binaries.read(java);
        } catch (BinaryFormatException e) {
            throw new TargetJvmException(given, "cross.targetJava: " + java + " is not a JVM executable: " + e.problem()
                    + ". " + remedy(host));
        }
        if (binary instanceof ElfFile elf && elf.cpuFamily().isPresent()
                && !elf.cpuFamily().get().equals(host.cpuFamily())) {
            throw new TargetJvmException(given, "cross.targetJava: " + java + " is a JVM for " + elf.cpuFamily().get()
                    + ", but the host machine is " + host.system() + "/" + host.cpuFamily() + " (" + elf.describe()
                    + "). Name a JDK or JRE built for the host machine. " + remedy(host));
        }
        return binary;
    }

    private static String remedy(Machine host) {
        if (host.system().equals("linux") && host.cpuFamily().equals("aarch64")) {
            return "For linux/aarch64, " + ARM64_JRE_REMEDY + " unpacks Debian's arm64 JRE into a private qemu prefix "
                    + "and prints its path.";
        }
        return "Unpack a JDK or JRE built for " + host.system() + "/" + host.cpuFamily()
                + Aliases.debianArch(host).map(a -> " (Debian: apt-get download openjdk-17-jre-headless:" + a
                        + ", then dpkg-deb -x it)").orElse("") + " and name its home.";
    }
}
