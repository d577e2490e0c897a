package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeMethodScannerTest {

    @TempDir
    Path temp;

    @Test
    void findsNativeMethodsAndConstantsOfTopLevelAndNestedClasses() throws Exception {
        Path classes = temp.resolve("classes");
        Javac.compile(Javac.writeSources(temp, Map.of("p/Lib.java", """
                package p;
                public class Lib extends Thread {
                    static final int LIMIT = 3;
                    static final String NAME = "lib";
                    static final boolean ON = true;
                    final int notStatic = 1;
                    static native int open(String path, java.util.Map.Entry<String, Integer> e);
                    native void close();
                    void plain() { }
                    static class Inner { native long size(Inner other); }
                    void local() { class L { native void l(); } new Object() { native void a(); }; }
                }
                """, "p/NoNatives.java", "package p; class NoNatives { static final int X = 1; }")), classes, null,
                List.of());

        List<NativeClass> found = NativeMethodScanner.scan(classes);

        assertEquals(List.of(
                new NativeClass("p/Lib", "p.Lib", Optional.of("java/lang/Thread"),
                        List.of(new NativeMethod("open", "(Ljava/lang/String;Ljava/util/Map$Entry;)I", true),
                                new NativeMethod("close", "()V", false)),
                        List.of(new ConstantField("LIMIT", "I", 3), new ConstantField("NAME", "Ljava/lang/String;", "lib"),
                                new ConstantField("ON", "Z", 1)),
                        Map.of("p/Lib$Inner", "p.Lib.Inner", "java/util/Map$Entry", "java.util.Map.Entry")),
                new NativeClass("p/Lib$Inner", "p.Lib.Inner", Optional.of("java/lang/Object"),
                        List.of(new NativeMethod("size", "(Lp/Lib$Inner;)J", false)), List.of(),
                        Map.of("p/Lib$Inner", "p.Lib.Inner"))), found);
        assertEquals("p_Lib_Inner.h", found.get(1).headerFileName());
        assertEquals("p.Lib$Inner", found.get(1).flatName());
    }

    @Test
    void skipsModuleInfoAndMultiReleaseFolders() throws Exception {
        Path classes = temp.resolve("classes");
        Javac.compile(Javac.writeSources(temp, Map.of("module-info.java", "module m { }",
                "p/A.java", "package p; public class A { native void a(); }")), classes, null, List.of());
        Path versioned = classes.resolve("META-INF/versions/21/p/A.class");
        Files.createDirectories(versioned.getParent());
        Files.copy(classes.resolve("p/A.class"), versioned);

        assertEquals(List.of("p/A"), NativeMethodScanner.scan(classes).stream().map(NativeClass::binaryName).toList());
    }

    @Test
    void aBrokenClassFileNamesTheFile() throws Exception {
        Path broken = temp.resolve("classes/p/Broken.class");
        Files.createDirectories(broken.getParent());
        Files.write(broken, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});

        ClassFileException e = assertThrows(ClassFileException.class, () -> NativeMethodScanner.scan(temp.resolve("classes")));

        assertEquals(broken + ": the class file is truncated", e.getMessage());
    }

    @Test
    void anAbsentFolderHasNoClasses() throws Exception {
        assertEquals(List.of(), NativeMethodScanner.scan(temp.resolve("missing")));
    }
}
