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
 * Makes {@link Fingerprint}s: SHA-256 (hex) of the argv and the caller's further command parts, and SHA-256 of the
 * compiler's id, version, target triple and sysroot and the caller's program stamps (a binary's size and
 * modification time, say). Every part is length-prefixed, so {@code ["-DA", "B"]} and {@code ["-D", "AB"]} differ.
 */
public final class Fingerprints {

    /** Bumped when what goes into a fingerprint changes, so old states rebuild once instead of matching wrongly. */
    private static final String VERSION = "cross-fingerprint-2";

    private Fingerprints() {
    }

    /**
     * @param options further parts of the command (a strip plan, a generator's outputs)
     * @param programs further parts of the compiler's identity (the programs' size and modification time)
     */
    public static Fingerprint of(List<String> argv, List<?> options, CompilerId id, List<?> programs) {
        MessageDigest command = sha256();
        add(command, VERSION);
        add(command, "argv:" + argv.size());
        argv.forEach(element -> add(command, element));
        addAll(command, "options:", options);

        MessageDigest compiler = sha256();
        add(compiler, VERSION);
        add(compiler, id.id());
        add(compiler, id.version());
        add(compiler, id.targetTriple());
        add(compiler, id.sysroot().map(Object::toString).orElse(""));
        addAll(compiler, "programs:", programs);
        return new Fingerprint(HexFormat.of().formatHex(command.digest()), HexFormat.of().formatHex(compiler.digest()));
    }

    private static void addAll(MessageDigest digest, String label, List<?> parts) {
        add(digest, label + parts.size());
        for (Object part : parts) {
            add(digest, part instanceof Optional<?> o ? o.map(String::valueOf).orElse("") : String.valueOf(part));
        }
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
