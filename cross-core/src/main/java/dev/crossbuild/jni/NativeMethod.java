package dev.crossbuild.jni;

/**
 * A {@code native} method of a class: its name, JVM descriptor ({@code (ILjava/lang/String;)V}) and whether it is
 * static (the C function then gets a {@code jclass} instead of a {@code jobject}).
 */
public record NativeMethod(String name, String descriptor, boolean isStatic) {
}
