package dev.crossbuild.jni;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a class file that JNI headers depend on. Names are binary names in internal form
 * ({@code a/b/Outer$Inner}); values of {@code ConstantValue} attributes are Integer, Long, Float, Double or String as
 * the class file holds them (boolean, byte, char and short constants are Integers).
 */
record ClassFile(String name, int access, Optional<String> superName, List<Field> fields, List<Method> methods,
                 List<InnerClass> innerClasses, boolean hasEnclosingMethod) {

    static final int ACC_STATIC = 0x0008;
    static final int ACC_FINAL = 0x0010;
    static final int ACC_NATIVE = 0x0100;
    static final int ACC_SYNTHETIC = 0x1000;

    ClassFile {
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        innerClasses = List.copyOf(innerClasses);
    }

    record Field(int access, String name, String descriptor, Optional<Object> constant) {
    }

    record Method(int access, String name, String descriptor) {
        boolean isNative() {
            return (access & ACC_NATIVE) != 0;
        }

        boolean isStatic() {
            return (access & ACC_STATIC) != 0;
        }
    }

    /** An entry of the {@code InnerClasses} attribute; outer and simple name are absent for local/anonymous classes. */
    record InnerClass(String inner, Optional<String> outer, Optional<String> simpleName) {
    }

    boolean isSynthetic() {
        return (access & ACC_SYNTHETIC) != 0;
    }

    /**
     * Local and anonymous classes, and classes nested in them, have no JNI header (javac skips them): the JVM
     * names them after a counter that changes when the enclosing code changes.
     */
    boolean isLocal() {
        if (hasEnclosingMethod) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (String current = name; seen.add(current); ) {
            Optional<InnerClass> entry = innerClass(current);
            if (entry.isEmpty()) {
                return false;
            }
            if (entry.get().outer().isEmpty() || entry.get().simpleName().isEmpty()) {
                return true;
            }
            current = entry.get().outer().get();
        }
        return false;
    }

    /**
     * The Java name of a class this file refers to: {@code a.b.Outer.Inner} for a member class that the
     * {@code InnerClasses} attribute lists, else the binary name with dots ({@code a.b.Top$Named}).
     */
    String qualifiedName(String binaryName) {
        StringBuilder suffix = new StringBuilder();
        Set<String> seen = new HashSet<>();
        String current = binaryName;
        for (Optional<InnerClass> entry = innerClass(current); entry.isPresent() && seen.add(current);
                entry = innerClass(current)) {
            if (entry.get().outer().isEmpty() || entry.get().simpleName().isEmpty()) {
                break;
            }
            suffix.insert(0, "." + entry.get().simpleName().get());
            current = entry.get().outer().get();
        }
        return current.replace('/', '.') + suffix;
    }

    private Optional<InnerClass> innerClass(String binaryName) {
        return innerClasses.stream().filter(c -> c.inner().equals(binaryName)).findFirst();
    }

    /** Static final fields with a {@code ConstantValue}, in declaration order. */
    List<Field> constants() {
        return fields.stream()
                .filter(f -> (f.access() & (ACC_STATIC | ACC_FINAL)) == (ACC_STATIC | ACC_FINAL))
                .filter(f -> f.constant().isPresent())
                .toList();
    }
}
