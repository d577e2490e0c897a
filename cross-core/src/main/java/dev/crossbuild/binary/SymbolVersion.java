package dev.crossbuild.binary;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered symbol version such as {@code GLIBC_2.34} or {@code GLIBCXX_3.4.30}: a prefix and dotted numbers,
 * compared numerically ({@code 2.34} is above {@code 2.4}). Names such as {@code GLIBC_PRIVATE} are not numbered
 * versions.
 */
public record SymbolVersion(String prefix, int[] numbers) implements Comparable<SymbolVersion> {

    private static final Pattern VERSION = Pattern.compile("([A-Z][A-Z0-9]*)_(\\d+(?:\\.\\d+)*)");
    private static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)*");

    public SymbolVersion {
        numbers = numbers.clone();
    }

    /** {@code GLIBC_2.34} -> prefix {@code GLIBC}, numbers {@code [2, 34]}; empty for any other name. */
    public static Optional<SymbolVersion> parse(String name) {
        Matcher m = VERSION.matcher(name);
        return m.matches() ? Optional.of(new SymbolVersion(m.group(1), numbers(m.group(2)))) : Optional.empty();
    }

    /** {@code prefix} with the dotted numbers {@code version} ({@code 2.28}); empty when it is not such numbers. */
    public static Optional<SymbolVersion> of(String prefix, String version) {
        return NUMBERS.matcher(version).matches() ? Optional.of(new SymbolVersion(prefix, numbers(version)))
                : Optional.empty();
    }

    /** {@code 2.34}. */
    public String number() {
        return String.join(".", Arrays.stream(numbers).mapToObj(Integer::toString).toList());
    }

    @Override
    public int compareTo(SymbolVersion other) {
        return Arrays.compare(numbers, other.numbers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SymbolVersion v && prefix.equals(v.prefix) && Arrays.equals(numbers, v.numbers);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode() * 31 + Arrays.hashCode(numbers);
    }

    /** {@code GLIBC_2.34}. */
    @Override
    public String toString() {
        return prefix + "_" + number();
    }

    private static int[] numbers(String dotted) {
        return Arrays.stream(dotted.split("\\."))
                .mapToInt(part -> part.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(part))
                .toArray();
    }
}
