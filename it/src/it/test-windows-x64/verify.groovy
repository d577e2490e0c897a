// test-windows-x64: the library's tests are built in target/cross/windows-x86_64/test/ and run under Wine;
// one line per test, Surefire's summary line, a JUnit XML report per test.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] Running 4 native tests through \S*env WINEDEBUG=-all wine/
assert log =~ /\[INFO\] PASS test_mix \(\d+\.\d\d s\)/
assert log =~ /\[INFO\] PASS test_cpp \(\d+\.\d\d s\)/
// ole32 (CoTaskMemAlloc) links only with Meson's default c_winlibs at the end of the link
assert log =~ /\[INFO\] PASS test_winlibs \(\d+\.\d\d s\)/
assert log.contains('[INFO] SKIP test_skip')
assert log.contains('[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 1')
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

def mix = report('windows-x86_64', 'test_mix')
assert mix.@failures.text() == '0' && mix.@errors.text() == '0' && mix.@skipped.text() == '0'
assert mix.testcase.'system-out'.text().contains('mix ok on x86_64-windows')
def cpp = report('windows-x86_64', 'test_cpp')
assert cpp.@failures.text() == '0'
assert cpp.testcase.'system-out'.text().contains('cpp 123 x86_64-windows')
def skip = report('windows-x86_64', 'test_skip')
assert skip.@skipped.text() == '1' && skip.@failures.text() == '0'
assert skip.testcase.skipped.@message.text() == 'exit 77: skipped by the test'
assert skip.testcase.'system-out'.text().trim() == 'nothing to test on this machine'
// The DLL stays in the module's bin/; the tests in test/bin/ find it (and MinGW's C++ runtime DLLs) on WINEPATH.
assert new File(basedir, 'target/cross/windows-x86_64/bin/mix.dll').isFile()
assert new File(basedir, 'target/cross/windows-x86_64/test/bin/test_mix.exe').isFile()
assert !new File(basedir, 'target/cross/windows-x86_64/test/bin/mix.dll').exists()
if (System.getenv('WINEPREFIX') == null) {
    assert new File(basedir, 'target/cross/windows-x86_64/test/wine-prefix/.update-timestamp').isFile()
    assert log.contains('[INFO] Preparing: ')
}
def property = mix.'**'.find { it.name() == 'property' && it.@name.text() == 'env.WINEPATH' }
String bin = new File(basedir, 'target/cross/windows-x86_64/bin').toPath().toAbsolutePath().normalize()
assert property.@value.text().startsWith(bin + ';')
true
