package dev.crossbuild.jni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the classes with {@code native} methods in a folder of compiled classes ({@code target/classes}), the set
 * {@code javac -h} writes headers for: local and anonymous classes (and classes inside them) and synthetic classes
 * are left out, as javac leaves them out.
 */
public final class NativeMethodScanner {

    private NativeMethodScanner() {
    }

    /** The classes with native methods, by binary name; an absent folder has none. */
    public static List<NativeClass> scan(Path classesDir) throws IOException, ClassFileException {
        List<NativeClass> classes = new ArrayList<>();
        if (!Files.isDirectory(classesDir)) {
            return classes;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            files = walk.filter(NativeMethodScanner::isClassFile)
                    .filter(f -> !classesDir.relativize(f).startsWith("META-INF"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            ClassFile classFile = ClassFileParser.parse(file.toString(), Files.readAllBytes(file));
            if (classFile.methods().stream().anyMatch(ClassFile.Method::isNative) && !classFile.isSynthetic()
                    && !classFile.isLocal()) {
                for (ClassFile.Method method : classFile.methods()) {
                    if (method.isNative() && !Descriptors.isMethodDescriptor(method.descriptor())) {
                        throw new ClassFileException(file.toString(), "native method " + method.name()
                                + " has a malformed descriptor '" + method.descriptor() + "'");
                    }
                }
                classes.add(nativeClass(classFile));
            }
        }
        classes.sort(Comparator.comparing(NativeClass::binaryName));
        return classes;
    }

    private static boolean isClassFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class")
                && Files.isRegularFile(file);
    }

    static NativeClass nativeClass(ClassFile classFile) {
        List<NativeMethod> methods = classFile.methods().stream()
                .filter(ClassFile.Method::isNative)
                .map(m -> new NativeMethod(m.name(), m.descriptor(), m.isStatic()))
                .toList();
        Map<String, String> memberNames = new LinkedHashMap<>();
        for (ClassFile.InnerClass inner : classFile.innerClasses()) {
            if (inner.outer().isPresent() && inner.simpleName().isPresent()) {
                memberNames.put(inner.inner(), classFile.qualifiedName(inner.inner()));
            }
        }
        return new NativeClass(classFile.name(), classFile.qualifiedName(classFile.name()), classFile.superName(),
                methods, constants(classFile), memberNames);
    }

    static List<ConstantField> constants(ClassFile classFile) {
        return classFile.constants().stream()
                .map(f -> new ConstantField(f.name(), f.descriptor(), f.constant().orElseThrow()))
                .toList();
    }
}
