package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our headers against the ones {@code javac -h} writes for the same classes, byte for byte. */
class JniHeaderWriterTest {

    @TempDir
    Path temp;

    @Test
    void headersMatchJavacByteForByte() throws Exception {
        Path classes = temp.resolve("classes");
        Path javacHeaders = temp.resolve("javac-h");
        Javac.compile(Javac.writeSources(temp, JavacSamples.sources()), classes, javacHeaders, List.of());

        GeneratedHeaders ours = JniHeaderWriter.generate(classes);

        Map<String, String> expected = Javac.files(javacHeaders);
        assertEquals(expected.keySet(), ours.files().keySet());
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name), ours.files().get(name), name);
        }
        assertEquals(List.of(), ours.warnings());
    }

    @Test
    void theSamplesCoverWhatTheyClaim() throws Exception {
        Path classes = temp.resolve("classes");
        Path javacHeaders = temp.resolve("javac-h");
        Javac.compile(Javac.writeSources(temp, JavacSamples.sources()), classes, javacHeaders, List.of());

        Map<String, String> javac = Javac.files(javacHeaders);
        assertEquals(List.of("Plain.h", "dev_crossbuild_examples_hello_Derived.h",
                "dev_crossbuild_examples_hello_Dollar_Name.h", "dev_crossbuild_examples_hello_Hello.h",
                "dev_crossbuild_examples_hello_Hello_Inner.h", "dev_crossbuild_examples_hello_Hello_Inner_Deep.h",
                "dev_crossbuild_examples_hello_Kind.h", "dev_crossbuild_examples_hello_Middle.h",
"dev_crossbuild_examples_hello_Worker.h",
                "dev_crossbuild_examples_hello_\u00dcn\u00efcode.h"), List.copyOf(javac.keySet()));
        String hello = javac.get("dev_crossbuild_examples_hello_Hello.h");
        for (String line : List.of(
                "#define dev_crossbuild_examples_hello_Hello_MAX 10L\n",
                "#define dev_crossbuild_examples_hello_Hello_SMALL -9223372036854775808LL\n",
                "#define dev_crossbuild_examples_hello_Hello_F_POS Inff\n",
                "#define dev_crossbuild_examples_hello_Hello_D_NEG -InfD\n",
                "#define dev_crossbuild_examples_hello_Hello_HIGH 65535L\n",
                "#define dev_crossbuild_examples_hello_Hello_gr_000fc_000df 5L\n",
                "JNIEXPORT jint JNICALL Java_dev_crossbuild_examples_hello_Hello_add\n  (JNIEnv *, jclass, jint, jint);\n",
                "JNIEXPORT jlong JNICALL Java_dev_crossbuild_examples_hello_Hello_sum___3J\n",
                "Java_dev_crossbuild_examples_hello_Hello_sum__Ldev_crossbuild_examples_hello_Hello_00024Inner_2",
                " * Signature: (Ldev/crossbuild/examples/hello/Hello/Inner;Ljava/lang/String;[[ILjava/util/Map/Entry;",
                "JNICALL Java_dev_crossbuild_examples_hello_Hello_single\n",
                "JNICALL Java_dev_crossbuild_examples_hello_Hello_with_1underscore\n",
                "JNICALL Java_dev_crossbuild_examples_hello_Hello_dollar_00024sign\n",
                " * Method:    dollar_00024sign\n",
                "JNICALL Java_dev_crossbuild_examples_hello_Hello_deseret_0d801_0dc00\n",
                "JNIEXPORT jthrowable JNICALL Java_dev_crossbuild_examples_hello_Hello_custom\n",
                "JNIEXPORT jclass JNICALL Java_dev_crossbuild_examples_hello_Hello_type\n")) {
            assertTrue(hello.contains(line), line);
        }
        assertFalse(hello.contains("_NAME"), "String constants get no #define");
        assertFalse(hello.contains("instanceConstant") || hello.contains("notFinal") || hello.contains("BOXED"));
        assertTrue(javac.get("dev_crossbuild_examples_hello_Worker.h").contains("_Worker_NORM_PRIORITY 5L\n"));
        assertFalse(javac.get("dev_crossbuild_examples_hello_Worker.h").contains("CONSTANT"));
        assertTrue(javac.get("dev_crossbuild_examples_hello_Dollar_Name.h").contains("_Included_dev_crossbuild_examples_hello_Dollar__Name\n"));
        assertTrue(javac.get("dev_crossbuild_examples_hello_\u00dcn\u00efcode.h").contains(
                " * Signature: (Ldev/crossbuild/examples/hello/\u00dcn\u00efcode;Ldev/crossbuild/examples/hello/Hello/Inner;)"));
    }

    @Test
    void exceptionsAndInheritedConstantsFromTheClassPathNeedTheClassPath() throws Exception {
        Path library = temp.resolve("lib");
        Javac.compile(Javac.writeSources(library, Map.of(
                "lib/LibException.java", "package lib; public class LibException extends RuntimeException {}",
                "lib/LibBase.java", "package lib; public class LibBase { public static final int LIB = 7; }")),
                library.resolve("classes"), null, List.of());
        Path jar = jar(library.resolve("classes"), temp.resolve("lib.jar"));
        Path app = temp.resolve("app");
        Javac.compile(Javac.writeSources(app, Map.of("app/App.java", """
                package app;
                public class App extends lib.LibBase {
                    native lib.LibException fail(lib.LibException e);
                }
                """)), app.resolve("classes"), app.resolve("javac-h"), List.of("-cp", jar.toString()));
        String expected = Javac.files(app.resolve("javac-h")).get("app_App.h");

        GeneratedHeaders withClassPath = JniHeaderWriter.generate(app.resolve("classes"), List.of(jar));
        assertEquals(expected, withClassPath.files().get("app_App.h"));
        assertEquals(List.of(), withClassPath.warnings());

        GeneratedHeaders without = JniHeaderWriter.generate(app.resolve("classes"));
        assertEquals(expected.replace("jthrowable", "jobject").replace("#undef app_App_LIB\n#define app_App_LIB 7L\n", ""),
                without.files().get("app_App.h"));
        assertEquals(List.of(
                "Superclass lib.LibBase of app.App is not in the classes folder, on the class path or in the JDK; the"
                        + " header lacks the constants it may inherit from there.",
                "Class lib.LibException (used by the native methods of app.App) is not in the classes folder, on the"
                        + " class path or in the JDK; its JNI type is taken as jobject (javac -h writes jthrowable for"
                        + " exceptions)."), without.warnings());
    }

    @Test
    void classesThatNeedTheSameHeaderAreAnError() throws Exception {
        Path classes = temp.resolve("classes");
        Javac.compile(Javac.writeSources(temp, Map.of(
                "p/A_B.java", "package p; public class A_B { native void x(); }",
                "p/A.java", "package p; public class A { static class B { native void y(); } }")), classes, null, List.of());

        HeaderCollisionException e = assertThrows(HeaderCollisionException.class, () -> JniHeaderWriter.generate(classes));

        assertEquals("Classes p.A$B and p.A_B both need the JNI header p_A_B.h (javac -h fails on them too). Rename one"
                + " of them.", e.getMessage());
    }

    @Test
    void writesOnlyChangedHeadersAndRemovesTheOnesItNoLongerGenerates() throws Exception {
        Path classes = temp.resolve("classes");
        Path out = temp.resolve("generated-sources/cross-jni");
        compileInto(classes, Map.of("a/One.java", "package a; public class One { native void one(); }",
                "a/Two.java", "package a; public class Two { native void two(); }"));

        JniHeaderResult first = JniHeaderWriter.write(classes, out);
        assertEquals(List.of(out.resolve("a_One.h"), out.resolve("a_Two.h")), first.written());
        assertEquals("a_One.h\na_Two.h\n", Files.readString(out.resolve(JniHeaderWriter.INDEX)));
        Files.writeString(out.resolve("mine.h"), "/* written by the user */\n");

        JniHeaderResult second = JniHeaderWriter.write(classes, out);
        assertEquals(List.of(), second.written());
        assertEquals(List.of(out.resolve("a_One.h"), out.resolve("a_Two.h")), second.unchanged());

        compileInto(classes, Map.of("a/One.java", "package a; public class One { native int one(long x); }",
                "a/Two.java", "package a; public class Two { void two() {} }"));
        JniHeaderResult third = JniHeaderWriter.write(classes, out);
        assertEquals(List.of(out.resolve("a_One.h")), third.written());
        assertEquals(List.of(out.resolve("a_Two.h")), third.removed());
        assertTrue(Files.readString(out.resolve("a_One.h")).contains("JNIEXPORT jint JNICALL Java_a_One_one\n  (JNIEnv *, jobject, jlong);"));
        assertFalse(Files.exists(out.resolve("a_Two.h")));
        assertTrue(Files.exists(out.resolve("mine.h")), "files we did not generate stay");
        assertEquals("a_One.h\n", Files.readString(out.resolve(JniHeaderWriter.INDEX)));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(".cross-jni-headers", "a_One.h", "mine.h"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void aDamagedIndexNeverDeletesOutsideTheOutputFolder() throws Exception {
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Path outside = Files.writeString(temp.resolve("precious.h"), "keep\n");
        Files.writeString(out.resolve(JniHeaderWriter.INDEX), "../precious.h\n" + outside + "\n");

        JniHeaderResult result = JniHeaderWriter.write(temp.resolve("no-classes"), out);

        assertEquals(List.of(), result.removed());
        assertTrue(Files.exists(outside));
        assertFalse(Files.exists(out.resolve(JniHeaderWriter.INDEX)));
    }

    @Test
    void aMissingClassesFolderHasNoHeaders() throws Exception {
        JniHeaderResult result = JniHeaderWriter.write(temp.resolve("target/classes"), temp.resolve("out"));

        assertEquals(new JniHeaderResult(List.of(), List.of(), List.of(), List.of()), result);
        assertFalse(Files.exists(temp.resolve("out")));
    }

    private void compileInto(Path classes, Map<String, String> sources) throws IOException {
        Path root = Files.createTempDirectory(temp, "src");
        Javac.compile(Javac.writeSources(root, sources), classes, null, List.of());
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }
}
