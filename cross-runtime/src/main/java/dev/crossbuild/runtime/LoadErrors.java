package dev.crossbuild.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The errors of one {@link NativeLoader#load} call, one root cause each. Every message names the library, the
 * classifier and where it came from, the classifiers the class path's jars hold, the file tried and the reason.
 */
final class LoadErrors {

    private static final String MUSL = "-musl";

    private final String name;
    private final String classifier;
    private final String classifierOrigin;
    private final ClassLoader loader;

    LoadErrors(String name, String classifier, String classifierOrigin, ClassLoader loader) {
        this.name = name;
        this.classifier = classifier;
        this.classifierOrigin = classifierOrigin;
        this.loader = loader;
    }

    UnsatisfiedLinkError noNatives(String indexPath) {
        Set<String> held = heldClassifiers();
        String remedy;
        String glibc = classifier.endsWith(MUSL)
                ? classifier.substring(0, classifier.length() - MUSL.length()) : null;
        if (glibc != null && held.contains(glibc)) {
            remedy = "the natives for " + glibc + " are built for glibc and do not load on musl, so they are not used:"
                    + " build " + classifier + " too (a musl toolchain), or run on a glibc system";
        } else {
            remedy = "put the jar with classifier " + classifier + " (or a bundle jar that holds it) on the class path;"
                    + " if " + classifier + " is not this platform, set -D" + Classifiers.PROPERTY
                    + "=<one of the classifiers above>";
        }
        return error("no natives for " + classifier + " on the class path", held, indexPath, null, null, remedy);
    }

    UnsatisfiedLinkError unreadableIndex(URL indexUrl, IOException reason) {
        return error("cannot read " + NativeIndex.INDEX_FILE, heldClassifiers(), indexUrl.toString(), null, reason,
                "the jar is damaged or was not written by the cross plugin");
    }

    UnsatisfiedLinkError noSuchLibrary(URL indexUrl, List<String> names) {
        String there = names.isEmpty() ? "none" : String.join(", ", names);
        return error("the natives for " + classifier + " have no library '" + name + "'", heldClassifiers(),
                indexUrl.toString(), null, null,
                "libraries there: " + there + "; the name is the <name> of a <library> in the POM");
    }

    UnsatisfiedLinkError hashMismatch(NativeIndex.Entry library, URL source, Path target, IOException reason) {
        return error(what(library) + ": its bytes do not match " + NativeIndex.INDEX_FILE, heldClassifiers(),
                source.toString(), target, reason,
                "the jar is damaged, or mixes files of two builds; nothing was extracted");
    }

    /** @param folder the cache folder as a noun phrase: {@code the cache folder /x} */
    UnsatisfiedLinkError extractionFailed(NativeIndex.Entry library, String source, Path target, String folder,
                                          Exception reason) {
        return error(what(library) + ": cannot extract it into " + folder, heldClassifiers(), source, target, reason,
                "make " + folder + " writable, or set -D" + CacheDirectory.PROPERTY + "=<a writable folder>");
    }

    UnsatisfiedLinkError loadFailed(NativeIndex.Entry library, URL source, Path file, UnsatisfiedLinkError reason) {
        return error(what(library) + ": System.load failed", heldClassifiers(), source.toString(), file, reason,
                "the library does not fit this system (built for another libc version, architecture or OS?),"
                        + " or a library it needs is missing");
    }

    private String what(NativeIndex.Entry library) {
        return library.name().equals(name) ? library.file()
                : library.file() + " (library '" + library.name() + "', which '" + name + "' needs)";
    }

    private UnsatisfiedLinkError error(String problem, Set<String> held, String tried, Path extracted,
                                       Throwable reason, String remedy) {
        StringBuilder message = new StringBuilder()
                .append("cannot load native library '").append(name).append("': ").append(problem)
                .append("\n  classifier: ").append(classifier).append(" (").append(classifierOrigin).append(')')
                .append("\n  natives on the class path: ")
                .append(held.isEmpty() ? "none (no " + NativeIndex.CLASSIFIERS + " found)" : String.join(", ", held))
                .append("\n  tried: ").append(tried);
        if (extracted != null) {
            message.append(" -> ").append(extracted);
        }
        if (reason != null) {
            message.append("\n  reason: ").append(reason.getMessage() != null ? reason.getMessage() : reason);
        }
        message.append("\n  ").append(remedy);
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message.toString());
        if (reason != null) {
            error.initCause(reason);
        }
        return error;
    }

    /** The union of every {@code classifiers.txt} the class loader sees. */
    private Set<String> heldClassifiers() {
        Set<String> held = new TreeSet<String>();
        try {
            Enumeration<URL> lists = loader.getResources(NativeIndex.CLASSIFIERS);
            while (lists.hasMoreElements()) {
                URLConnection connection = lists.nextElement().openConnection();
                connection.setUseCaches(false);
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), Charset.forName("UTF-8")))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String classifier = line.trim();
                        if (!classifier.isEmpty() && !classifier.startsWith("#")) {
                            held.add(classifier);
                        }
                    }
                }
            }
        } catch (IOException e) {
            held.add("(" + NativeIndex.CLASSIFIERS + " unreadable: " + e.getMessage() + ")");
        }
        return held;
    }
}
