package dev.crossbuild.jni;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal class-file reader (JVMS chapter 4): the constant pool with every tag up to Java 21, the class's access
 * flags and names, fields with their {@code ConstantValue}, methods, and the {@code InnerClasses} and
 * {@code EnclosingMethod} attributes. Everything else (code, annotations, signatures) is skipped by length.
 */
final class ClassFileParser {

    private static final int MAGIC = 0xCAFEBABE;

    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELDREF = 9;
    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    private final String file;
    private final DataInputStream in;
    private Object[] pool;
    private int[] tags;

    private ClassFileParser(String file, byte[] bytes) {
        this.file = file;
        this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    /** Parses one class file; {@code file} names it in errors. */
    static ClassFile parse(String file, byte[] bytes) throws ClassFileException {
        try {
            return new ClassFileParser(file, bytes).parse();
        } catch (EOFException e) {
            throw new ClassFileException(file, "the class file is truncated");
        } catch (UTFDataFormatException e) {
            throw new ClassFileException(file, "a constant-pool string is not valid modified UTF-8");
        } catch (IOException e) {
            throw new ClassFileException(file, "cannot read the class file: " + e.getMessage());
        }
    }

    private ClassFile parse() throws IOException, ClassFileException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ClassFileException(file,
                    String.format("not a class file: it starts with 0x%08X, expected 0xCAFEBABE", magic));
        }
        in.readUnsignedShort(); // minor version
        int major = in.readUnsignedShort();
        if (major < 45) {
            throw new ClassFileException(file, "class-file version " + major + " is older than Java 1.0.2 (45)");
        }
        readConstantPool();
        int access = in.readUnsignedShort();
        String name = className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        Optional<String> superName = superIndex == 0 ? Optional.empty() : Optional.of(className(superIndex));
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        List<ClassFile.Field> fields = readFields();
        List<ClassFile.Method> methods = readMethods();
        List<ClassFile.InnerClass> innerClasses = new ArrayList<>();
        boolean enclosingMethod = false;
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String attribute = utf8(in.readUnsignedShort());
            long length = Integer.toUnsignedLong(in.readInt());
            if ("InnerClasses".equals(attribute)) {
                int count = in.readUnsignedShort();
                for (int c = 0; c < count; c++) {
                    String inner = className(in.readUnsignedShort());
                    int outer = in.readUnsignedShort();
                    int simpleName = in.readUnsignedShort();
                    in.readUnsignedShort(); // inner class access flags
                    innerClasses.add(new ClassFile.InnerClass(inner,
                            outer == 0 ? Optional.empty() : Optional.of(className(outer)),
                            simpleName == 0 ? Optional.empty() : Optional.of(utf8(simpleName))));
                }
            } else {
                enclosingMethod |= "EnclosingMethod".equals(attribute);
                in.skipNBytes(length);
            }
        }
        return new ClassFile(name, access, superName, fields, methods, innerClasses, enclosingMethod);
    }

    private void readConstantPool() throws IOException, ClassFileException {
        int count = in.readUnsignedShort();
        pool = new Object[count];
        tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case UTF8 -> pool[i] = in.readUTF();
                case INTEGER -> pool[i] = in.readInt();
                case FLOAT -> pool[i] = in.readFloat();
                case LONG -> {
                    pool[i] = in.readLong();
                    i++; // 8-byte constants take two slots
                }
                case DOUBLE -> {
                    pool[i] = in.readDouble();
                    i++;
                }
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> pool[i] = in.readUnsignedShort();
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC ->
                        in.skipNBytes(4);
                case METHOD_HANDLE -> in.skipNBytes(3);
                default -> throw new ClassFileException(file, "unknown constant-pool tag " + tag + " at index " + i
                        + " (a class file newer than this reader knows)");
            }
        }
    }

    private List<ClassFile.Field> readFields() throws IOException, ClassFileException {
        int count = in.readUnsignedShort();
        List<ClassFile.Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int access = in.readUnsignedShort();
            String name = utf8(in.readUnsignedShort());
            String descriptor = utf8(in.readUnsignedShort());
            Optional<Object> constant = Optional.empty();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8(in.readUnsignedShort());
                long length = Integer.toUnsignedLong(in.readInt());
                if ("ConstantValue".equals(attribute) && length == 2) {
                    constant = Optional.of(constantValue(in.readUnsignedShort()));
                } else {
                    in.skipNBytes(length);
                }
            }
            fields.add(new ClassFile.Field(access, name, descriptor, constant));
        }
        return fields;
    }

    private List<ClassFile.Method> readMethods() throws IOException, ClassFileException {
        int count = in.readUnsignedShort();
        List<ClassFile.Method> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int access = in.readUnsignedShort();
            String name = utf8(in.readUnsignedShort());
            String descriptor = utf8(in.readUnsignedShort());
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
            }
            methods.add(new ClassFile.Method(access, name, descriptor));
        }
        return methods;
    }

    private Object constantValue(int index) throws ClassFileException {
        int tag = tag(index);
        return switch (tag) {
            case INTEGER, FLOAT, LONG, DOUBLE -> pool[index];
            case STRING -> utf8((Integer) pool[index]);
            default -> throw new ClassFileException(file, "ConstantValue refers to constant-pool entry " + index
                    + " with tag " + tag + ", expected a number or a string");
        };
    }

    private String className(int index) throws ClassFileException {
        if (tag(index) != CLASS) {
            throw new ClassFileException(file, "constant-pool entry " + index + " is not a class (tag " + tags[index]
                    + ")");
        }
        return utf8((Integer) pool[index]);
    }

    private String utf8(int index) throws ClassFileException {
        if (tag(index) != UTF8) {
            throw new ClassFileException(file, "constant-pool entry " + index + " is not a UTF-8 string (tag "
                    + tags[index] + ")");
        }
        return (String) pool[index];
    }

    private int tag(int index) throws ClassFileException {
        if (index <= 0 || index >= tags.length) {
            throw new ClassFileException(file, "constant-pool index " + index + " is out of range 1.."
                    + (tags.length - 1));
        }
        return tags[index];
    }
}
