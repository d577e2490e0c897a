package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> SECTIONS = List.of("binaries", "properties", "host_machine", "cmake", "paths");

    @Test
    void caseAndSeparatorDifferencesMatchFirst() {
        assertEquals(Optional.of("binaries"), Suggestions.closest("Binaries", SECTIONS));
        assertEquals(Optional.of("host_machine"), Suggestions.closest("host-machine", SECTIONS));
    }

    @Test
    void swappedLettersAreOneEdit() {
        assertEquals(1, Suggestions.distance("binaires", "binaries"));
        assertEquals(Optional.of("binaries"), Suggestions.closest("binaires", SECTIONS));
    }

    @Test
    void shortWordsAllowOnlyOneEdit() {
        assertEquals(Optional.empty(), Suggestions.closest("cpu", List.of("cmake")));
        assertEquals(Optional.of("path"), Suggestions.closest("pth", List.of("path")));
        assertEquals(Optional.empty(), Suggestions.closest("pt", List.of("path")));
    }

    @Test
    void farAwayWordsGetNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("toolchain", SECTIONS));
    }

    @Test
    void aliasesWinOverEditDistance() {
        assertEquals(Optional.of("aarch64"), Suggestions.closest("ARM64", List.of("aarch64", "arm"),
                Map.of("arm64", "aarch64")));
    }

    @Test
    void didYouMeanIsEmptyWithoutASuggestion() {
        assertEquals("", Suggestions.didYouMean(Optional.empty(), "[", "]"));
        assertEquals("; did you mean [binaries]?", Suggestions.didYouMean(Optional.of("binaries"), "[", "]"));
    }
}
