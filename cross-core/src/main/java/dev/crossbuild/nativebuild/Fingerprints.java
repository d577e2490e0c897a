package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.CompilerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The identity of a command, as stored by {@link IncrementalState}: SHA-256 (hex) of the argv, the compiler's id,
 * version, target triple and sysroot, and whatever else the caller adds (the compiler binary's size and modification
 * time, say). Every part is length-prefixed, so {@code ["-DA", "B"]} and {@code ["-D", "AB"]} differ.
 */
public final class Fingerprints {

    /** Bumped when what goes into a fingerprint changes, so old states rebuild once instead of matching wrongly. */
    private static final String VERSION = "cross-fingerprint-1";

    private Fingerprints() {
    }

    public static String of(List<String> argv, CompilerId id, Object... more) {
        MessageDigest digest = sha256();
        add(digest, VERSION);
        add(digest, "argv:" + argv.size());
        argv.forEach(element -> add(digest, element));
        add(digest, id.id());
        add(digest, id.version());
        add(digest, id.targetTriple());
        add(digest, id.sysroot().map(Object::toString).orElse(""));
        add(digest, "more:" + more.length);
        for (Object element : more) {
            add(digest, element instanceof Optional<?> o ? o.map(String::valueOf).orElse("") : String.valueOf(element));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
