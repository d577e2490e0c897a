package dev.crossbuild.jni;

/**
 * The name encodings of JNI headers. The JNI specification's function-name mangling ({@code _1} for {@code _},
 * {@code _2} for {@code ;}, {@code _3} for {@code [}, {@code _0xxxx} for every other character that is not an ASCII
 * letter or digit), and the two encodings {@code javac -h} uses for C identifiers in comments and macros.
 */
final class JniNames {

    private JniNames() {
    }

    /** JNI mangling of a class name ({@code .} or {@code /} separated), method name or argument signature. */
    static String mangle(CharSequence name) {
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (isAsciiAlphanumeric(ch)) {
                out.append(ch);
            } else if (ch == '/' || ch == '.') {
                out.append('_');
            } else if (ch == '_') {
                out.append("_1");
            } else if (ch == ';') {
                out.append("_2");
            } else if (ch == '[') {
                out.append("_3");
            } else {
                out.append(escape(ch));
            }
        }
        return out.toString();
    }

    /** A Java class name as a C identifier for guards and macros: {@code .} becomes {@code _}, {@code $} {@code __}. */
    static String className(CharSequence qualifiedName) {
        StringBuilder out = new StringBuilder(qualifiedName.length() + 8);
        for (int i = 0; i < qualifiedName.length(); i++) {
            char ch = qualifiedName.charAt(i);
            if (isAsciiAlphanumeric(ch) || ch == '.' || ch == '_') {
                out.append(ch == '.' ? '_' : ch);
            } else if (ch == '$') {
                out.append("__");
            } else {
                out.append(escape(ch));
            }
        }
        return out.toString();
    }

    /** A field or method name as a C identifier: letters, digits and {@code _} stay, the rest is escaped. */
    static String member(CharSequence name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            out.append(isAsciiAlphanumeric(ch) || ch == '_' ? String.valueOf(ch) : escape(ch));
        }
        return out.toString();
    }

    /** {@code _0xxxx}: the UTF-16 code unit as {@code _0} and four lower-case hex digits, as the JNI spec says. */
    private static String escape(char ch) {
        String hex = Integer.toHexString(ch);
        return "_" + "0".repeat(5 - hex.length()) + hex;
    }

    private static boolean isAsciiAlphanumeric(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    }
}
