package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * JNI libraries built with real compilers against our headers only (generated class headers, our jni_md.h, the
 * JDK's jni.h): the C code names its functions by hand, {@code -Wmissing-prototypes -Werror} fails when a header
 * declares another name or type, and the exported symbols must be exactly the header's functions even with
 * {@code -fvisibility=hidden}, which only {@code JNIEXPORT} overrides.
 */
class JniLibraryTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    private static final String HELLO = """
            package dev.crossbuild.examples.hello;

            public class Hello {
                public static final int ANSWER = 42;

                public static native int add(int a, int b);
                public native String greet(String name);
                public static native long sum(int[] values);
                public static native long sum(long[] values);
                public static native int un_der$score();

                public static void load(String path) {
                    System.load(path);
                }
            }
            """;

    private static final String C_SOURCE = """
            #include <stdio.h>
            #include "dev_crossbuild_examples_hello_Hello.h"

            #if dev_crossbuild_examples_hello_Hello_ANSWER != 42
            #error "the constant is missing"
            #endif

            int not_exported(void);
            int not_exported(void) { return 1; }

            JNIEXPORT jint JNICALL Java_dev_crossbuild_examples_hello_Hello_add(JNIEnv *env, jclass cls, jint a, jint b) {
                (void) env; (void) cls;
                return a + b;
            }

            JNIEXPORT jstring JNICALL Java_dev_crossbuild_examples_hello_Hello_greet(JNIEnv *env, jobject self, jstring name) {
                char text[256];
                const char *utf = (*env)->GetStringUTFChars(env, name, NULL);
                (void) self;
                snprintf(text, sizeof text, "Hello, %s", utf);
                (*env)->ReleaseStringUTFChars(env, name, utf);
                return (*env)->NewStringUTF(env, text);
            }

            JNIEXPORT jlong JNICALL Java_dev_crossbuild_examples_hello_Hello_sum___3I(JNIEnv *env, jclass cls, jintArray values) {
                jsize n = (*env)->GetArrayLength(env, values);
                jint *v = (*env)->GetIntArrayElements(env, values, NULL);
                jlong total = 0;
                (void) cls;
                for (jsize i = 0; i < n; i++) total += v[i];
                (*env)->ReleaseIntArrayElements(env, values, v, JNI_ABORT);
                return total;
            }

            JNIEXPORT jlong JNICALL Java_dev_crossbuild_examples_hello_Hello_sum___3J(JNIEnv *env, jclass cls, jlongArray values) {
                jsize n = (*env)->GetArrayLength(env, values);
                jlong *v = (*env)->GetLongArrayElements(env, values, NULL);
                jlong total = 0;
                (void) cls;
                for (jsize i = 0; i < n; i++) total += v[i];
                (*env)->ReleaseLongArrayElements(env, values, v, JNI_ABORT);
                return total * 2;
            }

            JNIEXPORT jint JNICALL Java_dev_crossbuild_examples_hello_Hello_un_1der_00024score(JNIEnv *env, jclass cls) {
                (void) env; (void) cls;
                return 7 + not_exported();
            }
            """;

    private static final Set<String> FUNCTIONS = Set.of(
            "Java_dev_crossbuild_examples_hello_Hello_add",
            "Java_dev_crossbuild_examples_hello_Hello_greet",
            "Java_dev_crossbuild_examples_hello_Hello_sum___3I",
            "Java_dev_crossbuild_examples_hello_Hello_sum___3J",
            "Java_dev_crossbuild_examples_hello_Hello_un_1der_00024score");

    @TempDir
    Path temp;

    private Path classes;
    private Path source;
    private String header;

    @BeforeEach
    void generateHeaders() throws Exception {
        classes = temp.resolve("classes");
        Javac.compile(Javac.writeSources(temp, Map.of("dev/crossbuild/examples/hello/Hello.java", HELLO)), classes,
                null, List.of());
        JniHeaderWriter.write(classes, temp.resolve("jni-headers"));
        header = Files.readString(temp.resolve("jni-headers/dev_crossbuild_examples_hello_Hello.h"));
        source = Files.writeString(temp.resolve("hello.c"), C_SOURCE);
        assertEquals(FUNCTIONS, declaredFunctions(header));
    }

    @Test
    void aarch64LibraryExportsExactlyTheHeadersFunctions() throws Exception {
        Path library = build("aarch64-linux-gnu-gcc", "linux", "libhello.so", List.of("-fPIC"));

        String symbols = Programs.run("aarch64-linux-gnu-nm", List.of("-D", "--defined-only", library.toString()));

        assertEquals(FUNCTIONS, names(symbols, Pattern.compile("(?m)^\\S+ T (Java_\\S+)$")));
        assertEquals(Set.of(), names(symbols, Pattern.compile("(?m) (not_exported)$")));
    }

    @Test
    void windowsDllExportsExactlyTheHeadersFunctions() throws Exception {
        Path library = build("x86_64-w64-mingw32-gcc", "windows", "hello.dll", List.of());

        String dump = Programs.run("x86_64-w64-mingw32-objdump", List.of("-p", library.toString()));

        String exports = dump.substring(dump.indexOf("[Ordinal/Name Pointer] Table"));
        assertEquals(FUNCTIONS, names(exports, Pattern.compile("(?m)^\\s*\\[\\s*\\d+\\] (\\S+)$")));
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void theHostJvmLoadsTheLibraryAndCallsEveryFunction() throws Exception {
        Path library = build("gcc", "linux", "libhello.so", List.of("-fPIC"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Class<?> hello = loader.loadClass("dev.crossbuild.examples.hello.Hello");
            hello.getMethod("load", String.class).invoke(null, library.toString());
            Constructor<?> constructor = hello.getConstructor();
            Method greet = hello.getMethod("greet", String.class);

            assertEquals(42, hello.getMethod("add", int.class, int.class).invoke(null, 40, 2));
            assertEquals("Hello, JNI", greet.invoke(constructor.newInstance(), "JNI"));
            assertEquals(6L, hello.getMethod("sum", int[].class).invoke(null, (Object) new int[] {1, 2, 3}));
            assertEquals(12L, hello.getMethod("sum", long[].class).invoke(null, (Object) new long[] {1, 2, 3}));
            assertEquals(8, hello.getMethod("un_der$score").invoke(null));
        }
    }

    /** Compiles {@link #C_SOURCE} into a shared library with warnings as errors and hidden default visibility. */
    private Path build(String compiler, String system, String fileName, List<String> extra) throws Exception {
        List<Path> includes = new ArrayList<>();
        includes.add(temp.resolve("jni-headers"));
        includes.addAll(JniIncludes.prepare(JAVA_HOME, system, temp.resolve("jni-md-" + system)));
        Path library = temp.resolve(compiler).resolve(fileName);
        Files.createDirectories(library.getParent());
        List<String> args = new ArrayList<>(List.of("-std=c11", "-Wall", "-Wextra", "-Werror", "-Wmissing-prototypes",
                "-fvisibility=hidden", "-shared"));
        args.addAll(extra);
        includes.forEach(i -> args.add("-I" + i));
        args.addAll(List.of(source.toString(), "-o", library.toString()));
        Programs.run(compiler, args);
        return library;
    }

    private static Set<String> declaredFunctions(String header) {
        return names(header, Pattern.compile("(?m)^JNIEXPORT \\S+ JNICALL (\\S+)$"));
    }

    private static Set<String> names(String text, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
