package dev.crossbuild.it.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads a JNI library that cross-maven-plugin packed into the jar attached with the classifier: copies
 * {@code META-INF/native/<classifier>/<file>} from the class path into a temporary folder and loads it from there.
 * (The same code as in the site's examples page.)
 */
public final class NativeLoader {

    private NativeLoader() {
    }

    /** Loads {@code name}: {@code libNAME.so}, {@code NAME.dll} or {@code libNAME.dylib}, as this JVM names it. */
    public static synchronized void load(String name) throws IOException {
        String file = System.mapLibraryName(name);
        String resource = "META-INF/native/" + classifier() + "/" + file;
        try (InputStream in = NativeLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError(resource + " is not on the class path; add the dependency with "
                        + "<classifier>" + classifier() + "</classifier>");
            }
            Path directory = Files.createTempDirectory("native-");
            directory.toFile().deleteOnExit();
            Path library = directory.resolve(file);   // the same file name: it is the library's SONAME / DLL name
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            library.toFile().deleteOnExit();          // deleted before its folder; Windows keeps a loaded DLL
            System.load(library.toAbsolutePath().toString());
        }
    }

    /** This machine's classifier, as cross names it (os-maven-plugin's names): linux-x86_64, windows-x86_64, ... */
    public static String classifier() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "windows"
                : os.startsWith("mac") ? "osx"
                : os.replaceAll("[^a-z0-9]", "");
        String arch = System.getProperty("os.arch");
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            case "arm" -> "arm_32";
            case "x86", "i386", "i686" -> "x86_32";
            case "ppc64le" -> "ppcle_64";
            case "s390x" -> "s390_64";
            default -> arch;   // riscv64, loongarch64 ...
        };
        return system + "-" + cpu;
    }
}
