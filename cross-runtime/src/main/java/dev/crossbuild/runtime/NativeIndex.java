package dev.crossbuild.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The list of natives of one classifier in a jar, as the cross plugin writes it and {@link NativeLoader} reads it.
 *
 * <h2>Jar layout</h2>
 * The natives of a classifier ({@code linux-x86_64}, {@code linux-x86_64-musl}, {@code windows-x86_64},
 * {@code osx-aarch_64}) live flat in {@code META-INF/native/<classifier>/}, next to that folder's
 * {@code index.tsv}. Every jar that carries natives also has {@code META-INF/native/classifiers.txt}: the
 * classifiers that jar holds, one a line. The main (bundle) jar holds several classifiers, a per-classifier jar one;
 * both may be on the class path at once with the same content, and the first one found is used.
 *
 * <h2>{@code index.tsv}</h2>
 * UTF-8, lines separated by {@code \n} (a {@code \r} before it is ignored). Empty lines and lines starting with
 * {@code #} are ignored. Every other line has exactly five fields separated by a TAB:
 * <pre>
 * kind  name  file  sha256  needs
 * </pre>
 * <ul>
 * <li>{@code kind}: {@code library} (a shared library the loader may load) or {@code file} (anything else in the
 *     folder: executables, static archives);</li>
 * <li>{@code name}: the target name from the POM ({@code demo}); unique among the {@code library} lines;</li>
 * <li>{@code file}: the file name inside the folder ({@code libdemo.so}, {@code demo.dll},
 *     {@code libdemo.dylib}); no path separators; unique;</li>
 * <li>{@code sha256}: 64 lower-case hex digits, the SHA-256 of the file's bytes;</li>
 * <li>{@code needs}: comma-separated names of other {@code library} lines of the same index that this one links
 *     against; may be empty (the line then ends with a TAB).</li>
 * </ul>
 * {@code library} lines are in load order: a library's {@code needs} name only {@code library} lines above it.
 * Example (shown with spaces; the file has one TAB between fields):
 * <pre>
 * # cross-runtime index
 * library  dep   libdep.so   9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * library  demo  libdemo.so  60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752  dep
 * file     tool  tool        2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
 * </pre>
 */
public final class NativeIndex {

    /** The folder of every classifier's natives inside a jar. */
    public static final String ROOT = "META-INF/native/";

    /** The resource listing the classifiers a jar holds. */
    public static final String CLASSIFIERS = ROOT + "classifiers.txt";

    /** The index file's name inside a classifier's folder. */
    public static final String INDEX_FILE = "index.tsv";

    /** The folder of a classifier's natives: {@code META-INF/native/<classifier>/}. */
    public static String folder(String classifier) {
        return ROOT + classifier + "/";
    }

    /** What a line describes. */
    public enum Kind {
        /** A shared library the loader may load. */
        LIBRARY,
        /** Anything else in the folder: an executable, a static archive. */
        FILE
    }

    /** One line of the index. */
    public static final class Entry {
        private final Kind kind;
        private final String name;
        private final String file;
        private final String sha256;
        private final List<String> needs;

        Entry(Kind kind, String name, String file, String sha256, List<String> needs) {
            this.kind = kind;
            this.name = name;
            this.file = file;
            this.sha256 = sha256;
            this.needs = Collections.unmodifiableList(new ArrayList<String>(needs));
        }

        public Kind kind() {
            return kind;
        }

        /** The target name from the POM. */
        public String name() {
            return name;
        }

        /** The file name inside the classifier's folder. */
        public String file() {
            return file;
        }

        /** 64 lower-case hex digits. */
        public String sha256() {
            return sha256;
        }

        /** Names of the libraries this one links against, in the order the index lists them. */
        public List<String> needs() {
            return needs;
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + " " + name + " (" + file + ")";
        }
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int FIELDS = 5;

    private final List<Entry> entries;
    private final Map<String, Entry> libraries;

    private NativeIndex(List<Entry> entries, Map<String, Entry> libraries) {
        this.entries = Collections.unmodifiableList(entries);
        this.libraries = libraries;
    }

    /** Every line, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The {@code library} line of that name, or null. */
    public Entry library(String name) {
        return libraries.get(name);
    }

    /** The names of the {@code library} lines, in load order. */
    public List<String> libraryNames() {
        return new ArrayList<String>(libraries.keySet());
    }

    /** The library of that name and everything it needs, directly or not, in load order (index order). */
    public List<Entry> loadOrder(String name) {
        Set<String> wanted = new HashSet<String>();
        collect(name, wanted);
        List<Entry> order = new ArrayList<Entry>();
        for (Entry library : libraries.values()) {
            if (wanted.contains(library.name())) {
                order.add(library);
            }
        }
        return order;
    }

    private void collect(String name, Set<String> wanted) {
        Entry library = libraries.get(name);
        if (library != null && wanted.add(name)) {
            for (String need : library.needs()) {
                collect(need, wanted);
            }
        }
    }

    /**
     * Reads an index. The reader is not closed.
     *
     * @throws IOException when reading fails, or for the first malformed line, with a message
     *                     {@code line <n>: <what was expected and found>}
     */
    public static NativeIndex parse(Reader text) throws IOException {
        BufferedReader lines = text instanceof BufferedReader ? (BufferedReader) text : new BufferedReader(text);
        List<Entry> entries = new ArrayList<Entry>();
        Map<String, Entry> libraries = new LinkedHashMap<String, Entry>();
        Set<String> files = new HashSet<String>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Entry entry = parseLine(line, number, libraries);
            if (!files.add(entry.file())) {
                throw malformed(number, "file '" + entry.file() + "' is listed twice");
            }
            if (entry.kind() == Kind.LIBRARY && libraries.put(entry.name(), entry) != null) {
                throw malformed(number, "library '" + entry.name() + "' is listed twice");
            }
            entries.add(entry);
        }
        return new NativeIndex(entries, libraries);
    }

    private static Entry parseLine(String line, int number, Map<String, Entry> librariesAbove) throws IOException {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS) {
            throw malformed(number, "expected 5 TAB-separated fields (kind name file sha256 needs), found "
                    + fields.length + ": '" + line + "'");
        }
        Kind kind = kind(fields[0], number);
        String name = fields[1];
        if (name.isEmpty()) {
            throw malformed(number, "the name (field 2) is empty");
        }
        String file = fields[2];
        if (file.isEmpty() || file.equals(".") || file.equals("..") || file.indexOf('/') >= 0
                || file.indexOf('\\') >= 0 || file.indexOf(':') >= 0) {
            throw malformed(number, "the file (field 3) must be a plain file name, found '" + file + "'");
        }
        String sha256 = fields[3];
        if (!SHA256.matcher(sha256).matches()) {
            throw malformed(number, "the sha256 (field 4) must be 64 lower-case hex digits, found '" + sha256 + "'");
        }
        List<String> needs = fields[4].isEmpty()
                ? Collections.<String>emptyList() : Arrays.asList(fields[4].split(",", -1));
        for (String need : needs) {
            if (kind == Kind.LIBRARY && !librariesAbove.containsKey(need)) {
                throw malformed(number, "library '" + name + "' needs '" + need
                        + "', which is not a library line above it (libraries are listed in load order)");
            }
        }
        return new Entry(kind, name, file, sha256, needs);
    }

    private static Kind kind(String text, int number) throws IOException {
        if (text.equals("library")) {
            return Kind.LIBRARY;
        }
        if (text.equals("file")) {
            return Kind.FILE;
        }
        throw malformed(number, "the kind (field 1) must be 'library' or 'file', found '" + text + "'");
    }

    private static IOException malformed(int line, String message) {
        return new IOException("line " + line + ": " + message);
    }
}
