package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How a stamp's key renders parameter values: every field of the plugin's configuration objects, collections and maps
 * in a stable order, and a refusal (the goal then always runs) for a type it cannot render faithfully.
 */
class StampKeyTest {

    @Test
    void aConfigurationObjectRendersEveryFieldSoAChangedOneChangesTheKey() throws Exception {
        NativeLibrary library = new NativeLibrary();
        library.name = "calc";
        library.sourceDirectories = List.of(new File("src/main/c"));
        String before = render(List.of(library));

        library.defines = List.of("CALC_FLAG=2");
        String after = render(List.of(library));

        assertTrue(before.contains("NativeLibrary{") && before.contains("name=String\"calc\""), before);
        assertNotEquals(before, after);
        assertTrue(after.contains("String\"CALC_FLAG=2\""), after);
    }

    @Test
    void mapsRenderInKeyOrderAndOptionalsWithTheirValue() throws Exception {
        Map<String, Object> one = new TreeMap<>(Map.of("b", 2, "a", Optional.of("x")));
        Map<String, Object> other = new java.util.LinkedHashMap<>();
        other.put("a", Optional.of("x"));
        other.put("b", 2);

        assertEquals(render(one), render(other));
        assertEquals("{String\"a\":Optional[String\"x\"],String\"b\":Integer\"2\",}", render(one));
    }

    @Test
    void aValueOfAnUnknownTypeMakesTheGoalUnstampable() {
        StampKey.UnstampableException e = assertThrows(StampKey.UnstampableException.class,
                () -> render(List.of(new StringBuilder("not a parameter type"))));

        assertEquals("a parameter holds a java.lang.StringBuilder", e.getMessage());
    }

    private static String render(Object value) throws StampKey.UnstampableException {
        StringBuilder out = new StringBuilder();
        StampKey.render(value, out, 0);
        return out.toString();
    }
}
