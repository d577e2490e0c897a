// The shared checks of the build-jni-<preset> ITs (it/src/it/shared), with this preset's expectations.
expected = [
    classifier: 'linux-aarch_64',
    cpuFamily : 'aarch64',
    bits      : 64,
    machine   : 'EM_AARCH64',
    format    : 'ELF',
    floatAbi  : null,
    binutils  : 'aarch64-linux-gnu-',
    // -L: qemu loads the dynamic loader and libc from the cross sysroot; libdemo.so is found by the run path
    run       : ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'],
]
File checks = new File(basedir, '../../../src/it/shared/build-jni-checks.groovy')
assert checks.isFile() : "the shared checks are not at ${checks.canonicalPath}"
evaluate(checks)

// <symbolVisibility>hidden</symbolVisibility> on libdemo: what the code marks for export (JNIEXPORT, DEMO_API) is in
// the dynamic symbol table, demo_sum (no mark) is not.
String dynamicSymbols = ['llvm-nm', '-D', '--defined-only',
        new File(basedir, 'target/cross/linux-aarch_64/lib/libdemo.so').path].execute().text
assert dynamicSymbols =~ /(?m) T Java_dev_crossbuild_it_demo_Demo_add$/ : dynamicSymbols
assert dynamicSymbols =~ /(?m) T demo_add$/ : dynamicSymbols
assert !dynamicSymbols.contains('demo_sum') : dynamicSymbols
