// test-suites-multi-target: one run, two targets: x86_64 Linux natively, x86_64 Windows under Wine.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
reports = new File(basedir, 'target/surefire-reports')

def suite(String classifier, String test) {
    File file = new File(reports, "TEST-cross.${classifier}.${test}.xml")
    assert file.isFile() : "no report ${file}"
    new groovy.xml.XmlSlurper().parse(file)
}

def property(suite, String name) {
    suite.properties.property.find { it.@name.text() == name }?.@value?.text()
}

assert log =~ /\[INFO\] \[linux-x86_64\] Running 5 native tests natively \(4 at a time, 1 alone, after the others\)/
assert log =~ /\[INFO\] \[windows-x86_64\] Running 5 native tests through \S*env WINEDEBUG=-all wine \(4 at a time, 1 alone, after the others\)/
Map<String, List<Long>> times = [:]
for (String classifier : ['linux-x86_64', 'windows-x86_64']) {
    File cross = new File(basedir, "target/cross/${classifier}")
    assert log.contains("[INFO] [${classifier}] Tests run: 7, Failures: 0, Errors: 0, Skipped: 0") : classifier
    ['fixture', 'script', 'writer_a', 'writer_b', 'alone'].each { test ->
        assert log =~ /\[INFO\] \[${classifier}\] PASS ${test} \(\d+\.\d\d s/ : "${classifier} ${test}"
    }

    // The fixture read relative to src/test/resources, natively and under Wine (which maps the Unix folder).
    def fixture = suite(classifier, 'fixture')
    assert fixture.testcase.'system-out'.text().trim() == "hello from the POM: data/input.txt says 'the answer is 42'"
    assert property(fixture, 'cross.test.directory') == new File(basedir, 'src/test/resources').canonicalPath

    // The project's minicalc ran pass.calc from src/test/scripts; Wine's CRLF output reads the same.
    def script = suite(classifier, 'script')
    assert script.@tests.text() == '3' && script.@failures.text() == '0' : classifier
    assert script.testcase*.@name*.text() == ['1 - adds', '2 - exclusive for 1500 ms', '3 - multiplies'] : classifier
    String executable = classifier.startsWith('windows') ? 'bin/minicalc.exe' : 'bin/minicalc'
    assert property(script, 'cross.test.command').contains("/target/cross/${classifier}/${executable} pass.calc")

    // Each target's writers in their own folders.
    ['writer_a', 'writer_b', 'alone'].each { test ->
        File folder = new File(cross, "test/run/${test}")
        assert new File(folder, 'foo.gz').text == test : "${classifier} ${test}"
        times["${classifier} ${test}".toString()] = new File(folder, 'times.txt').text.trim().split(' ').collect { it as long }
    }
}
assert !new File(basedir, 'src/test/scripts/minicalc.lock').exists()
['', 'src/test/resources', 'src/test/scripts'].each { folder ->
    ['foo.gz', 'times.txt'].each { assert !new File(basedir, "${folder}/${it}").exists() }
}
// A test that must run alone ran beside no test of either target.
boolean overlap(List<Long> a, List<Long> b) { a[0] < b[1] && b[0] < a[1] }
times.findAll { it.key.endsWith(' alone') }.each { alone, span ->
    times.each { other, otherSpan ->
        assert other == alone || !overlap(span, otherSpan) : "${alone} ran beside ${other}: ${times}"
    }
}
true
