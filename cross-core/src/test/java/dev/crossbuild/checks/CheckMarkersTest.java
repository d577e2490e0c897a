package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckMarkersTest {

    private static byte[] object(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) part;
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static final byte[] NUL = {0};

    @Test
    void readsNulTerminatedMarkersBetweenArbitraryBytes() {
        byte[] bytes = object(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0},
                "P@CROSS_CHECK:sizeof:0[000000008]", NUL, // too few digits is still a marker; number() rejects it
                new byte[] {(byte) 0xff, (byte) 0xfe},
                "CROSS_CHECK:sizeof:1[00000000016]", NUL, NUL, NUL,
                "CROSS_CHECK:define:0[\"a]b\"]", NUL,
                "CROSS_CHECK:undef:3[]", NUL,
                "CROSS_CHECK:end:0[]", NUL);

        assertEquals(Map.of("sizeof:0", "000000008", "sizeof:1", "00000000016", "define:0", "\"a]b\"", "undef:3", "",
                "end:0", ""), CheckMarkers.read(bytes));
    }

    @Test
    void skipsWhatOnlyLooksLikeAMarker() {
        byte[] bytes = object("CROSS_CHECK:", NUL,                  // prefix alone
                "CROSS_CHECK:sizeof:x[1]", NUL,                    // index not a number
                "CROSS_CHECK:Sizeof:1[1]", NUL,                    // kind not lower case
                "CROSS_CHECK:sizeof:2[1", NUL,                     // no closing bracket
                "CROSS_CHECK:end:0[]");                           // not terminated before the end of the file

        assertEquals(Map.of(), CheckMarkers.read(bytes));
    }

    @Test
    void aMarkerTwiceWithTheSameValueIsFineWithDifferentValuesAnError() {
        assertEquals(Map.of("end:0", ""), CheckMarkers.read(object("CROSS_CHECK:end:0[]", NUL, "CROSS_CHECK:end:0[]", NUL)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckMarkers.read(
                object("CROSS_CHECK:sizeof:0[00000000008]", NUL, "CROSS_CHECK:sizeof:0[00000000004]", NUL)));
        assertEquals("the marker sizeof:0 appears twice, as [00000000008] and as [00000000004]", e.getMessage());
    }

    @Test
    void decodesPayloadsAsUtf8() {
        assertEquals(Map.of("define:0", "\"caf\u00e9\""),
                CheckMarkers.read(object("CROSS_CHECK:define:0[\"caf\u00e9\"]", NUL)));
    }

    @Test
    void numbersAreAnOverflowFlagAndTenDigits() {
        assertEquals(8, CheckMarkers.number("00000000008"));
        assertEquals(4_294_967_295L, CheckMarkers.number("04294967295"));

        assertEquals("the value has more than 10 digits",
                assertThrows(IllegalArgumentException.class, () -> CheckMarkers.number("10000000000")).getMessage());
        assertEquals("expected 11 digits, found [000000008]",
                assertThrows(IllegalArgumentException.class, () -> CheckMarkers.number("000000008")).getMessage());
        assertEquals("expected 11 digits, found [0000000000x]",
                assertThrows(IllegalArgumentException.class, () -> CheckMarkers.number("0000000000x")).getMessage());
    }
}
