// The shared checks of the build-jni-<preset> ITs (it/src/it/shared), with this preset's expectations.
expected = [
    classifier: 'windows-x86_64',
    cpuFamily : 'x86_64',
    bits      : 64,
    machine   : 'AMD64',
    format    : 'PE',
    binutils  : 'x86_64-w64-mingw32-',
    // the C++ runtime is linked statically (the POM's linkerArgs): only Windows' own DLLs and demo.dll remain
    exeImports: ['KERNEL32.dll', 'msvcrt.dll', 'demo.dll'],
    // demo.dll is found beside demo-cli.exe in bin/. A throw-away Wine prefix under target/ (Wine creates it on
    // the first start, which takes a few seconds) keeps ~/.wine out of it.
    run       : ['wine'],
    env       : [WINEDEBUG: '-all', WINEPREFIX: new File(basedir, 'target/wine').path],
]
File checks = new File(basedir, '../../../src/it/shared/build-jni-checks.groovy')
assert checks.isFile() : "the shared checks are not at ${checks.canonicalPath}"
evaluate(checks)
