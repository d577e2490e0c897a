package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.toolchain.CompilerId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourcePathMapTest {

    private static final Path MODULE = Path.of("/work/app/native");
    private static final CompilerId GCC_12 = new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty());

    private static Map<Path, String> map(Object... pairs) {
        Map<Path, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Path.of((String) pairs[i]), (String) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void theModuleIsTheCurrentFolderAndFoldersInsideItNeedNothing() {
        SourcePathMap paths = SourcePathMap.of(MODULE, List.of(MODULE.resolve("target/cross/linux-aarch_64"),
                MODULE.resolve("target/generated-sources/cross-jni")));

        assertEquals(map("/work/app/native", "."), paths.replacements());
        assertEquals(List.of("-ffile-prefix-map=/work/app/native=."), paths.arguments(GCC_12));
    }

    @Test
    void theBuildRootIsTheWayUpSoSiblingModulesAreRelativeToo() {
        SourcePathMap paths = SourcePathMap.of(MODULE, Path.of("/work/app"), List.of(Path.of("/work/app/build/cross")));

        assertEquals(map("/work/app", "..", "/work/app/native", "."), paths.replacements(), "broadest first");
        assertEquals(List.of("-ffile-prefix-map=/work/app=..", "-ffile-prefix-map=/work/app/native=."),
                paths.arguments(GCC_12));
        assertEquals(map("/work/app/native", "."), SourcePathMap.of(MODULE, MODULE, List.of()).replacements());
        assertEquals(map("/work/app/native", "."), SourcePathMap.of(MODULE, Path.of("/elsewhere"), List.of())
                .replacements(), "a root the module is not in is no root of it");
    }

    @Test
    void aBuildFolderOutsideTheModuleAndTheRootBecomesItsOwnName() {
        SourcePathMap paths = SourcePathMap.of(MODULE, Path.of("/work/app"),
                List.of(Path.of("/scratch/builds/cross"), Path.of("/scratch/jni-headers"), Path.of("/work/x=y")));

        assertEquals(map("/scratch/jni-headers", "jni-headers", "/work/app", "..", "/scratch/builds/cross", "cross",
                "/work/app/native", "."), paths.replacements(), "a path with = cannot be mapped");
        assertEquals(List.of("-ffile-prefix-map=/scratch/jni-headers=jni-headers", "-ffile-prefix-map=/work/app=..",
                "-ffile-prefix-map=/scratch/builds/cross=cross", "-ffile-prefix-map=/work/app/native=."),
                paths.arguments(GCC_12));
    }

    @Test
    void theJdksIncludeFolderBecomesAFixedNameWhereverTheJdkIs() {
        SourcePathMap paths = SourcePathMap.of(MODULE, Path.of("/work/app"), List.of());

        assertEquals(map("/work/app", "..", "/usr/lib/jvm/java-17-openjdk-amd64/include", "jdk/include",
                "/work/app/native", "."), paths.with(Path.of("/usr/lib/jvm/java-17-openjdk-amd64/include"),
                        NativeCompiler.JDK_INCLUDE).replacements());
        assertEquals(List.of("-ffile-prefix-map=/work/app=..", "-ffile-prefix-map=/opt/java/include=jdk/include",
                "-ffile-prefix-map=/work/app/native=."),
                paths.with(Path.of("/opt/java/include"), NativeCompiler.JDK_INCLUDE).arguments(GCC_12));
        assertEquals(map(), SourcePathMap.NONE.with(Path.of("/opt/java/include"), "jdk/include").replacements(),
                "not reproducible: no map");
    }

    @Test
    void aPrivateSysrootBecomesItsOwnNameUnlessAMappedFolderHoldsIt() {
        SourcePathMap paths = SourcePathMap.of(MODULE, Path.of("/work/app"), List.of());
        Path sysroot = Path.of("/home/u/.cache/cross/sysroots/arm64-0123456789abcdef");

        assertEquals(map("/work/app", "..", "/home/u/.cache/cross/sysroots/arm64-0123456789abcdef",
                "arm64-0123456789abcdef", "/work/app/native", "."), paths.with(Optional.of(sysroot)).replacements());
        assertEquals(paths.replacements(), paths.with(Optional.of(MODULE.resolve("target/cache/arm64-1"))).replacements(),
                "inside the module: . maps it");
        assertEquals(paths.replacements(), paths.with(Optional.empty()).replacements());
        assertEquals(map(), SourcePathMap.NONE.with(Optional.of(sysroot)).replacements(), "not reproducible: no map");
        assertEquals(paths.replacements(), paths.with(Optional.of(Path.of("/"))).replacements(), "never the root");
        assertEquals(paths.replacements(), paths.with(Optional.of(Path.of("/c/x=y"))).replacements(),
                "= cannot be in an option's folder");
    }

    @Test
    void theFileSystemRootIsNeverMapped() {
        assertEquals(map("/work/app/native", "."), SourcePathMap.of(MODULE, Path.of("/"), List.of()).replacements());
        assertEquals(map(), SourcePathMap.of(Path.of("/"), List.of()).replacements());
    }

    @Test
    void olderCompilersGetTheDebugOnlyOptionAndOthersNone() {
        SourcePathMap paths = SourcePathMap.of(MODULE, List.of());

        assertEquals(List.of("-fdebug-prefix-map=/work/app/native=."),
                paths.arguments(new CompilerId("gcc", "7.5.0", "x86_64-linux-gnu", Optional.empty())));
        assertEquals(List.of("-ffile-prefix-map=/work/app/native=."),
                paths.arguments(new CompilerId("gcc", "8.1.0", "x86_64-linux-gnu", Optional.empty())));
        assertEquals(List.of("-ffile-prefix-map=/work/app/native=."),
                paths.arguments(new CompilerId("gcc", "12-posix", "x86_64-w64-mingw32", Optional.empty())));
        assertEquals(List.of("-fdebug-prefix-map=/work/app/native=."),
                paths.arguments(new CompilerId("clang", "9.0.1", "aarch64-unknown-linux-gnu", Optional.empty())));
        assertEquals(List.of("-ffile-prefix-map=/work/app/native=."),
                paths.arguments(new CompilerId("clang", "14.0.6", "aarch64-unknown-linux-gnu", Optional.empty())));
        assertEquals(List.of("-fdebug-prefix-map=/work/app/native=."),
                paths.arguments(new CompilerId("gcc", "unknown", "x86_64-linux-gnu", Optional.empty())));
        assertEquals(List.of(), paths.arguments(new CompilerId("tcc", "0.9.27", "x86_64-linux-gnu", Optional.empty())));
        assertEquals(List.of(), SourcePathMap.NONE.arguments(GCC_12));
    }
}
