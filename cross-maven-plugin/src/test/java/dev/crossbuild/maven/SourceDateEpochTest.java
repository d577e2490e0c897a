package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceDateEpochTest {

    @Test
    void theOutputTimestampInEitherOfMavensForms() throws Exception {
        assertEquals(1700000000L, SourceDateEpoch.of("1700000000"));
        assertEquals(1700000000L, SourceDateEpoch.of("2023-11-14T22:13:20Z"));
        assertEquals(1700000000L, SourceDateEpoch.of(" 2023-11-15T00:13:20+02:00 "));
    }

    @Test
    void noOutputTimestampOrMavensOneCharacterSwitchOffIsTheFixedDefault() throws Exception {
        assertEquals(318211200L, SourceDateEpoch.DEFAULT);
        assertEquals(SourceDateEpoch.DEFAULT, SourceDateEpoch.of(null));
        assertEquals(SourceDateEpoch.DEFAULT, SourceDateEpoch.of(""));
        assertEquals(SourceDateEpoch.DEFAULT, SourceDateEpoch.of("-"));
    }

    @Test
    void theEnvironmentsValueIsKept() throws Exception {
        assertEquals(Optional.empty(), SourceDateEpoch.toSet(Optional.of("1234"), "1700000000"));
        assertEquals(Optional.of("1700000000"), SourceDateEpoch.toSet(Optional.of(""), "1700000000"));
        assertEquals(Optional.of("318211200"), SourceDateEpoch.toSet(Optional.empty(), null));
    }

    @Test
    void anUnreadableOutputTimestampIsAParameterErrorSayingBothForms() {
        ParameterException e = assertThrows(ParameterException.class, () -> SourceDateEpoch.of("2023-11-14"));
        assertEquals("project.build.outputTimestamp is '2023-11-14', which is neither seconds since 1970 (1700000000) "
                + "nor an ISO-8601 date and time with an offset (2023-11-14T22:13:20Z); cross sets SOURCE_DATE_EPOCH "
                + "from it. Fix the property, or remove it (cross then uses 318211200, 1980-02-01T00:00:00Z).",
                e.getMessage());
        assertThrows(ParameterException.class, () -> SourceDateEpoch.of("99999999999999999999"));
        assertThrows(ParameterException.class, () -> SourceDateEpoch.of("1960-01-01T00:00:00Z"));
    }
}
