package dev.crossbuild.jni;

import java.nio.file.Path;

/** The Java installation that runs the build has no {@code include/jni.h}: a JRE, or a stripped-down JDK image. */
public final class JdkHeadersNotFoundException extends JniException {

    private static final long serialVersionUID = 1L;

    private static final String REMEDY = "Run Maven with a JDK, not a JRE, or set JAVA_HOME to a JDK"
            + " (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless).";

    private final transient Path javaHome;
    private final transient Path expected;

    public JdkHeadersNotFoundException(Path javaHome, Path expected) {
        super("Cannot compile JNI code: " + expected + " does not exist, so the Java installation at " + javaHome
                + " is not a full JDK. " + REMEDY, javaHome.toString(), REMEDY);
        this.javaHome = javaHome;
        this.expected = expected;
    }

    /** The Java home that was searched. */
    public Path javaHome() {
        return javaHome;
    }

    /** Where {@code jni.h} should have been. */
    public Path expected() {
        return expected;
    }
}
