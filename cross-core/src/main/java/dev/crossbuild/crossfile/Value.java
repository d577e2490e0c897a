package dev.crossbuild.crossfile;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A typed value of a machine file, as Meson's tiny expression language produces it: a string, a boolean, a
 * non-negative integer or an array. {@link #mesonRepr()} renders it the way Meson prints it.
 */
public sealed interface Value {

    /** Meson's rendering: {@code 'text'} is shown bare at top level, arrays as {@code ['a', 'b']}. */
    String mesonRepr();

    record Str(String value) implements Value {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String mesonRepr() {
            return value;
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String mesonRepr() {
            return Boolean.toString(value);
        }
    }

    record Int(long value) implements Value {
        @Override
        public String mesonRepr() {
            return Long.toString(value);
        }
    }

    record Array(List<Value> elements) implements Value {
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public String mesonRepr() {
            return elements.stream()
                    .map(v -> v instanceof Str s ? "'" + s.value() + "'" : v.mesonRepr())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** Short type name for messages: {@code string}, {@code boolean}, {@code integer}, {@code array}. */
    default String typeName() {
        if (this instanceof Str) {
            return "string";
        }
        if (this instanceof Bool) {
            return "boolean";
        }
        return this instanceof Int ? "integer" : "array";
    }

    static Value of(String text) {
        return new Str(text);
    }

    static Value of(boolean flag) {
        return new Bool(flag);
    }

    static Value of(long number) {
        return new Int(number);
    }

    static Value ofStrings(List<String> strings) {
        return new Array(strings.stream().<Value>map(Str::new).toList());
    }
}
