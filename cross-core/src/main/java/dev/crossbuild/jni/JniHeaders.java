package dev.crossbuild.jni;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our own {@code jni_md.h} per host system. {@code jni.h} is the same on every machine and comes from the build
 * JDK, but the JDK ships only its own system's {@code jni_md.h} (a Linux JDK has no {@code include/win32}), so a
 * cross build needs the host machine's one from us. Two variants cover every system with a JVM: Unix-like
 * (visibility attribute, no calling convention) and Windows (dllexport, {@code __stdcall}, 32-bit {@code long}).
 */
public final class JniHeaders {

    /** Meson {@code system} values that get the Unix-like header: the systems with a JDK port. */
    private static final List<String> UNIX = List.of(
            "linux", "android", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly", "sunos", "aix", "haiku", "gnu");

    private JniHeaders() {
    }

    /** The systems we have a {@code jni_md.h} for, in Meson's names. */
    public static List<String> systems() {
        List<String> systems = new ArrayList<>(UNIX);
        systems.add(1, "windows");
        return List.copyOf(systems);
    }

    /** The text of {@code jni_md.h} for a host system (Meson's {@code system} value); empty when it has no JNI. */
    public static Optional<String> mdHeader(String mesonSystem) {
        if ("windows".equals(mesonSystem)) {
            return Optional.of(resource("jni_md-windows.h"));
        }
        if (UNIX.contains(mesonSystem)) {
            return Optional.of(resource("jni_md-unix.h"));
        }
        return Optional.empty();
    }

    /** Why a system has no {@code jni_md.h}; empty when it has one. */
    public static Optional<String> noJniReason(String mesonSystem) {
        if (mdHeader(mesonSystem).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(switch (mesonSystem) {
            case "none" -> "a bare-metal target has no Java runtime to load a JNI library";
            case "emscripten" -> "WebAssembly has no Java runtime that loads JNI libraries";
            case "cygwin" -> "a Windows JVM loads native Windows DLLs, not Cygwin ones; use system = 'windows'"
                    + " (mingw-w64) in the cross file";
            default -> "no Java runtime with JNI is known for this system";
        });
    }

    /** Like {@link #mdHeader}, but a system without JNI is an error that says why. */
    public static String requireMdHeader(String mesonSystem) throws NoJniException {
        Optional<String> header = mdHeader(mesonSystem);
        if (header.isEmpty()) {
            throw new NoJniException(mesonSystem, noJniReason(mesonSystem).orElseThrow());
        }
        return header.get();
    }

    private static String resource(String name) {
        try (InputStream in = JniHeaders.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/crossbuild/jni/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
