package dev.crossbuild.it.surefirereport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A Java test beside the native ones, so the HTML report shows both kinds together. */
class NativeLibraryTest {

    @Test
    void nativeLinkBuiltTheLibraryBeforeTheTests() {
        assertTrue(Files.isRegularFile(Path.of("target/cross/linux-aarch_64/lib/libmix.so")));
    }
}
