// A failing native test fails the build: its line, its output (stdout and stderr) and the summary are in the
// log, the failure names it, and its report holds the failure; the other tests still ran. Run twice, the second
// time with -q.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('[WARNING] FAIL test_bad (exit 3)')
assert log.contains('[WARNING] test_bad: expected 42, got 43')
assert log.contains('[WARNING] test_bad: this line went to stderr')
assert log =~ /\[INFO\] PASS test_mix \(\d+\.\d\d s\)/
assert log.contains('[INFO] SKIP test_skip')
assert log.contains('[WARNING] Tests run: 3, Failures: 1, Errors: 0, Skipped: 1')
assert log.contains(':test (default) on project test-failing: 1 native test failed: test_bad; see the output above and ')
assert !log.contains('\tat ') && !log.contains('Caused by') : 'a failing test is no reason for a stack trace'
// The second run, with -q, logs no warnings: the failure says where the output is instead of "above".
assert log =~ /:test \(default\) on project test-failing: 1 native test failed: test_bad; its output is in \S+\/target\/surefire-reports\/TEST-cross\.linux-aarch_64\.test_bad\.xml/ : 'the -q run does not name the report'
assert log.count('[WARNING] FAIL test_bad (exit 3)') == 1 : 'the -q run logged the failed test'

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

def bad = report('linux-aarch_64', 'test_bad')
assert bad.@failures.text() == '1'
assert bad.testcase.failure.@message.text() == 'exit 3'
assert bad.testcase.failure.@type.text() == 'exit code'
assert bad.testcase.failure.text() == 'test_bad: expected 42, got 43\ntest_bad: this line went to stderr\n'
assert bad.testcase.'system-err'.text() == 'test_bad: this line went to stderr\n'
assert report('linux-aarch_64', 'test_mix').@failures.text() == '0'
true
