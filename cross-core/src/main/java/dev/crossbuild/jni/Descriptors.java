package dev.crossbuild.jni;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits JVM method descriptors ({@code (I[Ljava/lang/String;)V}) into field descriptors. */
final class Descriptors {

    private static final String FIELD = "\\[*(?:[BCDFIJSZ]|L[^;\\[.]+;)";
    private static final Pattern METHOD = Pattern.compile("\\((?:" + FIELD + ")*\\)(?:V|" + FIELD + ")");

    private Descriptors() {
    }

    /** Whether the text is a well-formed method descriptor, so the other methods can take it apart. */
    static boolean isMethodDescriptor(String text) {
        return METHOD.matcher(text).matches();
    }

    /** The descriptors of the parameters, in order. */
    static List<String> parameters(String methodDescriptor) {
        List<String> parameters = new ArrayList<>();
        int i = 1;
        while (methodDescriptor.charAt(i) != ')') {
            int end = end(methodDescriptor, i);
            parameters.add(methodDescriptor.substring(i, end));
            i = end;
        }
        return parameters;
    }

    /** The text between the parentheses: the argument signature JNI appends to overloaded function names. */
    static String parameterText(String methodDescriptor) {
        return methodDescriptor.substring(1, methodDescriptor.indexOf(')'));
    }

    static String returnType(String methodDescriptor) {
        return methodDescriptor.substring(methodDescriptor.indexOf(')') + 1);
    }

    private static int end(String descriptor, int start) {
        int i = start;
        while (descriptor.charAt(i) == '[') {
            i++;
        }
        return descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
    }
}
