package dev.crossbuild.runtime;

/**
 * Loads the native libraries the cross plugin built and put into the application's jars, for the platform this JVM
 * runs on.
 *
 * <pre>
 * static {
 *     NativeLoader.load("demo"); // the &lt;library&gt;&lt;name&gt;demo&lt;/name&gt; of the POM
 * }
 * </pre>
 *
 * <p>{@link #load(String)} finds {@code META-INF/native/<classifier>/index.tsv} through a class loader (the format
 * is described in {@link NativeIndex}), extracts the library and the libraries it needs into a cache folder keyed by
 * their SHA-256, verifying each, and loads them with {@link System#load} in dependency order. Loading a name again
 * does nothing; it is safe from any number of threads and JVMs sharing the cache at once.
 *
 * <p>As with any {@code System.load}, the library's JNI methods bind to classes of the class loader that loaded
 * <em>this</em> class, not of the class loader the natives are read through. NativeLoader must therefore be loaded
 * by the same class loader as the classes that declare the native methods: the normal case, when both are on the
 * class path (or both in the same plugin or web application). A library can be loaded by one class loader per JVM.
 *
 * <p>Java 24 and later warn about {@code System.load} unless native access is enabled for the module that calls it,
 * which is this class's: {@code --enable-native-access=ALL-UNNAMED} on the class path (or
 * {@code Enable-Native-Access: ALL-UNNAMED} in an executable jar's manifest), or
 * {@code --enable-native-access=dev.crossbuild.runtime} on the module path.
 *
 * <p>System properties, read at first use:
 * <ul>
 * <li>{@code cross.runtime.classifier}: the classifier to load instead of the detected one ({@link #classifier()});
 * </li>
 * <li>{@code cross.runtime.cacheDir}: the cache folder; by default the user cache folder
 *     ({@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux and the BSDs, {@code ~/Library/Caches} on macOS,
 *     {@code %LOCALAPPDATA%} on Windows) + {@code /cross-runtime}, else {@code java.io.tmpdir} +
 *     {@code /cross-runtime-<user.name>}.</li>
 * </ul>
 *
 * <p>Every failure is an {@link UnsatisfiedLinkError} whose message names the classifier and whether it was
 * detected, the classifiers the class path's jars hold, the file tried and the reason; the original error is its
 * cause.
 */
public final class NativeLoader {

    private NativeLoader() {
    }

    /** Created at first use: reading the properties and {@code /proc/self/maps} costs only who loads natives. */
    private static final class Instance {
        static final LibraryLoader LOADER = LibraryLoader.forThisJvm();
    }

    /**
     * Loads a library, and the libraries it needs first, through the class loader of the calling class.
     *
     * @param name the library's name in the POM ({@code demo} for {@code libdemo.so} / {@code demo.dll})
     * @throws UnsatisfiedLinkError when it cannot be found, extracted or loaded
     */
    public static void load(String name) {
        load(name, CallerClassLoader.find());
    }

    /**
     * Loads a library, and the libraries it needs first, reading the natives through the given class loader.
     *
     * @param name the library's name in the POM ({@code demo} for {@code libdemo.so} / {@code demo.dll})
     * @param loader the class loader whose resources hold {@code META-INF/native/}
     * @throws UnsatisfiedLinkError when it cannot be found, extracted or loaded
     */
    public static void load(String name, ClassLoader loader) {
        if (name == null || loader == null) {
            throw new NullPointerException(name == null ? "name" : "loader");
        }
        Instance.LOADER.load(name, loader);
    }

    /**
     * The classifier whose natives this JVM loads: the system property {@code cross.runtime.classifier}, else the
     * running platform's, named as the cross plugin names its outputs ({@code <os>-<arch>} as os-maven-plugin:
     * {@code linux-x86_64}, {@code linux-aarch_64}, {@code windows-x86_64}, {@code osx-aarch_64}), with
     * {@code -musl} on Linux with musl libc ({@code linux-x86_64-musl}).
     */
    public static String classifier() {
        return Instance.LOADER.classifier();
    }
}
