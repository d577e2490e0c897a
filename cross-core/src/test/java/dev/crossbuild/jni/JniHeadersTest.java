package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JniHeadersTest {

    @Test
    void unixLikeSystemsShareTheVisibilityHeader() {
        String linux = JniHeaders.mdHeader("linux").orElseThrow();
        for (String system : new String[] {"android", "darwin", "freebsd", "openbsd", "netbsd"}) {
            assertEquals(linux, JniHeaders.mdHeader(system).orElseThrow(), system);
        }
        assertTrue(linux.contains("#define JNIEXPORT __attribute__((visibility(\"default\")))\n"));
        assertTrue(linux.contains("#define JNICALL\n"));
        assertTrue(linux.contains("typedef int jint;\n"));
        assertTrue(linux.contains("#ifdef _LP64\ntypedef long jlong;\n#else\ntypedef long long jlong;\n#endif\n"));
        assertTrue(linux.contains("typedef signed char jbyte;\n"));
    }

    @Test
    void windowsHeaderExportsWithDeclspecAndUsesStdcall() {
        String windows = JniHeaders.mdHeader("windows").orElseThrow();

        assertNotEquals(JniHeaders.mdHeader("linux"), Optional.of(windows));
        assertTrue(windows.contains("#define JNIEXPORT __declspec(dllexport)\n"));
        assertTrue(windows.contains("#define JNIIMPORT __declspec(dllimport)\n"));
        assertTrue(windows.contains("#define JNICALL __stdcall\n"));
        assertTrue(windows.contains("typedef long jint;\ntypedef __int64 jlong;\ntypedef signed char jbyte;\n"));
    }

    @Test
    void bareMetalHasNoHeaderAndSaysWhy() {
        assertEquals(Optional.empty(), JniHeaders.mdHeader("none"));
        assertEquals(Optional.of("a bare-metal target has no Java runtime to load a JNI library"),
                JniHeaders.noJniReason("none"));
        assertEquals(Optional.empty(), JniHeaders.noJniReason("linux"));
    }

    @Test
    void requiringAHeaderForASystemWithoutJniNamesTheSystemAndTheRemedy() {
        NoJniException e = assertThrows(NoJniException.class, () -> JniHeaders.requireMdHeader("emscripten"));

        assertEquals("emscripten", e.system());
        assertEquals("Cannot compile JNI code for host system 'emscripten': WebAssembly has no Java runtime that"
                + " loads JNI libraries. Turn JNI off for this library, or build for a system with a Java runtime"
                + " (linux, windows, android, darwin, freebsd, netbsd, openbsd, dragonfly, sunos, aix, haiku, gnu).",
                e.getMessage());
    }

    @Test
    void cygwinIsSentToTheWindowsSystem() {
        assertEquals(Optional.of("a Windows JVM loads native Windows DLLs, not Cygwin ones; use system = 'windows'"
                + " (mingw-w64) in the cross file"), JniHeaders.noJniReason("cygwin"));
    }
}
