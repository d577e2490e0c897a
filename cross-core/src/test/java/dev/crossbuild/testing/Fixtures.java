package dev.crossbuild.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test data ({@code shared/fixtures/...}) that lives beside the repository, both in the
 * developer layout ({@code /work/wt/<name>} next to {@code /work/shared}) and on CI ({@code <ci>/main} next to
 * {@code <ci>/shared}): walks up from the working directory until a {@code shared/fixtures} folder is found.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** {@code shared/fixtures}. */
    public static Path root() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate.resolve("meson-cross"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures/meson-cross above " + start);
    }

    /** {@code shared/fixtures/meson-cross}, Meson's cross files and the empirical cases. */
    public static Path mesonCross() {
        return root().resolve("meson-cross");
    }

    /** A file or folder below {@code shared/fixtures/meson-cross}, e.g. {@code empirical/misc/constants.txt}. */
    public static Path mesonCross(String relative) {
        return mesonCross().resolve(relative);
    }
}
