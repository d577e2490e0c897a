package dev.crossbuild.sysroot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the absolute symbolic links of an unpacked tree relative to the tree: Debian's
 * {@code usr/lib/aarch64-linux-gnu/libz.so -> /lib/aarch64-linux-gnu/libz.so.1.2.13} would otherwise name the build
 * machine's file (absent, or of another architecture); it becomes {@code ../../../lib/aarch64-linux-gnu/libz.so.1.2.13}.
 * A link whose target is not in the tree either points into the tree all the same, dangling rather than into the
 * build machine.
 */
final class SymbolicLinks {

    private SymbolicLinks() {
    }

    static void relativize(Path root) throws IOException {
        List<Path> links = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isSymbolicLink).forEach(links::add);
        }
        for (Path link : links) {
            Path target = Files.readSymbolicLink(link);
            if (!target.isAbsolute()) {
                continue;
            }
            Path inTree = root.resolve(target.getRoot().relativize(target)).normalize();
            Path relative = link.getParent().relativize(inTree);
            Files.delete(link);
            Files.createSymbolicLink(link, relative);
        }
    }
}
