package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final String LIB = "-Djava.library.path=/p/target/cross/linux-aarch_64/lib";

    @Test
    void withNothingThereTheArgLineIsJustTheLibraryPath() {
        assertEquals(LIB, ArgLine.append(Optional.empty(), LIB));
        assertEquals(LIB, ArgLine.append(Optional.of("  "), LIB));
    }

    @Test
    void jacocosAgentAndTheUsersOptionsStayInFront() {
        String jacoco = "-javaagent:/m2/org/jacoco/org.jacoco.agent/0.8.12/org.jacoco.agent-0.8.12-runtime.jar=destfile=/p/target/jacoco.exec";

        assertEquals(jacoco + " -Xmx256m " + LIB, ArgLine.append(Optional.of(jacoco + " -Xmx256m"), LIB));
    }

    @Test
    void appendingTwiceDoesNotRepeatTheArgument() {
        String once = ArgLine.append(Optional.of("-ea"), LIB);

        assertEquals("-ea " + LIB, ArgLine.append(Optional.of(once), LIB));
    }

    @Test
    void aPathWithSpacesIsOneDoubleQuotedWord() {
        assertEquals("-ea \"-Djava.library.path=/my projects/x/lib\"",
                ArgLine.append(Optional.of("-ea"), "-Djava.library.path=/my projects/x/lib"));
    }

    @Test
    void aPathWithADoubleQuoteIsSingleQuoted() {
        assertEquals("'-Djava.library.path=/a\"b/lib'", ArgLine.quote("-Djava.library.path=/a\"b/lib"));
        assertEquals("\"-Djava.library.path=/it's/lib\"", ArgLine.quote("-Djava.library.path=/it's/lib"));
    }

    @Test
    void wordsSurefireCannotCarryAreRefused() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> ArgLine.quote("/a\"b'c"));
        assertEquals("Surefire's argLine cannot carry a word holding both quote characters: /a\"b'c", both.getMessage());
        IllegalArgumentException newline = assertThrows(IllegalArgumentException.class, () -> ArgLine.quote("/a\nb"));
        assertEquals("Surefire's argLine cannot carry a line break: /a?b", newline.getMessage());
    }
}
