package dev.crossbuild.exec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link ProcessRunner} on {@link ProcessBuilder}. Output goes to temporary files rather than pipes: nothing needs
 * draining, so a chatty program cannot block, and a grandchild that keeps the output open (a compiler driver's
 * {@code cc1}, a {@code sh -c} child, a qemu helper) cannot keep us waiting for end-of-file after a timeout.
 */
final class SystemProcessRunner implements ProcessRunner {

    static final SystemProcessRunner INSTANCE = new SystemProcessRunner();

    /** How long to wait for a killed process tree to be gone before reading what it wrote. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** Where a program's output goes: the same for every process of the build, so looked up once. */
    private static final Path TEMPORARY = Path.of(HostEnvironment.system().property("java.io.tmpdir").orElse("."));
    private static final boolean POSIX = TEMPORARY.getFileSystem().supportedFileAttributeViews().contains("posix");

    private SystemProcessRunner() {
    }

    @Override
    public ProcessResult run(Command command) throws IOException {
        Path stdout = privateTemporaryFile(".out");
        Path stderr = privateTemporaryFile(".err");
        try {
            return run(command, stdout, stderr);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * A new file in the temporary folder that only its owner may read (a program's output may be anyone's business),
     * named without {@code Files.createTempFile}, whose {@code SecureRandom} costs a cold JVM some 10 ms to seed.
     */
    private static Path privateTemporaryFile(String suffix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path candidate = TEMPORARY.resolve("cross-exec-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + suffix);
            try {
                return POSIX ? Files.createFile(candidate, OWNER_ONLY) : Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 100) {
                    throw taken;
                }
            }
        }
    }

    private static ProcessResult run(Command command, Path stdout, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        command.workingDirectory().ifPresent(directory -> builder.directory(directory.toFile()));
        builder.environment().putAll(command.environment());

        long start = System.nanoTime();
        Process process = start(builder, command.program());
        process.getOutputStream().close(); // stdin: the program reads end-of-file at once
        boolean timedOut;
        try {
            timedOut = !process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (timedOut) {
                killTree(process);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(
                    "Interrupted while running " + command.program() + "; it was killed.");
            interrupted.initCause(e);
            throw interrupted;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        return new ProcessResult(command.argv(), exitCode, read(stdout), read(stderr), elapsed, timedOut);
    }

    private static Process start(ProcessBuilder builder, String program) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            // The JDK reports a missing program as "Cannot run program "x": error=2, No such file or directory"
            // (CreateProcess error=2 on Windows); the errno is the only structured part of it.
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2,")) {
                throw new ProgramNotFoundException(program, e);
            }
            throw e;
        }
    }

    /**
     * Kills the process and everything it started. The tree is listed first, while it is intact (a child whose
     * parent dies is re-parented and drops out of {@code descendants()}); then it is killed from the top, so that no
     * parent outlives its children and reacts to their death: killing {@code sleep} before its {@code sh -c} parent
     * lets the shell go on to the next command. A second sweep catches children forked meanwhile.
     */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.stream().flatMap(ProcessHandle::descendants).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        // new String(bytes, UTF_8) replaces malformed input instead of failing on it.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
