package dev.crossbuild.toolchain;

import dev.crossbuild.crossfile.Value;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sysroot layout: {@code [properties] sys_root} and the sysroot each compiler uses must be directories; and
 * clang must not be given the Debian cross directory {@code /usr/<triple>} as {@code --sysroot}: its
 * {@code lib/libc.so} is a linker script naming absolute paths, which then get the sysroot prefixed
 * ({@code ld.lld: error: ...libc.so:5: cannot find /usr/aarch64-linux-gnu/lib/libc.so.6 inside /usr/aarch64-linux-gnu}).
 */
final class SysrootCheck {

    private SysrootCheck() {
    }

    static List<Finding> check(MachineSetup setup, List<Compiler> compilers) {
        List<Finding> findings = new ArrayList<>();
        Optional<Value> sysRoot = setup.property("sys_root");
        if (sysRoot.isPresent() && sysRoot.get() instanceof Value.Str s) {
            String origin = setup.origin("properties", "sys_root");
            if (isDirectory(s.value())) {
                findings.add(Finding.ok("sys-root", "sys_root", s.value() + " (" + origin + ")"));
            } else {
                findings.add(Finding.error("sys-root", "sys_root", s.value() + " (" + origin + ") is not a directory",
                        Optional.of("correct or remove sys_root at " + setup.fileToEdit("properties", "sys_root"))));
            }
        }
        for (Compiler compiler : compilers) {
            Optional<Path> sysroot = compiler.id().sysroot();
            String id = "sysroot." + compiler.language().binaryKey();
            String subject = compiler.language().displayName() + " compiler sysroot";
            if (sysroot.isPresent() && !Files.isDirectory(sysroot.get())) {
                findings.add(Finding.error(id, subject, LibraryChecks.shortName(compiler) + " uses the sysroot "
                        + sysroot.get() + ", which is not a directory", Optional.of("install the sysroot there or "
                        + "correct --sysroot in " + compiler.tool().origin())));
            } else if (compiler.id().isClang() && sysroot.isPresent()
                    && sysroot.get().normalize().toString().equals("/usr/" + compiler.id().targetTriple()
                            .replace("-unknown-", "-"))) {
                findings.add(Finding.warning(id, subject, "clang with --sysroot=" + sysroot.get() + " cannot link "
                        + "against the Debian cross libc, whose libc.so names absolute paths",
                        Optional.of("remove --sysroot: clang finds the Debian cross libc by itself")));
            }
        }
        return findings;
    }

    private static boolean isDirectory(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
