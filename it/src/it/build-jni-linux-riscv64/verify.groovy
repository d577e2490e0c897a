// The shared checks of the build-jni-<preset> ITs (it/src/it/shared), with this preset's expectations.
expected = [
    classifier: 'linux-riscv64',
    cpuFamily : 'riscv64',
    bits      : 64,
    machine   : 'EM_RISCV',
    format    : 'ELF',
    floatAbi  : 'double',          // RV64GC, lp64d: EF_RISCV_FLOAT_ABI_DOUBLE
    binutils  : 'riscv64-linux-gnu-',
    run       : ['qemu-riscv64', '-L', '/usr/riscv64-linux-gnu'],
]
File checks = new File(basedir, '../../../src/it/shared/build-jni-checks.groovy')
assert checks.isFile() : "the shared checks are not at ${checks.canonicalPath}"
evaluate(checks)
