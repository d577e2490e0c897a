// test-suites-linux-arm64: three builds write into this one build.log, in order.
String log = new File(basedir, 'build.log').text
List<String> builds = log.split(/\[INFO\] Scanning for projects\.\.\./).toList().drop(1)
assert builds.size() == 3 : "expected three builds, found ${builds.size()}"
String first = builds[0], second = builds[1], third = builds[2]
// Without a type: script bindings, which the methods below see.
classifier = 'linux-aarch_64'
cross = new File(basedir, "target/cross/${classifier}")
reports = new File(basedir, 'target/surefire-reports')

def suite(String test) {
    File file = new File(reports, "TEST-cross.${classifier}.${test}.xml")
    assert file.isFile() : "no report ${file}"
    new groovy.xml.XmlSlurper().parse(file)
}

def property(suite, String name) {
    suite.properties.property.find { it.@name.text() == name }?.@value?.text()
}

// ---- 1. every test, four at a time, the two that must run alone after the others
assert first.contains('BUILD SUCCESS')
assert first =~ /\[INFO\] Running 8 native tests through \S*qemu-aarch64 -L \/usr\/aarch64-linux-gnu \(4 at a time, 2 alone, after the others\)/
['fixture', 'writer_a', 'writer_b', 'writer_c', 'alone_1', 'alone_2'].each { test ->
    assert first =~ /\[INFO\] PASS ${test} \(\d+\.\d\d s\)/ : test
}
assert first.contains('[WARNING] FAIL script (1 of 5 TAP tests failed: 3 - divides)')
assert first.contains('[WARNING] not ok 3 - divides')
assert first.contains('[WARNING] # 7 / 2 is 3, the script expects 4')
assert first.contains('[WARNING] FAIL sleeper (timed out after 2 s)')
// Test cases: fixture, the script's five TAP lines, three writers, two alone, sleeper.
assert first.contains('[WARNING] Tests run: 12, Failures: 2, Errors: 0, Skipped: 1')
assert first =~ /\[ERROR\] 2 native tests failed: script, sleeper; see the output above and \S+ \(ignored: maven\.test\.failure\.ignore\)/

// args, environment, working directory: the fixture is read relative to src/test/resources, under qemu.
def fixture = suite('fixture')
assert fixture.@tests.text() == '1' && fixture.@failures.text() == '0'
assert fixture.testcase.'system-out'.text().trim() == "hello from the POM: data/input.txt says 'the answer is 42'"
assert property(fixture, 'cross.test.directory') == new File(basedir, 'src/test/resources').canonicalPath
assert property(fixture, 'env.FIXTURE_GREETING') == 'hello from the POM'
assert property(fixture, 'cross.test.command') ==~ /\S*qemu-aarch64 -L \/usr\/aarch64-linux-gnu \S+\/test\/bin\/fixture data\/input\.txt 'the answer is 42'/

// The project's interpreter (bin/minicalc, nothing built for the test) ran its script under qemu; TAP lines are cases.
def script = suite('script')
assert script.@tests.text() == '5'
assert script.@failures.text() == '1'
assert script.@skipped.text() == '1'
assert script.@errors.text() == '0'
assert script.testcase*.@name*.text() == ['1 - runs on aarch64', '2 - adds', '3 - divides', '4', '5 - multiplies']
assert script.testcase.every { it.@classname.text() == "cross.${classifier}.script" }
def divides = script.testcase.find { it.@name.text() == '3 - divides' }
assert divides.failure.@message.text() == 'not ok 3 - divides'
assert divides.failure.text().contains('# 7 / 2 is 3, the script expects 4')
assert script.testcase.find { it.@name.text() == '4' }.skipped.@message.text() == 'SKIP: no floating point yet'
assert property(script, 'cross.test.command').contains("/target/cross/${classifier}/bin/minicalc all.calc")
assert property(script, 'cross.test.protocol') == 'tap'
assert !new File(cross, 'test/bin/minicalc').exists()
assert !new File(cross, 'test/bin/script').exists()

// The timeout of the test, not cross.test.timeout.
def sleeper = suite('sleeper')
assert sleeper.testcase.failure.@type.text() == 'timeout'
assert sleeper.testcase.failure.@message.text() == 'timed out after 2 s'
assert Double.parseDouble(sleeper.@time.text()) < 10
assert property(sleeper, 'cross.test.timeout') == '2'

// Each writer wrote foo.gz in its own folder, undisturbed, at the same time as another writer.
Map<String, List<Long>> times = [:]
['writer_a', 'writer_b', 'writer_c', 'alone_1', 'alone_2'].each { test ->
    File folder = new File(cross, "test/run/${test}")
    assert new File(folder, 'foo.gz').text == test
    times[test] = new File(folder, 'times.txt').text.trim().split(' ').collect { it as long }
    assert property(suite(test), 'cross.test.directory') == folder.canonicalPath
}
boolean overlap(List<Long> a, List<Long> b) { a[0] < b[1] && b[0] < a[1] }
// writer_a's times are those of the second build (it ran again), so compare the first build's writers.
assert overlap(times.writer_b, times.writer_c) : "the writers ran one after the other: ${times}"
['alone_1', 'alone_2'].each { alone ->
    times.each { other, span -> assert other == alone || other == 'writer_a' || !overlap(times[alone], span) :
            "${alone} ran beside ${other}: ${times}" }
}
// Nothing written into the project.
['', 'src/test/resources', 'src/test/scripts'].each { folder ->
    ['foo.gz', 'times.txt', 'minicalc.lock'].each { assert !new File(basedir, "${folder}/${it}").exists() }
}

// ---- 2. -Dcross.test=writer_a,fix*
assert second.contains('BUILD SUCCESS')
assert second.contains('[INFO] cross.test=writer_a,fix* selects 2 of 8 native tests: fixture, writer_a')
assert second =~ /\[INFO\] Running 2 native tests through \S*qemu-aarch64 -L \/usr\/aarch64-linux-gnu \(2 at a time\)/
assert second =~ /\[INFO\] PASS writer_a \(\d+\.\d\d s\)/   // its folder was emptied: no foo.gz of build 1
assert second =~ /\[INFO\] PASS fixture \(\d+\.\d\d s\)/
assert second.contains('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert !(second =~ /(PASS|FAIL) (script|sleeper|writer_b|writer_c|alone_1|alone_2) /)

// ---- 3. no such test
assert third.contains('BUILD FAILURE')
assert third.contains('No native test matches -Dcross.test=nothing_like_this; the tests of this module are: fixture, '
        + 'script, writer_a, writer_b, writer_c, alone_1, alone_2, sleeper.')
assert third.contains('-Dcross.test.failIfNoSpecifiedTests=false')
assert !(third =~ /Running \d+ native tests/)

// ---- The plugin jar carries the m2e lifecycle mapping of its goals (the report's is in cross-report-maven-plugin).
if (binding.hasVariable('localRepositoryPath')) {
    File jar = new File(localRepositoryPath,
            "dev/crossbuild/cross-maven-plugin/${projectVersion}/cross-maven-plugin-${projectVersion}.jar")
    new java.util.jar.JarFile(jar).withCloseable { j ->
        def entry = j.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
        assert entry != null : "${jar} has no META-INF/m2e/lifecycle-mapping-metadata.xml"
        def metadata = new groovy.xml.XmlSlurper().parse(j.getInputStream(entry))
        assert metadata.pluginExecutions.pluginExecution.pluginExecutionFilter.goals.goal*.text() as Set ==
                ['setup', 'compile', 'native-link', 'test'] as Set
    }
}
true
