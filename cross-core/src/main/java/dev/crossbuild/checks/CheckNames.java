package dev.crossbuild.checks;

import java.util.Locale;

/**
 * The names a check result goes by in {@code cross_config.h} and in project properties, following the autoconf and
 * CMake conventions C programmers know: {@code void*} is {@code SIZEOF_VOID_P}, {@code sys/types.h} is
 * {@code HAVE_SYS_TYPES_H}, {@code clock_gettime} is {@code HAVE_CLOCK_GETTIME}.
 */
public final class CheckNames {

    private CheckNames() {
    }

    /** {@code void*} -> {@code VOID_P}, {@code unsigned long long} -> {@code UNSIGNED_LONG_LONG}. */
    public static String typeSymbol(String type) {
        return symbol(type);
    }

    /** {@code sys/types.h} -> {@code SYS_TYPES_H}. */
    public static String headerSymbol(String header) {
        return symbol(header);
    }

    /** {@code clock_gettime} -> {@code CLOCK_GETTIME}. */
    public static String functionSymbol(String function) {
        return symbol(function);
    }

    /** Each {@code *} becomes {@code _P}, anything else that is not a letter or digit {@code _}; runs of {@code _} collapse. */
    private static String symbol(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                out.append("_P");
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else {
                out.append('_');
            }
        }
        String collapsed = out.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
        return collapsed.toUpperCase(Locale.ROOT);
    }

    /** The lower-case form used in property names: {@code cross.sizeof.void_p}. */
    public static String propertyName(String symbol) {
        return symbol.toLowerCase(Locale.ROOT);
    }
}
