package dev.crossbuild.jni;

/**
 * A {@code static final} field with a compile-time constant, as its {@code ConstantValue} attribute holds it: an
 * Integer (also for boolean, byte, char and short fields), Long, Float, Double or String. {@code javac -h} writes a
 * {@code #define} for the primitive ones.
 */
public record ConstantField(String name, String descriptor, Object value) {
}
