// Without exe_wrapper the aarch64 tests cannot run on this x86_64 machine: they are built (never started
// directly), reported not run with the reason and the wrapper to add, and the build passes; unless
// cross.test.requireRun is set (the second invocation).
String both = new File(basedir, 'build.log').text
int second = both.indexOf('Scanning for projects...', both.indexOf('Scanning for projects...') + 1)
assert second > 0 : 'two invocations'
String log = both.substring(0, second)
String required = both.substring(second)
assert log.contains('BUILD SUCCESS')
assert log.contains("[WARNING] Not running 2 native tests: linux/aarch64 programs cannot run on this linux/x86_64 "
        + "machine, and the cross file sets no [binaries] exe_wrapper. To run them, add exe_wrapper = "
        + "['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] to [binaries] of the cross file (sudo apt-get install "
        + "qemu-user).")
assert log.contains('[INFO] NOT RUN test_mix')
assert log.contains('[INFO] NOT RUN test_skip')
assert log.contains('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 2')
assert !log.contains('PASS ') && !log.contains('FAIL ')
assert new File(basedir, 'target/cross/linux-aarch_64/test/bin/test_mix').isFile() : 'the tests are still built'

/** The JUnit XML report of one native test: exists, parses, and has Surefire's shape. */
def report(String classifier, String test) {
    File file = new File(basedir, "target/surefire-reports/TEST-cross.${classifier}.${test}.xml")
    assert file.isFile() : "no report ${file}"
    def suite = new groovy.xml.XmlSlurper().parse(file)
    assert suite.name() == 'testsuite'
    assert suite.@name.text() == "cross.${classifier}.${test}"
    assert suite.@tests.text() == '1'
    assert suite.@time.text() ==~ /\d+\.\d{3}/
    assert suite.testcase.size() == 1
    assert suite.testcase.@name.text() == test
    assert suite.testcase.@classname.text() == "cross.${classifier}.${test}"
    assert suite.testcase.@time.text() ==~ /\d+\.\d{3}/
    suite
}

def mix = report('linux-aarch_64', 'test_mix')
assert mix.@skipped.text() == '1'
assert mix.testcase.skipped.@message.text().startsWith('not run: linux/aarch64 programs cannot run on this ')

assert required.contains('BUILD FAILURE')
assert required.contains(':test (default) on project test-no-wrapper: The native tests were built but not run: '
        + 'linux/aarch64 programs cannot run on this linux/x86_64 machine, and the cross file sets no [binaries] '
        + "exe_wrapper. To run them, add exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] to [binaries] "
        + 'of the cross file (sudo apt-get install qemu-user). (cross.test.requireRun is set, so this fails the build)')
true
