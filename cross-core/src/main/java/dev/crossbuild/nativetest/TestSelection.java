package dev.crossbuild.nativetest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tests to run: {@code -Dcross.test=NAME[,NAME...]}, like Surefire's {@code -Dtest}. Each name may hold
 * {@code *} (any characters, also none) and {@code ?} (one character); names match whole test names, case-sensitively.
 * No names (the property unset or blank): every test.
 */
public record TestSelection(List<String> patterns) {

    public TestSelection {
        patterns = List.copyOf(patterns);
    }

    public static TestSelection all() {
        return new TestSelection(List.of());
    }

    /** The comma-separated names of {@code value}, blanks around them and empty entries dropped; null: all. */
    public static TestSelection parse(String value) {
        if (value == null) {
            return all();
        }
        return new TestSelection(Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList());
    }

    public boolean selectsAll() {
        return patterns.isEmpty();
    }

    public boolean matches(String name) {
        return selectsAll() || patterns.stream().anyMatch(p -> glob(p).matcher(name).matches());
    }

    /**
     * The tests the names select, in their order.
     *
     * @param failIfNoneMatches whether names that match none of {@code tests} are an error (Surefire's
     *     {@code failIfNoSpecifiedTests}); else the result is empty
     * @throws NativeTestException when names are given, there are tests, none matches and {@code failIfNoneMatches}
     */
    public List<TestDefinition> select(List<TestDefinition> tests, boolean failIfNoneMatches)
            throws NativeTestException {
        List<TestDefinition> selected = new ArrayList<>();
        for (TestDefinition test : tests) {
            if (matches(test.name())) {
                selected.add(test);
            }
        }
        if (selected.isEmpty() && !tests.isEmpty() && !selectsAll() && failIfNoneMatches) {
            throw new NativeTestException("No native test matches -Dcross.test=" + String.join(",", patterns)
                    + "; the tests of this module are: " + String.join(", ", tests.stream().map(TestDefinition::name)
                            .toList())
                    + ". Give one of these names (* and ? match any characters and one character), or set "
                    + "-Dcross.test.failIfNoSpecifiedTests=false to let modules without a match pass.",
                    String.join(",", patterns));
        }
        return List.copyOf(selected);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
