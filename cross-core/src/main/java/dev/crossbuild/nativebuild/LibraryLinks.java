package dev.crossbuild.nativebuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The symbolic links of a versioned shared library ({@code libz.so.1 -> libz.so.1.3.1}, {@code libz.so ->
 * libz.so.1}), each relative (it names a file in its own folder, so the folder can move). Made after the library is in
 * place, and again whenever one is missing or points elsewhere; a link that exists and is right is left alone. Where
 * the file system has no symbolic links, the alias is a copy of the library.
 */
final class LibraryLinks {

    private LibraryLinks() {
    }

    static void make(LinkCommand command) throws IOException {
        make(command.output(), command.aliases());
    }

    /**
     * The {@code aliases} of {@code file} beside it. A copy made where there are no symbolic links keeps the library's
     * time, and is left alone while size and time still match it, so that what links against it is not linked again.
     */
    static void make(Path file, List<OutputNames.Alias> aliases) throws IOException {
        for (OutputNames.Alias alias : aliases) {
            Path link = file.resolveSibling(alias.name());
            Path target = Path.of(alias.target());
            if (Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).equals(target)
                    : sameCopy(link, link.resolveSibling(target))) {
                continue;
            }
            Files.deleteIfExists(link);
            try {
                Files.createSymbolicLink(link, target);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(link.resolveSibling(target), link, StandardCopyOption.COPY_ATTRIBUTES);
            }
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("could not make " + link + " -> " + target);
            }
        }
    }

    private static boolean sameCopy(Path copy, Path original) throws IOException {
        return Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(original)
                && Files.size(copy) == Files.size(original)
                && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(original));
    }
}
