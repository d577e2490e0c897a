package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JNI library: headers generated from classes compiled here, compiled against our jni_md.h and the JDK's jni.h. */
class NativeCompilerJniTest {

    private static final String HELLO = "package demo;\npublic class Hello {\n"
            + "    static native int add(int a, int b);\n    native String greet(String who);\n}\n";
    private static final String HELLO_C = "#include \"demo_Hello.h\"\n"
            + "JNIEXPORT jint JNICALL Java_demo_Hello_add(JNIEnv *env, jclass cls, jint a, jint b) { return a + b; }\n"
            + "JNIEXPORT jstring JNICALL Java_demo_Hello_greet(JNIEnv *env, jobject self, jstring who) { return who; }\n";

    @TempDir
    Path project;

    private final RecordingListener listener = new RecordingListener();

    private void javac(String source) throws IOException {
        Path file = project.resolve("src/main/java/demo/Hello.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, "-d", project.resolve("target/classes").toString(),
                "-proc:none", file.toString());
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));
    }

    private NativeTarget jniLibrary() throws IOException {
        Path c = project.resolve("src/main/c/hello.c");
        Files.createDirectories(c.getParent());
        Files.writeString(c, HELLO_C);
        return NativeTarget.builder("hello", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(project.resolve("src/main/c"))).compilerArgs(List.of("-Wall", "-Werror"))
                .jni(true).build();
    }

    private JniInputs jni(Path javaHome) {
        return new JniInputs(project.resolve("target/classes"), List.of(), javaHome,
                project.resolve("target/generated-sources/cross-jni"));
    }

    private CompileResult compile(BuildLayout layout, SetupState setup, NativeTarget target, Optional<JniInputs> jni)
            throws Exception {
        listener.clear();
        return new NativeCompiler(ProcessRunner.system(), listener).compile(new CompileRequest(layout, setup,
                List.of(target), List.of(), jni, 2, project));
    }

    @Test
    void aarch64JniLibraryCompilesAgainstGeneratedHeadersAndRecompilesWhenTheClassChanges() throws Exception {
        javac(HELLO);
        BuildLayout layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
        Path javaHome = Path.of(System.getProperty("java.home"));
        NativeTarget target = jniLibrary();

        assertEquals(new CompileResult(1, 1, 0), compile(layout, RealToolchains.aarch64(), target, Optional.of(jni(javaHome))));

        Path headers = project.resolve("target/generated-sources/cross-jni");
        assertTrue(Files.readString(headers.resolve("demo_Hello.h")).contains("Java_demo_Hello_add"));
        assertTrue(Files.readString(layout.jniInclude().resolve("jni_md.h")).contains("JNIEXPORT"));
        String database = Files.readString(layout.compileCommands());
        int generated = database.indexOf("\"-I" + headers + "\"");
        int md = database.indexOf("\"-I" + layout.jniInclude() + "\"");
        int jdk = database.indexOf("\"-I" + javaHome.resolve("include") + "\"");
        assertTrue(generated > 0 && generated < md && md < jdk, database);
        assertTrue(!database.contains("include/linux"), "the build JDK's own jni_md.h folder is never used");
        byte[] elf = Files.readAllBytes(layout.objects(target).resolve("hello.c.o"));
        assertEquals(183, (elf[18] & 0xff) | (elf[19] & 0xff) << 8);

        assertEquals(new CompileResult(1, 0, 1), compile(layout, RealToolchains.aarch64(), target, Optional.of(jni(javaHome))));

        javac(HELLO.replace("}\n", "    native void extra();\n}\n")); // a new native method: the header changes
        assertEquals(new CompileResult(1, 1, 0), compile(layout, RealToolchains.aarch64(), target, Optional.of(jni(javaHome))));
    }

    @Test
    void windowsJniLibraryUsesTheWindowsJniMdHeader() throws Exception {
        javac(HELLO);
        BuildLayout layout = new BuildLayout(project.resolve("target/cross/windows-x86_64"));
        NativeTarget target = jniLibrary();

        compile(layout, RealToolchains.mingw(), target, Optional.of(jni(Path.of(System.getProperty("java.home")))));

        assertTrue(Files.readString(layout.jniInclude().resolve("jni_md.h")).contains("__declspec(dllexport)"));
        byte[] coff = Files.readAllBytes(layout.objects(target).resolve("hello.c.o"));
        assertEquals(0x8664, (coff[0] & 0xff) | (coff[1] & 0xff) << 8);
    }

    @Test
    void aJdkWithoutHeadersFailsTheCompileWithTheJniReason() throws Exception {
        javac(HELLO);
        BuildLayout layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));

        CompileException e = assertThrows(CompileException.class, () -> compile(layout, RealToolchains.aarch64(),
                jniLibrary(), Optional.of(jni(project.resolve("no-jdk")))));

        assertTrue(e.getMessage().startsWith("library 'hello' is a JNI library, but its JNI headers cannot be "
                + "prepared: "), e.getMessage());
        assertTrue(e.getMessage().contains(project.resolve("no-jdk").toString()), e.getMessage());
    }

    @Test
    void aJniTargetWithoutJniInputsIsACallerError() throws Exception {
        BuildLayout layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compile(layout, RealToolchains.aarch64(), jniLibrary(), Optional.empty()));
        assertEquals("target 'hello' is a JNI library, but the compile request has no JNI inputs", e.getMessage());
    }
}
