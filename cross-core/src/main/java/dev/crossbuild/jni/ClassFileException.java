package dev.crossbuild.jni;

/** A file under the classes folder (or on the class path) that is not a readable class file. */
public final class ClassFileException extends JniException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public ClassFileException(String file, String problem) {
        super(file + ": " + problem, file, null);
        this.file = file;
        this.problem = problem;
    }

    /** The class file, as a path or {@code jar!/entry}. */
    public String file() {
        return file;
    }

    /** The message without the file. */
    public String problem() {
        return problem;
    }
}
