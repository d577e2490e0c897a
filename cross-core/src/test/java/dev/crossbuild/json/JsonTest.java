package dev.crossbuild.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedObjectsInInsertionOrder() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("system", "linux");
        host.put("kernel", Optional.empty());
        host.put("is_64_bit", true);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("host", host);
        root.put("argv", List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"));
        root.put("answer", 42L);
        root.put("empty", Map.of());

        assertEquals("""
                {
                  "host": {
                    "system": "linux",
                    "kernel": null,
                    "is_64_bit": true
                  },
                  "argv": ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"],
                  "answer": 42,
                  "empty": {}
                }""", Json.write(root));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"C:\\\\new \\\"x\\\"\\n\\u0001\"", Json.write("C:\\new \"x\"\n\u0001"));
    }

    @Test
    void arraysOfObjectsGoOneElementPerLine() {
        assertEquals("[\n  {\n    \"a\": 1\n  }\n]", Json.write(List.of(Map.of("a", 1))));
    }

    @Test
    void rejectsValuesWithoutJsonForm() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }
}
