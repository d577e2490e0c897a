package dev.crossbuild.checks;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the markers of a compiled probe program back from the bytes of its object file. ELF, PE/COFF and Mach-O
 * objects all keep initialised read-only data verbatim, so a plain byte scan finds them (like CMake's
 * {@code file(STRINGS)}); no objdump or strings tool is needed, and nothing is executed.
 */
final class CheckMarkers {

    /** Longer than any marker we generate; a longer run is not one of ours. */
    private static final int MAX_MARKER_LENGTH = 64 * 1024;

    private static final Pattern MARKER = Pattern.compile("([a-z_]+):(\\d+)\\[(.*)\\]", Pattern.DOTALL);

    private CheckMarkers() {
    }

    /**
     * Every well-formed marker in {@code bytes}: {@code "<kind>:<index>"} -> payload (decoded as UTF-8).
     *
     * @throws IllegalArgumentException when one marker appears twice with different payloads
     */
    static Map<String, String> read(byte[] bytes) {
        byte[] prefix = CheckSources.MARKER_PREFIX.getBytes(StandardCharsets.US_ASCII);
        Map<String, String> markers = new LinkedHashMap<>();
        for (int start = indexOf(bytes, prefix, 0); start >= 0; start = indexOf(bytes, prefix, start + 1)) {
            int from = start + prefix.length;
            int end = from;
            while (end < bytes.length && bytes[end] != 0 && end - from < MAX_MARKER_LENGTH) {
                end++;
            }
            if (end >= bytes.length || bytes[end] != 0) {
                continue;
            }
            Matcher marker = MARKER.matcher(new String(bytes, from, end - from, StandardCharsets.UTF_8));
            if (!marker.matches()) {
                continue;
            }
            String key = marker.group(1) + ":" + marker.group(2);
            String payload = marker.group(3);
            String previous = markers.putIfAbsent(key, payload);
            if (previous != null && !previous.equals(payload)) {
                throw new IllegalArgumentException("the marker " + key + " appears twice, as [" + previous
                        + "] and as [" + payload + "]");
            }
        }
        return Collections.unmodifiableMap(markers);
    }

    /**
     * The number a {@code sizeof}/{@code alignment} marker encodes: an overflow flag and decimal digits.
     *
     * @throws IllegalArgumentException when the payload is not of that form or the flag says the value overflowed
     */
    static long number(String payload) {
        if (payload.length() != CheckSources.DIGITS + 1 || !payload.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected " + (CheckSources.DIGITS + 1) + " digits, found [" + payload + "]");
        }
        if (payload.charAt(0) != '0') {
            throw new IllegalArgumentException("the value has more than " + CheckSources.DIGITS + " digits");
        }
        return Long.parseLong(payload.substring(1));
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
