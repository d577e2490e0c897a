package dev.crossbuild.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code -L} directory qemu-user gets for a JVM: qemu opens every file at {@code <prefix>/<path>} first and falls
 * back to {@code <path>} on the build machine. The dynamic loader and {@code libc.so.6} must come from the same glibc
 * build: with {@code -L /usr/aarch64-linux-gnu} (the cross libc's loader) and a multiarch {@code libc6:arm64} in
 * {@code /lib/aarch64-linux-gnu} (found by the fallback), a JVM hangs at 100% CPU without a message.
 *
 * <p>The rule: the nearest directory at or above the JVM's home, up to {@code /}, that holds both the JVM's own
 * dynamic loader (its {@code PT_INTERP}, e.g. {@code lib/ld-linux-aarch64.so.1}) and a {@code libc.so.6} beside it
 * (in {@code lib}, {@code usr/lib} or their multiarch folders; a musl loader is its own libc). For the JRE unpacked
 * by {@code scripts/install-toolchains.sh --with-arm64-jre} that is its private prefix; for any other JRE on a
 * machine with multiarch {@code libc6:arm64} it is {@code /}. When there is none, the exe_wrapper's own {@code -L}
 * stays: then no multiarch libc exists for the fallback to find, and loader and libc both come from that prefix.
 *
 * @param directory the {@code -L} value
 * @param loader the loader found there, as the JVM names it
 */
public record QemuPrefix(Path directory, String loader) {

    /** Finds the prefix for a JVM whose {@code bin/java} names {@code loader} as its interpreter. */
    public static Optional<QemuPrefix> find(Path javaHome, String loader, Optional<String> multiarch) {
        return find(javaHome, loader, multiarch, Files::exists);
    }

    /** {@link #find(Path, String, Optional)} with the file system's {@code exists} replaced (tests). */
    static Optional<QemuPrefix> find(Path javaHome, String loader, Optional<String> multiarch, Predicate<Path> exists) {
        String relativeLoader = stripRoot(loader);
        if (relativeLoader.isEmpty()) {
            return Optional.empty();
        }
        for (Path directory = javaHome.toAbsolutePath().normalize(); directory != null; directory = directory.getParent()) {
            if (exists.test(directory.resolve(relativeLoader)) && hasLibc(directory, relativeLoader, multiarch, exists)) {
                return Optional.of(new QemuPrefix(directory, loader));
            }
        }
        return Optional.empty();
    }

    /** Whether the exe_wrapper runs qemu-user ({@code qemu-aarch64}, {@code /usr/bin/qemu-arm-static}, ...). */
    public static boolean isQemu(List<String> wrapper) {
        if (wrapper.isEmpty()) {
            return false;
        }
        String program = wrapper.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.startsWith("qemu-");
    }

    /**
     * The wrapper with this prefix as qemu's {@code -L}: an existing {@code -L <dir>} gets its value replaced,
     * otherwise {@code -L <dir>} goes right after the qemu program (qemu options precede the guest program).
     */
    public List<String> applyTo(List<String> wrapper) {
        if (!isQemu(wrapper)) {
            throw new IllegalArgumentException("not a qemu-user exe_wrapper: " + wrapper);
        }
        List<String> argv = new ArrayList<>(wrapper);
        for (int i = 1; i < argv.size(); i++) {
            if (argv.get(i).equals("-L") && i + 1 < argv.size()) {
                argv.set(i + 1, directory.toString());
                return List.copyOf(argv);
            }
        }
        argv.addAll(1, List.of("-L", directory.toString()));
        return List.copyOf(argv);
    }

    /** The {@code -L} value of a qemu wrapper, if it has one. */
    public static Optional<String> currentPrefix(List<String> wrapper) {
        for (int i = 1; i + 1 < wrapper.size(); i++) {
            if (wrapper.get(i).equals("-L")) {
                return Optional.of(wrapper.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean hasLibc(Path directory, String relativeLoader, Optional<String> multiarch,
                                   Predicate<Path> exists) {
        if (relativeLoader.contains("ld-musl-")) {
            return true;
        }
        Set<String> folders = new LinkedHashSet<>();
        int slash = relativeLoader.lastIndexOf('/');
        String loaderFolder = slash < 0 ? "" : relativeLoader.substring(0, slash);
        for (String base : List.of(loaderFolder, "lib", "usr/lib")) {
            multiarch.ifPresent(m -> folders.add(base.isEmpty() ? m : base + "/" + m));
            folders.add(base);
        }
        for (String folder : folders) {
            if (exists.test(directory.resolve(folder.isEmpty() ? "libc.so.6" : folder + "/libc.so.6"))) {
                return true;
            }
        }
        return false;
    }

    private static String stripRoot(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
