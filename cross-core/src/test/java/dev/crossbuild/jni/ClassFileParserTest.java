package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileParserTest {

    @TempDir
    Path temp;

    /**
     * A Java 21 (major 65) class file, written by hand so that its constant pool holds every tag there is, including
     * Dynamic, Module and Package, which javac does not put into ordinary classes.
     */
    static byte[] everyTagClassFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(65);
        out.writeShort(38); // constant pool count
        utf8(out, "t/AllTags");                         // 1
        out.writeByte(7); out.writeShort(1);            // 2 Class
        utf8(out, "java/lang/Object");                  // 3
        out.writeByte(7); out.writeShort(3);            // 4 Class
        out.writeByte(3); out.writeInt(-42);            // 5 Integer
        out.writeByte(4); out.writeFloat(1.5f);         // 6 Float
        out.writeByte(5); out.writeLong(1L << 40);      // 7-8 Long
        out.writeByte(6); out.writeDouble(2.5);         // 9-10 Double
        out.writeByte(8); out.writeShort(12);           // 11 String
        utf8(out, "t\u00e9xt \uD801\uDC00 \0");         // 12 (modified UTF-8: NUL and a surrogate pair)
        utf8(out, "f");                                 // 13
        utf8(out, "I");                                 // 14
        out.writeByte(12); out.writeShort(13); out.writeShort(14); // 15 NameAndType
        out.writeByte(9); out.writeShort(2); out.writeShort(15);   // 16 Fieldref
        utf8(out, "m");                                 // 17
        utf8(out, "()V");                               // 18
        out.writeByte(12); out.writeShort(17); out.writeShort(18); // 19 NameAndType
        out.writeByte(10); out.writeShort(2); out.writeShort(19);  // 20 Methodref
        out.writeByte(11); out.writeShort(2); out.writeShort(19);  // 21 InterfaceMethodref
        out.writeByte(15); out.writeByte(6); out.writeShort(20);   // 22 MethodHandle
        out.writeByte(16); out.writeShort(18);                     // 23 MethodType
        out.writeByte(17); out.writeShort(0); out.writeShort(15);  // 24 Dynamic
        out.writeByte(18); out.writeShort(0); out.writeShort(19);  // 25 InvokeDynamic
        utf8(out, "mod");                               // 26
        out.writeByte(19); out.writeShort(26);          // 27 Module
        utf8(out, "t");                                 // 28
        out.writeByte(20); out.writeShort(28);          // 29 Package
        utf8(out, "ConstantValue");                     // 30
        utf8(out, "Code");                              // 31
        utf8(out, "J");                                 // 32
        utf8(out, "big");                               // 33
        utf8(out, "nat");                               // 34
        utf8(out, "(JLjava/lang/String;)I");            // 35
        utf8(out, "Ljava/lang/String;");                // 36
        utf8(out, "s");                                 // 37
        out.writeShort(0x0021);                         // public super
        out.writeShort(2);
        out.writeShort(4);
        out.writeShort(0);                              // interfaces
        out.writeShort(4);                              // fields
        field(out, 0x0018, 13, 14, 5);                  // static final int f = -42
        field(out, 0x0018, 33, 32, 7);                  // static final long big
        field(out, 0x0018, 37, 36, 11);                 // static final String s
        field(out, 0x0010, 13, 14, 5);                  // final (not static) int f: not a constant for JNI
        out.writeShort(2);                              // methods
        out.writeShort(0x0109); out.writeShort(34); out.writeShort(35); // public static native nat
        out.writeShort(0);
        out.writeShort(0x0001); out.writeShort(17); out.writeShort(18); // public m()V with a Code attribute
        out.writeShort(1);
        out.writeShort(31); out.writeInt(3); out.write(new byte[] {1, 2, 3});
        out.writeShort(1);                              // class attributes: an unknown one, skipped
        out.writeShort(31); out.writeInt(2); out.writeShort(0);
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream out, String text) throws IOException {
        out.writeByte(1);
        out.writeUTF(text);
    }

    private static void field(DataOutputStream out, int access, int name, int descriptor, int constant) throws IOException {
        out.writeShort(access);
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(30);
        out.writeInt(2);
        out.writeShort(constant);
    }

    @Test
    void readsEveryConstantPoolTagUpToJava21() throws Exception {
        ClassFile file = ClassFileParser.parse("AllTags.class", everyTagClassFile());

        assertEquals("t/AllTags", file.name());
        assertEquals(Optional.of("java/lang/Object"), file.superName());
        assertEquals(List.of(new ClassFile.Method(0x0109, "nat", "(JLjava/lang/String;)I"),
                new ClassFile.Method(0x0001, "m", "()V")), file.methods());
        assertEquals(List.of("f", "big", "s"), file.constants().stream().map(ClassFile.Field::name).toList());
        assertEquals(List.of(-42, 1L << 40, "t\u00e9xt \uD801\uDC00 \0"),
                file.constants().stream().map(f -> f.constant().orElseThrow()).toList());
        assertFalse(file.isLocal());
    }

    @Test
    void aClassWithTheHandWrittenFileBecomesANativeClass() throws Exception {
        NativeClass c = NativeMethodScanner.nativeClass(ClassFileParser.parse("AllTags.class", everyTagClassFile()));

        assertEquals(new NativeClass("t/AllTags", "t.AllTags", Optional.of("java/lang/Object"),
                List.of(new NativeMethod("nat", "(JLjava/lang/String;)I", true)),
                List.of(new ConstantField("f", "I", -42), new ConstantField("big", "J", 1L << 40),
                        new ConstantField("s", "Ljava/lang/String;", "t\u00e9xt \uD801\uDC00 \0")),
                Map.of()), c);
        assertEquals("t_AllTags.h", c.headerFileName());
    }

    @Test
    void readsEveryClassOfTheJdksBaseModule() throws IOException, ClassFileException {
        int count = 0;
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassFile parsed = ClassFileParser.parse(file.toString(), Files.readAllBytes(file));
                assertFalse(parsed.name().isEmpty());
                count++;
            }
        }
        assertTrue(count > 5000, count + " classes");
        ClassFile thread = ClassFileParser.parse("Thread.class",
                Files.readAllBytes(jrt.getPath("/modules/java.base/java/lang/Thread.class")));
        assertEquals(List.of("MIN_PRIORITY", "NORM_PRIORITY", "MAX_PRIORITY"),
                thread.constants().stream().map(ClassFile.Field::name).toList());
        assertTrue(thread.methods().stream().anyMatch(m -> m.isNative() && m.name().equals("currentThread")));
    }

    @Test
    void nestedAndLocalClassesAreToldApartFromTheirInnerClassesAttribute() throws Exception {
        Path classes = temp.resolve("classes");
        Javac.compile(Javac.writeSources(temp, Map.of("p/Outer.java", """
                package p;
                public class Outer {
                    public static class Inner { public class Deep {} }
                    void m() { class Local { class InLocal {} } Object o = new Object() {}; }
                }
                """)), classes, null, List.of());

        assertEquals("p.Outer.Inner.Deep", parse(classes.resolve("p/Outer$Inner$Deep.class")).qualifiedName("p/Outer$Inner$Deep"));
        assertFalse(parse(classes.resolve("p/Outer$Inner$Deep.class")).isLocal());
        assertTrue(parse(classes.resolve("p/Outer$1Local.class")).isLocal());
        assertTrue(parse(classes.resolve("p/Outer$1Local$InLocal.class")).isLocal());
        assertTrue(parse(classes.resolve("p/Outer$1.class")).isLocal());
    }

    @Test
    void notAClassFileSaysWhatItFound() {
        ClassFileException e = assertThrows(ClassFileException.class,
                () -> ClassFileParser.parse("x/Y.class", "PK\3\4 not a class".getBytes()));

        assertEquals("x/Y.class: not a class file: it starts with 0x504B0304, expected 0xCAFEBABE", e.getMessage());
        assertEquals("x/Y.class", e.file());
    }

    @Test
    void aTruncatedClassFileIsAnError() throws IOException {
        byte[] whole = everyTagClassFile();

        ClassFileException e = assertThrows(ClassFileException.class,
                () -> ClassFileParser.parse("x/Y.class", Arrays.copyOf(whole, whole.length - 3)));

        assertEquals("x/Y.class: the class file is truncated", e.getMessage());
    }

    @Test
    void anUnknownConstantPoolTagNamesTheTag() throws IOException {
        byte[] bytes = everyTagClassFile();
        bytes[10] = 99; // the tag of the first entry

        ClassFileException e = assertThrows(ClassFileException.class, () -> ClassFileParser.parse("x/Y.class", bytes));

        assertEquals("x/Y.class: unknown constant-pool tag 99 at index 1 (a class file newer than this reader knows)",
                e.getMessage());
    }

    @Test
    void aNameThatPointsAtTheWrongEntryIsAnError() throws IOException {
        byte[] bytes = everyTagClassFile();
        int thisClass = indexOf(bytes, new byte[] {0x00, 0x21, 0x00, 0x02, 0x00, 0x04}) + 3;
        bytes[thisClass] = 5; // this_class -> the Integer constant

        ClassFileException e = assertThrows(ClassFileException.class, () -> ClassFileParser.parse("x/Y.class", bytes));

        assertEquals("x/Y.class: constant-pool entry 5 is not a class (tag 3)", e.getMessage());
    }

    private static ClassFile parse(Path file) throws IOException, ClassFileException {
        return ClassFileParser.parse(file.toString(), Files.readAllBytes(file));
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + pattern.length), pattern)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
