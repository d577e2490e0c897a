package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerClassLoaderTest {

    @TempDir
    Path temp;

    @Test
    void stackWalkerFindsTheCaller() {
        assertEquals(CallerClassLoaderTest.class, CallerClassLoader.fromStackWalker());
    }

    @Test
    void classContextFindsTheCaller() {
        // The Java 8 way, which works on later JDKs too as long as SecurityManager exists.
        assertEquals(CallerClassLoaderTest.class, CallerClassLoader.fromClassContext());
    }

    @Test
    void findGivesTheCallersLoader() {
        assertSame(CallerClassLoaderTest.class.getClassLoader(), CallerClassLoader.find());
    }

    /**
     * {@link LoadCaller}, defined by a class loader of its own whose resources hold only a {@code classifiers.txt},
     * calls {@code NativeLoader.load(name)}: the error lists that file's classifier, so the natives were looked for
     * through the caller's loader, not through NativeLoader's.
     */
    @Test
    void loadReadsThroughTheCallersLoader() throws Exception {
        ClassPathRoot root = new ClassPathRoot(temp).classifiers("only-in-the-callers-loader");
        try (CallerLoader callers = new CallerLoader(root.root.toUri().toURL())) {
            Class<?> caller = callers.loadClass(LoadCaller.class.getName());
            assertSame(callers, caller.getClassLoader());
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> caller.getMethod("load", String.class).invoke(null, "nothing"));
            assertTrue(e.getCause() instanceof UnsatisfiedLinkError, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains(
                    "\n  natives on the class path: only-in-the-callers-loader\n"), e.getCause().getMessage());
        }
    }

    /** Defines {@link LoadCaller} itself; everything else comes from the test's class loader. */
    private static final class CallerLoader extends URLClassLoader {
        CallerLoader(URL root) {
            super(new URL[] {root}, CallerClassLoaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(LoadCaller.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = classBytes(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private static byte[] classBytes(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = CallerClassLoaderTest.class.getClassLoader().getResourceAsStream(resource)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes.write(buffer, 0, n);
                }
                return bytes.toByteArray();
            } catch (IOException | NullPointerException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
