package dev.crossbuild.json;

/** Text that is not JSON: where (1-based line and column, 0-based offset) and what was expected there. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final int offset;

    public JsonException(int line, int column, int offset, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int offset() {
        return offset;
    }
}
