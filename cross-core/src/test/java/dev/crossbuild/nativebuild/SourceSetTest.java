package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.toolchain.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSetTest {

    @TempDir
    Path dir;

    private void touch(String... relatives) throws Exception {
        for (String relative : relatives) {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
    }

    private static NativeTarget target(List<Path> folders, List<String> includes, List<String> excludes) {
        return NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY).sourceDirectories(folders).includes(includes)
                .excludes(excludes).build();
    }

    private static List<String> names(List<SourceFile> sources) {
        return sources.stream().map(s -> s.relativeName() + ":" + s.language()).toList();
    }

    @Test
    void defaultIncludesEveryCAndCppSourceSortedByRelativePath() throws Exception {
        touch("c/z.c", "c/a.cc", "c/sub/b.cpp", "c/sub/c.cxx", "c/x.h", "c/sub/y.hpp", "c/README", "c/B.c");

        List<SourceFile> sources = SourceSet.of(target(List.of(dir.resolve("c")), List.of(), List.of()));

        assertEquals(List.of("B.c:C", "a.cc:CPP", "sub/b.cpp:CPP", "sub/c.cxx:CPP", "z.c:C"), names(sources));
        assertEquals(dir.resolve("c/sub/b.cpp"), sources.get(2).path());
        assertEquals(Path.of("sub/b.cpp"), sources.get(2).relative());
    }

    @Test
    void assemblyIsTheCCompilersAndOnlyPlainAssemblyIsNotPreprocessed() throws Exception {
        touch("c/a.S", "c/b.s", "c/c.sx", "c/d.asm", "c/e.c");

        List<SourceFile> sources = SourceSet.of(target(List.of(dir.resolve("c")), List.of(), List.of()));

        assertEquals(List.of("a.S:C", "b.s:C", "c.sx:C", "e.c:C"), names(sources), ".asm is nasm's, not gcc's");
        assertEquals(List.of(true, true, true, false), sources.stream().map(f -> SourceSet.isAssembly(f.path()))
                .toList());
        assertEquals(List.of(true, false, true, true), sources.stream().map(f -> SourceSet.preprocessed(f.path()))
                .toList());
    }

    @Test
    void aLinkedSourceFileIsASourceAndADanglingLinkIsNot() throws Exception {
        touch("shared/common.c", "c/own.c");
        Files.createSymbolicLink(dir.resolve("c/common.c"), dir.resolve("shared/common.c"));
        Files.createSymbolicLink(dir.resolve("c/gone.c"), dir.resolve("shared/gone.c"));

        List<SourceFile> sources = SourceSet.of(target(List.of(dir.resolve("c")), List.of(), List.of()));

        assertEquals(List.of("common.c:C", "own.c:C"), names(sources));
    }

    @Test
    void aSourceFolderThatIsALinkIsWalkedAndALoopIsPassedOver() throws Exception {
        touch("vendor/zlib-1.3/adler32.c", "vendor/zlib-1.3/test/example.c", "c/own.c");
        // The module's source folder is a link to vendored sources; one of its folders links back up the tree.
        Files.createSymbolicLink(dir.resolve("zlib"), dir.resolve("vendor/zlib-1.3"));
        Files.createSymbolicLink(dir.resolve("vendor/zlib-1.3/test/up"), dir.resolve("vendor/zlib-1.3"));
        Files.createSymbolicLink(dir.resolve("c/contrib"), dir.resolve("vendor/zlib-1.3/test"));

        List<SourceFile> linked = SourceSet.of(target(List.of(dir.resolve("zlib")), List.of(), List.of()));
        List<SourceFile> inside = SourceSet.of(target(List.of(dir.resolve("c")), List.of(), List.of()));

        assertEquals(List.of("adler32.c:C", "test/example.c:C"), names(linked));
        assertEquals(dir.resolve("zlib/test/example.c"), linked.get(1).path(), "the path through the link");
        // From c/, up/ leads to a folder that is not above it on this path: walked once (then test/ is the loop).
        assertEquals(List.of("contrib/example.c:C", "contrib/up/adler32.c:C", "own.c:C"), names(inside));
        assertEquals(java.util.Set.of(Language.C), SourceSet.languagesIn(List.of(dir.resolve("zlib"),
                dir.resolve("missing"))));
    }

    @Test
    void languagesAreThoseOfTheSourcesTheTargetCompilesAndMissingFoldersArePassedOver() throws Exception {
        touch("c/a.c", "c/contrib/extra.cpp", "c/contrib/more.cc");

        assertEquals(java.util.Set.of(Language.C), SourceSet.languages(target(List.of(dir.resolve("c"),
                dir.resolve("missing")), List.of(), List.of("contrib/**"))));
        assertEquals(java.util.Set.of(Language.C, Language.CPP), SourceSet.languages(target(List.of(dir.resolve("c")),
                List.of(), List.of())));
        assertEquals(java.util.Set.of(), SourceSet.languages(target(List.of(dir.resolve("missing")), List.of(),
                List.of())));
    }

    @Test
    void targetsSharingAFolderListItOnceAndEachKeepsItsOwnSources() throws Exception {
        touch("c/lib.c", "c/main.c", "c/tool.cpp");
        NativeTarget library = target(List.of(dir.resolve("c")), List.of(), List.of("main.c", "tool.cpp"));
        NativeTarget program = target(List.of(dir.resolve("c")), List.of("main.c"), List.of());
        java.util.Map<Path, List<SourceFile>> listings = new java.util.HashMap<>();

        assertEquals(List.of("lib.c:C"), names(SourceSet.of(library, listings)));
        assertEquals(List.of("main.c:C"), names(SourceSet.of(program, listings)));
        assertEquals(java.util.Set.of(dir.resolve("c")), listings.keySet());
        assertEquals(java.util.Set.of(Language.C), SourceSet.languages(List.of(library, program)));
        assertEquals(java.util.Set.of(Language.C, Language.CPP), SourceSet.languages(List.of(library, program,
                target(List.of(dir.resolve("c")), List.of("*.cpp"), List.of()))));
    }

    @Test
    void includeAndExcludeGlobsAreRelativeToTheFolder() throws Exception {
        touch("c/a.c", "c/sub/b.c", "c/sub/deep/c.c", "c/test/t.c", "c/d.cpp");

        List<SourceFile> sources = SourceSet.of(target(List.of(dir.resolve("c")), List.of("**/*.c"), List.of("test/**")));

        assertEquals(List.of("a.c:C", "sub/b.c:C", "sub/deep/c.c:C"), names(sources));
        assertEquals(List.of("a.c:C"), names(SourceSet.of(target(List.of(dir.resolve("c")), List.of("*.c"), List.of()))));
        assertEquals(List.of("a.c:C", "d.cpp:CPP"), names(SourceSet.of(target(List.of(dir.resolve("c")),
                List.of("*.{c,cpp}"), List.of()))));
        assertEquals(List.of("sub/b.c:C", "sub/deep/c.c:C"), names(SourceSet.of(target(List.of(dir.resolve("c")),
                List.of("sub/"), List.of()))));
    }

    @Test
    void foldersKeepTheirOrderAndAFileIsListedOnce() throws Exception {
        touch("b/z.c", "a/y.c", "a/sub/x.c");

        List<SourceFile> sources = SourceSet.of(target(List.of(dir.resolve("b"), dir.resolve("a"), dir.resolve("a/sub")),
                List.of(), List.of()));

        assertEquals(List.of("z.c:C", "sub/x.c:C", "y.c:C"), names(sources));
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        SourceSetException e = assertThrows(SourceSetException.class,
                () -> SourceSet.of(target(List.of(dir.resolve("nope")), List.of(), List.of())));

        assertEquals("library 'demo': source folder " + dir.resolve("nope") + " does not exist; create it, or fix "
                + "the <sourceDirectory> of this target", e.getMessage());
        assertEquals(dir.resolve("nope"), e.path());
        assertEquals("demo", e.target());
    }

    @Test
    void sourcesWithTheSameRelativePathInTwoFoldersGoUnderTheirFoldersPositionAndName() throws Exception {
        touch("lib/common/util.c", "lib/compress/util.c", "lib/compress/zstd.c");

        List<SourceFile> sources = SourceSet.of(target(List.of(dir.resolve("lib/common"), dir.resolve("lib/compress")),
                List.of(), List.of()));

        assertEquals(List.of("1-common/util.c:C", "2-compress/util.c:C", "zstd.c:C"), names(sources),
                "only the two that would share an object");
        assertEquals(dir.resolve("lib/compress/util.c"), sources.get(1).path());
    }

    @Test
    void sourcesThatWouldStillShareAnObjectAreAnError() throws Exception {
        // a/util.c and b/util.c become 1-a/util.c and 2-b/util.c, which a third folder holds as they are
        touch("a/util.c", "b/util.c", "c/1-a/util.c");

        SourceSetException e = assertThrows(SourceSetException.class, () -> SourceSet.of(target(List.of(
                dir.resolve("a"), dir.resolve("b"), dir.resolve("c")), List.of(), List.of())));

        assertEquals("library 'demo': " + dir.resolve("a/util.c") + " and " + dir.resolve("c/1-a/util.c") + " both "
                + "have the relative path 1-a/util.c and would compile to the same object; rename one, or put them in "
                + "different targets", e.getMessage());
    }

    @Test
    void languagesComeFromTheSuffix() {
        assertEquals(Language.C, SourceSet.language(Path.of("a.c")).orElseThrow());
        assertEquals(Language.CPP, SourceSet.language(Path.of("a.cc")).orElseThrow());
        assertEquals(Language.CPP, SourceSet.language(Path.of("a.CPP")).orElseThrow());
        assertEquals(true, SourceSet.language(Path.of("a.h")).isEmpty());
        assertEquals(true, SourceSet.language(Path.of(".c")).isEmpty());
    }
}
