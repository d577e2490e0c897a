package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymbolVersionTest {

    @Test
    void parsesNumberedVersionsAndComparesThemNumerically() {
        SymbolVersion v234 = SymbolVersion.parse("GLIBC_2.34").orElseThrow();
        SymbolVersion v24 = SymbolVersion.parse("GLIBC_2.4").orElseThrow();
        SymbolVersion v225 = SymbolVersion.parse("GLIBC_2.2.5").orElseThrow();

        assertEquals("GLIBC", v234.prefix());
        assertEquals("2.34", v234.number());
        assertEquals("GLIBC_2.34", v234.toString());
        assertTrue(v234.compareTo(v24) > 0, "2.34 is above 2.4");
        assertTrue(v225.compareTo(SymbolVersion.of("GLIBC", "2.2").orElseThrow()) > 0);
        assertTrue(v225.compareTo(v24) < 0);
        assertEquals(SymbolVersion.of("GLIBCXX", "3.4.30"), SymbolVersion.parse("GLIBCXX_3.4.30"));
        assertEquals(SymbolVersion.parse("CXXABI_1.3.13").map(SymbolVersion::prefix), Optional.of("CXXABI"));
    }

    @Test
    void namesThatAreNotNumberedVersionsAreNone() {
        assertEquals(Optional.empty(), SymbolVersion.parse("GLIBC_PRIVATE"));
        assertEquals(Optional.empty(), SymbolVersion.parse("GLIBC_ABI_DT_RELR"));
        assertEquals(Optional.empty(), SymbolVersion.parse("libc.so.6"));
        assertEquals(Optional.empty(), SymbolVersion.of("GLIBC", "2.x"));
        assertEquals(Optional.empty(), SymbolVersion.of("GLIBC", ""));
    }
}
