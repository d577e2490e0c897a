// riscv64 failed to compile; aarch64 and windows still compiled and linked (a target's failure stops no other), and
// the goal failed naming the failed target with its first error, as a user error (no stack trace).
String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] set up 3 targets: linux-aarch_64, linux-riscv64, win64')
assert log.contains('BUILD FAILURE')
for (String c : ['linux-aarch_64', 'win64']) { // win64: the classifier its <target> entry names
    assert log.contains("[INFO] [${c}] compiled 1 of 1 sources (0 up to date)") : c
    assert log.contains("[INFO] [${c}] linked 1 of 1 outputs (0 up to date)") : c
    assert new File(basedir, "target/cross/${c}/outputs.json").isFile() : c
}
assert log.contains(':compile (default) on project multi-target-one-fails: 1 of 3 targets failed (linux-riscv64); '
        + 'the others finished:\n[ERROR] [linux-riscv64] 1 source of 1 failed to compile\n[ERROR] [linux-riscv64] '
        + 'src/main/c/demo.c: riscv64-linux-gnu-gcc exited with 1:')
assert log.contains('demo does not support riscv yet')
assert log.contains('/MojoFailureException')
assert !log.contains('\tat ') && !log.contains('Caused by')
assert !new File(basedir, 'target/cross/linux-riscv64/obj/library/demo/demo.c.o').exists()
true
