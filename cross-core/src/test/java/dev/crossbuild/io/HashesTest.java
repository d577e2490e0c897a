package dev.crossbuild.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashesTest {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void aTextAndAFileOfTheSameBytesHashAlike() throws Exception {
        assertEquals(ABC, Hashes.sha256("abc"));
        assertEquals(ABC, Hashes.sha256(Files.writeString(dir.resolve("abc"), "abc")));
        // larger than one read of the file
        String big = "x".repeat(200_000);
        assertEquals(Hashes.sha256(big), Hashes.sha256(Files.writeString(dir.resolve("big"), big)));
    }
}
