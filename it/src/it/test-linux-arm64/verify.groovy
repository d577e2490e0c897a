// test-linux-arm64: the library's tests are built in target/cross/linux-aarch_64/test/ and run under qemu-aarch64;
// one line per test, Surefire's summary line, a JUnit XML report per test.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] Running 3 native tests through \S*qemu-aarch64 -L \/usr\/aarch64-linux-gnu/
assert log =~ /\[INFO\] PASS test_mix \(\d+\.\d\d s\)/
assert log =~ /\[INFO\] PASS test_cpp \(\d+\.\d\d s\)/
assert log.contains('[INFO] SKIP test_skip')
assert log.contains('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 1')
assert !log.contains('FAIL ')

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
assert mix.@failures.text() == '0' && mix.@errors.text() == '0' && mix.@skipped.text() == '0'
assert mix.testcase.'system-out'.text().contains('mix ok on aarch64')
// the library's assembly (src/main/c/mix_answer.S) was assembled by the C compiler and linked in: test_mix calls it
assert new File(basedir, 'target/cross/linux-aarch_64/obj/library/mix/mix_answer.S.o').isFile()
def cpp = report('linux-aarch_64', 'test_cpp')
assert cpp.@failures.text() == '0'
assert cpp.testcase.'system-out'.text().contains('cpp 123 aarch64')
def skip = report('linux-aarch_64', 'test_skip')
assert skip.@skipped.text() == '1' && skip.@failures.text() == '0'
assert skip.testcase.skipped.@message.text() == 'exit 77: skipped by the test'
assert skip.testcase.'system-out'.text().trim() == 'nothing to test on this machine'
File program = new File(basedir, 'target/cross/linux-aarch_64/test/bin/test_mix')
assert program.isFile()
byte[] header = program.bytes[0..19] as byte[]
assert header[18] == (byte) 0xB7 : 'test_mix is an aarch64 ELF (e_machine 183)'
assert new File(basedir, 'target/cross/linux-aarch_64/lib/libmix.so').isFile()
true
