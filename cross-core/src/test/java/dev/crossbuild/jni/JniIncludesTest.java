package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class JniIncludesTest {

    /** The JDK running the tests: a full JDK, since it compiles them. */
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    /** Fails to compile unless the JNI types have the JNI sizes and exactly the JDK's C types. */
    private static final String TYPE_CHECK = String.join("\n",
            "#include <jni.h>",
            "_Static_assert(sizeof(jint) == 4, \"jint is 32 bits\");",
            "_Static_assert(sizeof(jlong) == 8, \"jlong is 64 bits\");",
            "_Static_assert(sizeof(jbyte) == 1, \"jbyte is 8 bits\");",
            "_Static_assert((jbyte) -1 < 0, \"jbyte is signed\");",
            "_Static_assert(_Generic((jint) 0, EXPECTED_JINT: 1, default: 0), \"jint has the JDK's C type\");",
            "_Static_assert(_Generic((jlong) 0, EXPECTED_JLONG: 1, default: 0), \"jlong has the JDK's C type\");",
            "JNIEXPORT jint JNICALL Java_demo_Demo_add(JNIEnv *env, jclass cls, jint a, jint b);",
            "JNIEXPORT jint JNICALL Java_demo_Demo_add(JNIEnv *env, jclass cls, jint a, jint b) {",
            "    (void) env; (void) cls; return a + b;",
            "}",
            "");

    @TempDir
    Path temp;

    @Test
    void includeDirectoriesAreOurHeaderFolderThenTheJdkIncludeFolder() throws Exception {
        Path out = temp.resolve("jni-include");

        List<Path> dirs = JniIncludes.prepare(JAVA_HOME, "linux", out);

        assertEquals(List.of(out, JAVA_HOME.resolve("include")), dirs);
        assertEquals(JniHeaders.mdHeader("linux").orElseThrow(), Files.readString(out.resolve("jni_md.h")));
        assertFalse(dirs.stream().anyMatch(d -> d.endsWith("linux") || d.endsWith("win32")), dirs.toString());
    }

    @Test
    void anUnchangedHeaderIsNotRewrittenSoObjectsStayUpToDate() throws Exception {
        Path out = temp.resolve("jni-include");
        JniIncludes.prepare(JAVA_HOME, "windows", out);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("jni_md.h"), old);

        JniIncludes.prepare(JAVA_HOME, "windows", out);
        assertEquals(old, Files.getLastModifiedTime(out.resolve("jni_md.h")));

        JniIncludes.prepare(JAVA_HOME, "linux", out);
        assertEquals(JniHeaders.mdHeader("linux").orElseThrow(), Files.readString(out.resolve("jni_md.h")));
    }

    @Test
    void aJreWithoutJniHeaderIsAnErrorWithTheRemedy() throws IOException {
        Path jre = Files.createDirectories(temp.resolve("jre17"));

        JdkHeadersNotFoundException e = assertThrows(JdkHeadersNotFoundException.class,
                () -> JniIncludes.prepare(jre, "linux", temp.resolve("out")));

        assertEquals(jre.resolve("include/jni.h"), e.expected());
        assertEquals("Cannot compile JNI code: " + jre.resolve("include/jni.h") + " does not exist, so the Java"
                + " installation at " + jre + " is not a full JDK. Run Maven with a JDK, not a JRE, or set JAVA_HOME"
                + " to a JDK (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless).", e.getMessage());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void aJava8JreFolderFindsTheHeadersOfItsJdk() throws Exception {
        Path jdk = temp.resolve("jdk8");
        Files.createDirectories(jdk.resolve("include"));
        Files.writeString(jdk.resolve("include/jni.h"), "/* jni */\n");
        Files.createDirectories(jdk.resolve("jre"));

        assertEquals(List.of(temp.resolve("o"), jdk.resolve("include")),
                JniIncludes.prepare(jdk.resolve("jre"), "linux", temp.resolve("o")));
    }

    @Test
    void aSystemWithoutJniWritesNothing() {
        assertThrows(NoJniException.class, () -> JniIncludes.prepare(JAVA_HOME, "none", temp.resolve("o")));
        assertFalse(Files.exists(temp.resolve("o")));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void hostGccCompilesJniCodeWithOurLinuxHeader() throws Exception {
        compile("gcc", "linux", "long", List.of());
    }

    @Test
    void aarch64CrossGccCompilesJniCodeWithOurLinuxHeader() throws Exception {
        compile("aarch64-linux-gnu-gcc", "linux", "long", List.of());
    }

    @Test
    void armhfCrossGccSeesA64BitLongLongJlong() throws Exception {
        compile("arm-linux-gnueabihf-gcc", "linux", "long long", List.of());
    }

    @Test
    void mingwCompilesJniCodeWithOurWindowsHeader() throws Exception {
        compile("x86_64-w64-mingw32-gcc", "windows", "long long", List.of());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void ourLinuxHeaderWorksInCxxToo() throws Exception {
        Path dir = temp.resolve("cxx");
        List<Path> includes = JniIncludes.prepare(JAVA_HOME, "linux", dir.resolve("include"));
        Path source = dir.resolve("check.cpp");
        Files.writeString(source, String.join("\n",
                "#include <jni.h>",
                "#include <type_traits>",
                "static_assert(std::is_same<jint, int>::value, \"jint is int\");",
                "static_assert(std::is_same<jlong, long>::value, \"jlong is long on LP64\");",
                "static_assert(std::is_same<jbyte, signed char>::value, \"jbyte is signed char\");",
                "extern \"C\" JNIEXPORT jlong JNICALL Java_demo_Demo_twice(JNIEnv *, jclass, jlong v) { return 2 * v; }",
                ""));
        List<String> args = new ArrayList<>(List.of("-std=c++11", "-Wall", "-Wextra", "-Werror", "-c"));
        includes.forEach(i -> args.add("-I" + i));
        args.addAll(List.of(source.toString(), "-o", dir.resolve("check.o").toString()));
        Programs.run("g++", args);
        assertTrue(Files.size(dir.resolve("check.o")) > 0);
    }

    /** Compiles {@link #TYPE_CHECK} with warnings as errors; jint must be the JDK's type on both systems. */
    private void compile(String compiler, String system, String expectedJlong, List<String> extra) throws Exception {
        Path dir = temp.resolve(compiler);
        List<Path> includes = JniIncludes.prepare(JAVA_HOME, system, dir.resolve("include"));
        Path source = dir.resolve("check.c");
        Files.writeString(source, TYPE_CHECK);
        List<String> args = new ArrayList<>(List.of("-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-DEXPECTED_JINT=" + ("windows".equals(system) ? "long" : "int"), "-DEXPECTED_JLONG=" + expectedJlong,
                "-c"));
        includes.forEach(i -> args.add("-I" + i));
        args.addAll(extra);
        args.addAll(List.of(source.toString(), "-o", dir.resolve("check.o").toString()));
        Programs.run(compiler, args);
        assertTrue(Files.size(dir.resolve("check.o")) > 0);
    }
}
