// The shared checks of the build-jni-* ITs (it/src/it/shared) for the build machine, plus the JUnit test that
// loaded libdemo.so into the JVM.
expected = [
    classifier: 'linux-x86_64',
    cpuFamily : 'x86_64',
    bits      : 64,
    machine   : 'EM_X86_64',
    format    : 'ELF',
    floatAbi  : null,
    binutils  : '',
    run       : [],     // no exe_wrapper: the build machine runs its own programs
]
File checks = new File(basedir, '../../../src/it/shared/build-jni-checks.groovy')
assert checks.isFile() : "the shared checks are not at ${checks.canonicalPath}"
evaluate(checks)

File report = new File(basedir, 'target/surefire-reports/TEST-dev.crossbuild.it.demo.DemoTest.xml')
assert report.isFile() : 'surefire did not run DemoTest'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 2
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0
assert suite.@skipped.toInteger() == 0
assert new File(basedir, 'build.log').text.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
true
