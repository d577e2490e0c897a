package dev.crossbuild.runtime;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What {@link NativeLoader} does, for one classifier and one cache; the tests make their own. */
final class LibraryLoader {

    private final String classifier;
    private final String classifierOrigin;
    private final List<Path> cacheCandidates;
    private final boolean privateCacheFolders;

    /** One lock for all loads: loading is rare and short, and then no library is extracted twice in a JVM. */
    private final Object lock = new Object();
    private final Set<String> loaded = new HashSet<String>();
    private NativeCache nativeCache;

    /**
     * @param classifierOrigin how the classifier was found, for messages ({@code detected}, {@code from ...})
     * @param privateCacheFolders see {@link CacheDirectory#choose}
     */
    LibraryLoader(String classifier, String classifierOrigin, List<Path> cacheCandidates,
                  boolean privateCacheFolders) {
        this.classifier = classifier;
        this.classifierOrigin = classifierOrigin;
        this.cacheCandidates = cacheCandidates;
        this.privateCacheFolders = privateCacheFolders;
    }

    /** The loader of this JVM: the classifier and the cache folder from system properties or detection. */
    static LibraryLoader forThisJvm() {
        String property = System.getProperty(Classifiers.PROPERTY);
        boolean overridden = property != null && !property.trim().isEmpty();
        String classifier = overridden ? property.trim() : Classifiers.detect();
        String origin = overridden ? "from -D" + Classifiers.PROPERTY : "detected from os.name="
                + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch");
        String os = Classifiers.os(System.getProperty("os.name", ""));
        return new LibraryLoader(classifier, origin, CacheDirectory.candidates(os),
                System.getProperty(CacheDirectory.PROPERTY) == null);
    }

    String classifier() {
        return classifier;
    }

    /** Loads a library and the libraries it needs; a library loaded before is not loaded again. */
    void load(String name, ClassLoader loader) {
        synchronized (lock) {
            if (loaded.contains(name)) {
                return;
            }
            LoadErrors errors = new LoadErrors(name, classifier, classifierOrigin, loader);
            String indexPath = NativeIndex.folder(classifier) + NativeIndex.INDEX_FILE;
            URL indexUrl = loader.getResource(indexPath);
            if (indexUrl == null) {
                throw errors.noNatives(indexPath);
            }
            NativeIndex index;
            try {
                index = read(indexUrl);
            } catch (IOException e) {
                throw errors.unreadableIndex(indexUrl, e);
            }
            if (index.library(name) == null) {
                throw errors.noSuchLibrary(indexUrl, index.libraryNames());
            }
            for (NativeIndex.Entry library : index.loadOrder(name)) {
                if (!loaded.contains(library.name())) {
                    URL source = sourceOf(library, indexUrl, errors);
                    Path file = extract(library, source, errors);
                    try {
                        System.load(file.toString());
                    } catch (UnsatisfiedLinkError e) {
                        throw errors.loadFailed(library, source, file, e);
                    }
                    loaded.add(library.name());
                }
            }
        }
    }

    /** The file next to the index that lists it: the same jar, even when another jar has a file of that name. */
    private static URL sourceOf(NativeIndex.Entry library, URL indexUrl, LoadErrors errors) {
        try {
            return new URL(indexUrl, library.file());
        } catch (MalformedURLException e) {
            throw errors.extractionFailed(library, indexUrl + " (" + library.file() + ")", null,
                    "the cache folder", e);
        }
    }

    private Path extract(NativeIndex.Entry library, URL source, LoadErrors errors) {
        NativeCache cache;
        try {
            cache = nativeCache();
        } catch (IOException e) {
            throw errors.extractionFailed(library, source.toString(), null, candidatesText(), e);
        }
        Path target = cache.pathOf(library);
        try {
            return cache.extract(library, source);
        } catch (NativeCache.HashMismatchException e) {
            throw errors.hashMismatch(library, source, target, e);
        } catch (IOException | RuntimeException e) {
            throw errors.extractionFailed(library, source.toString(), target,
                    "the cache folder " + cache.folder(), e);
        }
    }

    /** The cache, its folder chosen at the first extraction. */
    private NativeCache nativeCache() throws IOException {
        if (nativeCache == null) {
            nativeCache = new NativeCache(CacheDirectory.choose(cacheCandidates, privateCacheFolders));
        }
        return nativeCache;
    }

    private String candidatesText() {
        List<String> folders = new ArrayList<String>();
        for (Path folder : cacheCandidates) {
            folders.add(folder.toString());
        }
        return folders.size() > 1 ? "one of the cache folders " + String.join(", ", folders)
                : "the cache folder " + String.join("", folders);
    }

    private static NativeIndex read(URL indexUrl) throws IOException {
        URLConnection connection = indexUrl.openConnection();
        connection.setUseCaches(false);
        try (Reader text = new InputStreamReader(connection.getInputStream(), Charset.forName("UTF-8"))) {
            return NativeIndex.parse(text);
        }
    }
}
