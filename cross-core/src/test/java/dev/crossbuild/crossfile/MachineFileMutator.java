package dev.crossbuild.crossfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of machine files for {@link MachineFileFuzzTest}: byte flips, interesting bytes (NUL, CR, high
 * bytes, quotes, brackets ...), line edits (delete, duplicate, swap, indent, take from another file), token splices,
 * nested brackets and long repetitions near and over the parser limits, doubling constants, truncation, random bytes.
 * The text is handled as ISO-8859-1, one char per byte, so every byte survives a text edit unchanged. The same
 * {@link Random} gives the same mutant.
 */
final class MachineFileMutator {

    private static final byte[] INTERESTING = bytes("\0\r\n\t '\"[](){},+/=#;:@\\~-.*!?$%", 0x7f, 0x80, 0xa0, 0xbf,
            0xc0, 0xc2, 0xc3, 0xe2, 0xef, 0xfe, 0xff, 0x1b, 0x0b, 0x0c);
    private static final Pattern TOKEN = Pattern.compile("'''.*?'''|'[^'\\n]*'|[\\[\\](),+/=]|[A-Za-z_][A-Za-z0-9_]*"
            + "|\\d+|@[A-Z_]+@", Pattern.DOTALL);
    private static final int[] NESTING = {1, 2, 5, 31, 32, 33, 100, 500, 2_000, 10_000};
    private static final int[] REPEATS = {2, 3, 10, 100, 1_000, 4_999, 5_001, 10_000};
    private static final String[] VALUES = {"'x'", "''", "'a' + 'b'", "'a' / 'b'", "'/a' / '/b'", "['a', 'b',]", "[]",
        "true", "false", "True", "0x10", "0o17", "0b101", "010", "1.5", "-1", "42", "~ / 'x'", "f'x'", "'''x'''",
        "'''a\n  b'''", "\"x\"", "x", "x.y", "{'a': 'b'}", "'a' 'b'", "('a')", "('a'", "'a'  # c", "'a' ; c", "[",
        "]", "'it\\'s'", "'C:\\dir'", "['a', 1]", "[['a']]", "'@DIRNAME@' / 'x'", "'@GLOBAL_SOURCE_ROOT@'", "",
        "c + 'x'", "'a' +\n  'b'", "[\n  'a',\n\n  'b']", "'x' + ['y']", "1 + 2", "not true", "f('x')", "'a'[0]"};
    private static final String[] LINES = {"[constants]", "[binaries]", "[properties]", "[host_machine]",
        "[target_machine]", "[build_machine]", "[built-in options]", "[project options]", "[sub:built-in options]",
        "[a:b:built-in options]", "[cmake]", "[paths]", "[DEFAULT]", "[]", "[ binaries ]", "[binaries] x", "[binaries",
        "x = 1", "= 'x'", "key", "key: 'v'", "  continued", "'''", "@DIRNAME@ = 'x'", "c = 'gcc'", "cpu = 'x86_64'",
        "endian = 'big'", "endian = 'middle'", "system = 'windows'", "subsystem = 'ios'", "kernel = 'linux'",
        "cpu_family = 'arm64'", "needs_exe_wrapper = 'yes'", "needs_exe_wrapper = true", "exe_wrapper = 'wine'",
        "pkgconfig = 'pkg-config'", "c_args = ['-O2',", "  '-g']", "sub:c_std = 'c99'", "my key = 'x'", "# comment",
        "; comment", "  # indented comment", "strip =", "x = 'a\\", ""};

    private final List<byte[]> corpus;
    private final Random random;
    private final List<String> applied = new ArrayList<>();

    MachineFileMutator(List<byte[]> corpus, Random random) {
        this.corpus = corpus;
        this.random = random;
    }

    /** One to four mutations of {@code seed}; {@link #applied()} names them, for the failure report. */
    byte[] mutate(byte[] seed) {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            text = mutateOnce(text);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    List<String> applied() {
        return applied;
    }

    private String mutateOnce(String text) {
        int operator = random.nextInt(22);
        String name = switch (operator) {
            case 0, 1 -> "flip a bit";
            case 2, 3 -> "set an interesting byte";
            case 4 -> "insert bytes";
            case 5 -> "delete bytes";
            case 6 -> "delete a line";
            case 7 -> "duplicate a line";
            case 8 -> "swap two lines";
            case 9 -> "take a line from another file";
            case 10 -> "insert an interesting line";
            case 11, 12 -> "splice a token";
            case 13, 14 -> "replace a value";
            case 15 -> "nest a value in brackets";
            case 16 -> "repeat a token";
            case 17 -> "indent a line";
            case 18 -> "change line endings";
            case 19 -> "insert doubling constants";
            case 20 -> "truncate";
            default -> random.nextInt(50) == 0 ? "blow the file past the size limit" : "random bytes";
        };
        applied.add(name);
        return switch (operator) {
            case 0, 1 -> at(text, (pos, t) -> replaceAt(t, pos, (char) (t.charAt(pos) ^ (1 << random.nextInt(8)))));
            case 2, 3 -> at(text, (pos, t) -> replaceAt(t, pos, interesting()));
            case 4 -> insert(text, random.nextInt(text.length() + 1), randomBytes(1 + random.nextInt(8)));
            case 5 -> at(text, (pos, t) -> t.substring(0, pos) + t.substring(Math.min(t.length(),
                    pos + 1 + random.nextInt(16))));
            case 6 -> lines(text, lines -> lines.remove(random.nextInt(lines.size())));
            case 7 -> lines(text, lines -> {
                int i = random.nextInt(lines.size());
                lines.add(i, lines.get(i));
            });
            case 8 -> lines(text, lines -> Collections.swap(lines, random.nextInt(lines.size()),
                    random.nextInt(lines.size())));
            case 9 -> lines(text, lines -> lines.add(random.nextInt(lines.size() + 1), randomLine()));
            case 10 -> lines(text, lines -> lines.add(random.nextInt(lines.size() + 1),
                    LINES[random.nextInt(LINES.length)]));
            case 11, 12 -> spliceToken(text);
            case 13, 14 -> replaceValue(text, VALUES[random.nextInt(VALUES.length)]);
            case 15 -> nest(text);
            case 16 -> repeatToken(text);
            case 17 -> lines(text, lines -> {
                int i = random.nextInt(lines.size());
                String line = lines.get(i);
                lines.set(i, random.nextBoolean() ? " ".repeat(1 + random.nextInt(4)) + line
                        : random.nextBoolean() ? "\t" + line : line.stripLeading());
            });
            case 18 -> random.nextBoolean() ? text.replace("\n", random.nextBoolean() ? "\r\n" : "\r")
                    : at(text, (pos, t) -> insert(t, pos, "\r"));
            case 19 -> doublingConstants(text);
            case 20 -> text.substring(0, random.nextInt(text.length() + 1));
            default -> name.startsWith("blow") ? text + ("# " + "x".repeat(98) + "\n").repeat(10_600)
                    : random.nextInt(10) == 0 ? randomBytes(random.nextInt(400))
                    : insert(text, random.nextInt(text.length() + 1), randomBytes(random.nextInt(64)));
        };
    }

    private interface Edit {
        String apply(int pos, String text);
    }

    private interface LineEdit {
        void apply(List<String> lines);
    }

    private String at(String text, Edit edit) {
        return text.isEmpty() ? text : edit.apply(random.nextInt(text.length()), text);
    }

    private static String lines(String text, LineEdit edit) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        edit.apply(lines);
        return lines.isEmpty() ? "" : String.join("\n", lines);
    }

    private String spliceToken(String text) {
        List<String> tokens = tokens(randomFile());
        if (tokens.isEmpty() || text.isEmpty()) {
            return text;
        }
        String token = tokens.get(random.nextInt(tokens.size()));
        List<int[]> own = spans(text);
        if (!own.isEmpty() && random.nextBoolean()) {
            int[] span = own.get(random.nextInt(own.size()));
            return text.substring(0, span[0]) + token + text.substring(span[1]);
        }
        int pos = random.nextInt(text.length() + 1);
        return insert(text, pos, (random.nextBoolean() ? " " : "") + token + (random.nextBoolean() ? " " : ""));
    }

    /** Replaces what follows the {@code =} of a random key line. */
    private String replaceValue(String text, String value) {
        return lines(text, lines -> {
            List<Integer> keyLines = keyLines(lines);
            if (!keyLines.isEmpty()) {
                int i = keyLines.get(random.nextInt(keyLines.size()));
                String line = lines.get(i);
                lines.set(i, line.substring(0, line.indexOf('=') + 1) + " " + value);
            }
        });
    }

    private String nest(String text) {
        int depth = NESTING[random.nextInt(NESTING.length)];
        boolean brackets = random.nextBoolean();
        String open = brackets ? "[" : "(";
        String close = brackets ? "]" : ")";
        return lines(text, lines -> {
            List<Integer> keyLines = keyLines(lines);
            if (!keyLines.isEmpty()) {
                int i = keyLines.get(random.nextInt(keyLines.size()));
                String line = lines.get(i);
                int equals = line.indexOf('=');
                lines.set(i, line.substring(0, equals + 1) + " " + open.repeat(depth)
                        + line.substring(equals + 1).strip() + close.repeat(depth));
            }
        });
    }

    private String repeatToken(String text) {
        int times = REPEATS[random.nextInt(REPEATS.length)];
        List<String> tokens = tokens(text);
        String token = random.nextInt(4) == 0 || tokens.isEmpty() ? "@DIRNAME@"
                : tokens.get(random.nextInt(tokens.size()));
        String separator = switch (random.nextInt(4)) {
            case 0 -> " + ";
            case 1 -> " / ";
            case 2 -> ", ";
            default -> "";
        };
        String repeated = String.join(separator, Collections.nCopies(times, token));
        if (random.nextBoolean()) {
            return replaceValue(text, random.nextBoolean() ? repeated : "'" + repeated + "'");
        }
        return insert(text, random.nextInt(text.length() + 1), repeated);
    }

    private String doublingConstants(String text) {
        int count = new int[] {3, 13, 14, 15, 16, 20, 40}[random.nextInt(7)];
        StringBuilder block = new StringBuilder("[constants]\nd0 = " + (random.nextBoolean() ? "'abcdefghij'"
                : "['a', 'b']") + "\n");
        char operator = random.nextInt(3) == 0 ? '/' : '+';
        for (int i = 1; i <= count; i++) {
            block.append('d').append(i).append(" = d").append(i - 1).append(' ').append(operator).append(" d")
                    .append(i - 1).append('\n');
        }
        return text.contains("[constants]") ? text.replace("[constants]", block.toString().strip())
                : block + text;
    }

    private static List<Integer> keyLines(List<String> lines) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.indexOf('=') > 0 && !line.startsWith("#") && !line.startsWith(";") && !line.startsWith("[")) {
                result.add(i);
            }
        }
        return result;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    private String randomFile() {
        return new String(corpus.get(random.nextInt(corpus.size())), StandardCharsets.ISO_8859_1);
    }

    private String randomLine() {
        String[] lines = randomFile().split("\n", -1);
        return lines[random.nextInt(lines.length)];
    }

    private char interesting() {
        return (char) (INTERESTING[random.nextInt(INTERESTING.length)] & 0xFF);
    }

    private String randomBytes(int count) {
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            bytes.append(random.nextBoolean() ? interesting() : (char) random.nextInt(256));
        }
        return bytes.toString();
    }

    private static String insert(String text, int pos, String inserted) {
        return text.substring(0, pos) + inserted + text.substring(pos);
    }

    private static String replaceAt(String text, int pos, char c) {
        return text.substring(0, pos) + c + text.substring(pos + 1);
    }

    private static byte[] bytes(String ascii, int... more) {
        byte[] result = new byte[ascii.length() + more.length];
        for (int i = 0; i < ascii.length(); i++) {
            result[i] = (byte) ascii.charAt(i);
        }
        for (int i = 0; i < more.length; i++) {
            result[ascii.length() + i] = (byte) more[i];
        }
        return result;
    }
}
