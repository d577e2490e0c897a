package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {

    private static final byte[] BYTES = "not really a library".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private URL source() throws Exception {
        Path file = temp.resolve("source").resolve("libdemo.so");
        Files.createDirectories(file.getParent());
        return Files.write(file, BYTES).toUri().toURL();
    }

    private NativeIndex.Entry entry(String sha256) {
        return new NativeIndex.Entry(NativeIndex.Kind.LIBRARY, "demo", "libdemo.so", sha256,
                Collections.<String>emptyList());
    }

    private String realHash() throws Exception {
        return NativeCache.sha256(Files.write(temp.resolve("hashed"), BYTES));
    }

    @Test
    void extractsIntoAFolderNamedByTheHash() throws Exception {
        String sha256 = realHash();
        Path cache = temp.resolve("cache");
        Path file = new NativeCache(cache).extract(entry(sha256), source());
        assertEquals(cache.resolve(sha256).resolve("libdemo.so"), file);
        assertArrayEquals(BYTES, Files.readAllBytes(file));
        assertTrue(Files.isExecutable(file));
        assertEquals(new TreeSet<String>(Collections.singleton(sha256 + "/libdemo.so")),
                TestFiles.filesUnder(cache));
    }

    @Test
    void wrongHashLeavesNothingBehind() throws Exception {
        String wrong = "0000000000000000000000000000000000000000000000000000000000000000";
        Path cache = temp.resolve("cache");
        NativeCache.HashMismatchException e = assertThrows(NativeCache.HashMismatchException.class,
                () -> new NativeCache(cache).extract(entry(wrong), source()));
        assertEquals("SHA-256 mismatch: the index gives " + wrong + ", the bytes have " + realHash(), e.getMessage());
        assertEquals(new TreeSet<String>(), TestFiles.filesUnder(cache));
    }

    @Test
    void anExistingGoodFileIsUsedNotRewritten() throws Exception {
        String sha256 = realHash();
        Path cache = temp.resolve("cache");
        Path file = new NativeCache(cache).extract(entry(sha256), source());
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, written);
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        assertEquals(file, new NativeCache(cache).extract(entry(sha256), source()));
        assertEquals(written, Files.getLastModifiedTime(file));
        assertEquals(inode, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    }

    @Test
    void aDamagedFileIsReplaced() throws Exception {
        String sha256 = realHash();
        Path cache = temp.resolve("cache");
        Path file = new NativeCache(cache).extract(entry(sha256), source());
        Files.write(file, "damaged".getBytes(StandardCharsets.UTF_8));
        assertEquals(file, new NativeCache(cache).extract(entry(sha256), source()));
        assertArrayEquals(BYTES, Files.readAllBytes(file));
    }

    @Test
    void aFileChangedAfterItsCheckIsCheckedAgain() throws Exception {
        String sha256 = realHash();
        NativeCache cache = new NativeCache(temp.resolve("cache"));
        Path file = cache.extract(entry(sha256), source());
        Files.write(file, "damaged".getBytes(StandardCharsets.UTF_8)); // another size
        cache.extract(entry(sha256), source());
        assertArrayEquals(BYTES, Files.readAllBytes(file));
    }

    @Test
    void eightThreadsExtractingAtOnceLeaveOneFile() throws Exception {
        final String sha256 = realHash();
        final URL source = source();
        final Path cache = temp.resolve("cache");
        final int threads = 8;
        final CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> results = new ArrayList<Future<Path>>();
            for (int i = 0; i < threads; i++) {
                // One cache object each, as in separate class loaders or JVMs: nothing in memory is shared.
                results.add(pool.submit(new Callable<Path>() {
                    @Override
                    public Path call() throws Exception {
                        NativeCache own = new NativeCache(cache);
                        start.await();
                        return own.extract(entry(sha256), source);
                    }
                }));
            }
            for (Future<Path> result : results) {
                assertArrayEquals(BYTES, Files.readAllBytes(result.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new TreeSet<String>(Collections.singleton(sha256 + "/libdemo.so")),
                TestFiles.filesUnder(cache));
    }

    @Test
    void anUnwritableCacheFailsWithoutLeftovers() throws Exception {
        Path notAFolder = Files.write(temp.resolve("cache"), BYTES);
        assertThrows(java.io.IOException.class,
                () -> new NativeCache(notAFolder).extract(entry(realHash()), source()));
        assertFalse(Files.isDirectory(notAFolder));
    }
}
