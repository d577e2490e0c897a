// The shared checks of the build-jni-* ITs (it/src/it/shared) for the build machine, plus the JUnit tests that
// loaded libdemo.so into the JVM: from java.library.path (DemoTest) and out of the attached jar (LoadFromJarTest).
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

def reports = ['DemoTest': 2, 'LoadFromJarTest': 2]
reports.each { name, count ->
    File report = new File(basedir, "target/surefire-reports/TEST-dev.crossbuild.it.demo.${name}.xml")
    assert report.isFile() : "surefire did not run ${name}"
    def suite = new groovy.xml.XmlSlurper().parse(report)
    assert suite.@tests.toInteger() == count
    assert suite.@failures.toInteger() == 0
    assert suite.@errors.toInteger() == 0
    assert suite.@skipped.toInteger() == 0
}
assert new File(basedir, 'build.log').text.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
true
