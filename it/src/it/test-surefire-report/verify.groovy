// maven-surefire-report-plugin (report-only) reads cross:test's JUnit XML: target/reports/surefire.html counts the
// three native tests (pass, skip, fail) beside the Java test, names them cross.<classifier>.<test>, shows the skip
// reason and the failure with the program's output, and the plugin logs no warning about our files.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] Tests run: 3, Failures: 1, Errors: 0, Skipped: 1')
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .* in dev\.crossbuild\.it\.surefirereport\.NativeLibraryTest/

// The report plugin logs no warning or error (it fails the build on an XML file it cannot parse).
int reportStart = log.indexOf('--- maven-surefire-report-plugin:')
assert reportStart >= 0 : 'the report plugin did not run'
List<String> reportLog = log.substring(reportStart, log.indexOf('BUILD SUCCESS', reportStart)).readLines()
assert reportLog.findAll { it.startsWith('[WARNING]') || it.startsWith('[ERROR]') } == []
// src/site/site.xml's skin, the one it/pom.xml fetches, not the plugin's default.
String skin = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'version.maven-fluido-skin'.text()
assert reportLog.contains("[INFO] Rendering content with org.apache.maven.skins:maven-fluido-skin:jar:${skin} skin".toString())

File page = new File(basedir, 'target/reports/surefire.html')
assert page.isFile() : "no ${page}"
String html = page.getText('UTF-8')

/** Every table row of the page as its cells' text (tags removed, whitespace trimmed). */
List<List<String>> rows = (html =~ /(?s)<tr[^>]*>(.*?)<\/tr>/).collect { row ->
    (row[1] =~ /(?s)<td[^>]*>(.*?)<\/td>/).collect { it[1].replaceAll(/<[^>]+>/, '').trim() }
}
/** The rows whose cells include all of the given ones, in this order, side by side. */
def rowsWith = { List<String> cells -> rows.findAll { Collections.indexOfSubList(it, cells) >= 0 } }
/** A report time ("0.057 s"; a comma in some locales) in seconds. */
def seconds = { String text ->
    def m = text =~ /^(\d+[.,]?\d*) s$/
    assert m.matches() : "not a time: ${text}"
    m[0][1].replace(',', '.') as BigDecimal
}

// Summary: Tests, Errors, Failures, Skipped (then success rate and time) over the four tests.
assert html.contains('<h2>Summary</h2>')
def summary = rows.find { it.size() == 6 }
assert summary[0..3] == ['4', '0', '1', '1'] : "summary ${summary}"

// Package list: the native tests are the package cross.linux-aarch_64, the Java test its own package.
assert rowsWith(['cross.linux-aarch_64', '3', '0', '1', '1']).size() == 1
assert rowsWith(['dev.crossbuild.it.surefirereport', '1', '0', '0', '0']).size() == 1

// One class per native test (Tests, Errors, Failures, Skipped), with the time of its XML report.
def classRow = { String test, List<String> counts ->
    def found = rowsWith([test] + counts)
    assert found.size() == 1 : "no class row ${test} ${counts} in ${rows}"
    File xml = new File(basedir, "target/surefire-reports/TEST-cross.linux-aarch_64.${test}.xml")
    BigDecimal xmlTime = new groovy.xml.XmlSlurper().parse(xml).@time.text() as BigDecimal
    assert (seconds(found[0].last()) - xmlTime).abs() < 0.001 : "${test}: ${found[0].last()} vs ${xmlTime}"
}
classRow('test_mix', ['1', '0', '0', '0'])
classRow('test_skip', ['1', '0', '0', '1'])
classRow('test_bad', ['1', '0', '1', '0'])
assert rowsWith(['NativeLibraryTest', '1', '0', '0', '0']).size() == 1

// Test cases: each native test case under its class cross.<classifier>.<test>.
['test_mix', 'test_skip', 'test_bad'].each { test ->
    assert html.contains("id=\"TC_cross.linux-aarch_64.${test}.${test}\"") : "no test case ${test}"
}
assert html.contains('id="TC_dev.crossbuild.it.surefirereport.NativeLibraryTest.nativeLinkBuiltTheLibraryBeforeTheTests"')
// The skip's reason, the failure's message and the program's output.
assert rowsWith(['-', 'exit 77: skipped by the test', '-']).size() == 1
assert rowsWith(['-', 'exit 3', '-']).size() == 1
assert html =~ /(?s)<pre>test_bad: expected 42, got 43\s+test_bad: this line went to stderr<\/pre>/
// Failure details: "type: message" of each test that did not pass.
assert rowsWith(['-', 'skipped: exit 77: skipped by the test']).size() == 1
assert rowsWith(['-', 'exit code: exit 3']).size() == 1
true
