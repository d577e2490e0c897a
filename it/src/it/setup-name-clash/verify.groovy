// Name clashes: configuration errors of setup, naming both POM elements, before anything is compiled.
String whole = new File(basedir, 'build.log').text
int second = whole.indexOf('Scanning for projects', whole.indexOf('BUILD FAILURE'))
assert second > 0 : 'the first build did not fail, or the second did not run'
String first = whole.substring(0, second)
String files = whole.substring(second)

assert first.contains('[ERROR] Failed to execute goal dev.crossbuild:cross-maven-plugin:')
assert first.contains(':setup (default) on project setup-name-clash: Two <executable>s are named \'tool\' (the 1st ' +
        'and the 2nd of <executables>); give each <executable> a name of its own (a library and an executable may ' +
        'share one).')

assert files.contains(':setup (default) on project setup-name-clash: <library> foo (kind both, its shared library) ' +
        'and <library> foo (kind both, its static library) would both write the file libfoo.so (for linux/aarch64 ' +
        '(aarch64, little)); every output needs a file name of its own: change a <name>, <namePrefix> or <nameSuffix>.')

// nothing was compiled or written: setup stopped first
assert !whole.contains(' CC ')
assert !new File(basedir, 'target/cross/linux-aarch_64/setup.json').exists()
