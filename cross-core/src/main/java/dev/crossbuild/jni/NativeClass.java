package dev.crossbuild.jni;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled class with {@code native} methods.
 *
 * @param binaryName       internal binary name, {@code a/b/Outer$Inner}
 * @param qualifiedName    Java name, {@code a.b.Outer.Inner}
 * @param superclass       internal binary name of the superclass (absent only for {@code java.lang.Object})
 * @param nativeMethods    in declaration order
 * @param constants        its own {@code static final} constant fields, in declaration order
 * @param memberClassNames Java names of the member classes the class file refers to (its {@code InnerClasses}
 *                         attribute), by internal binary name: {@code java/util/Map$Entry -> java.util.Map.Entry}
 */
public record NativeClass(String binaryName, String qualifiedName, Optional<String> superclass,
                          List<NativeMethod> nativeMethods, List<ConstantField> constants,
                          Map<String, String> memberClassNames) {

    public NativeClass {
        nativeMethods = List.copyOf(nativeMethods);
        constants = List.copyOf(constants);
        memberClassNames = Map.copyOf(memberClassNames);
    }

    /** The binary name with dots, {@code a.b.Outer$Inner}, as the JVM mangles it into function names. */
    public String flatName() {
        return binaryName.replace('/', '.');
    }

    /** The header {@code javac -h} writes for this class: {@code a_b_Outer_Inner.h}. */
    public String headerFileName() {
        return flatName().replaceAll("[.$]", "_") + ".h";
    }

    /** The Java name of a class referred to by its binary name (member classes as {@code Outer.Inner}). */
    public String qualifiedName(String binaryName) {
        return memberClassNames.getOrDefault(binaryName, binaryName.replace('/', '.'));
    }
}
