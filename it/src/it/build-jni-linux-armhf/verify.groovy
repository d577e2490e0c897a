// The shared checks of the build-jni-<preset> ITs (it/src/it/shared), with this preset's expectations.
expected = [
    classifier: 'linux-arm_32',
    cpuFamily : 'arm',
    bits      : 32,
    machine   : 'EM_ARM',
    format    : 'ELF',
    floatAbi  : 'hard',            // Debian armhf: EF_ARM_ABI_FLOAT_HARD in every output
    binutils  : 'arm-linux-gnueabihf-',
    run       : ['qemu-arm', '-L', '/usr/arm-linux-gnueabihf'],
]
File checks = new File(basedir, '../../../src/it/shared/build-jni-checks.groovy')
assert checks.isFile() : "the shared checks are not at ${checks.canonicalPath}"
evaluate(checks)
