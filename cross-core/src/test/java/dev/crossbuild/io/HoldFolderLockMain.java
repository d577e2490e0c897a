package dev.crossbuild.io;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The other build of {@link FolderLockTest}, in a JVM of its own: locks {@code <folder>} as {@code cross:compile} on
 * host {@code here}, prints {@code locked}, holds it {@code <millis>} and exits (or is killed before).
 */
public final class HoldFolderLockMain {

    private HoldFolderLockMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), args[0], LockHolder.thisProcess("here",
                "cross:compile"), Duration.ofMinutes(1), line -> System.out.println("waited: " + line))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
            lock.hashCode(); // held until here
        }
    }
}
