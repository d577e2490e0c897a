import groovy.json.JsonSlurper

// porting-kvlog: the project of the site page "Porting a Meson or Make project", built as the page says.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('[WARNING] [linux-') : 'no warnings: not the portability gate (libz.so.1 is allowed), no option'

['linux-x86_64', 'linux-aarch_64'].each { classifier ->
    File cross = new File(basedir, "target/cross/${classifier}")
    def setup = new JsonSlurper().parse(new File(cross, 'setup.json'))
    assert setup.options.c_std == 'c99' && setup.options.warning_level == '2' : setup.options
    assert setup.sysroot.requested == ['zlib1g-dev'] : setup.sysroot

    // The Makefile's $(filter-out src/bench_%.c,$(wildcard src/*.c)): bench_pack.c is not compiled.
    def commands = new JsonSlurper().parse(new File(cross, 'compile_commands.json'))
    assert commands*.file.collect { new File(it).name }.sort() == ['crc.c', 'kvlog-pack.c', 'pack.c', 'version.c']
    commands.each { command ->
        assert command.arguments.containsAll(['-std=c99', '-Wextra']) : command.arguments
        // <define>KVLOG_VERSION="${project.version}"</define>: one argument, quotes included, no shell in between.
        boolean library = command.file.contains('/src/')
        assert command.arguments.contains('-DKVLOG_VERSION="2.1.0"') == library : command.arguments
    }

    // Meson's version/soversion: libkvlog.so.2.1.0, SONAME libkvlog.so.2, and the two links.
    ['libkvlog.so.2.1.0', 'libkvlog.so.2', 'libkvlog.so'].each { assert new File(cross, "lib/${it}").exists() : it }
    def outputs = new JsonSlurper().parse(new File(cross, 'outputs.json'))
    def library = outputs.outputs.find { it.file == 'lib/libkvlog.so.2.1.0' }.binary
    assert library.soname == 'libkvlog.so.2' : library
    assert library.needed.contains('libz.so.1') : library
    assert outputs.outputs.every { it.portability.problems.isEmpty() } : outputs.outputs*.portability

    // Four tests, one of them TAP with three cases.
    assert log.contains("[INFO] [${classifier}] Tests run: 6, Failures: 0, Errors: 0, Skipped: 0")
    ['test_crc', 'test_roundtrip', 'pack_sample'].each { test ->
        assert log =~ /\[INFO\] \[${classifier}\] PASS ${test} \(\d+\.\d\d s\)/
    }
    assert log =~ /\[INFO\] \[${classifier}\] PASS suite \(\d+\.\d\d s; 3 tests\)/
    def report = { String test -> new groovy.xml.XmlSlurper().parse(
            new File(basedir, "target/surefire-reports/TEST-cross.${classifier}.${test}.xml")) }
    assert report('suite').testcase*.@name*.text() == ['1 - an empty log packs and unpacks', '2 - one record',
            '3 - a damaged log is refused']
    // <args> and <workingDirectory>: the relative path sample.txt is found in tests/data.
    assert report('test_roundtrip').testcase.'system-out'.text() =~ /^4 records round-tripped through \d+ bytes/
    assert report('pack_sample').testcase.'system-out'.text() =~ /^kvlog 2\.1\.0: 4 records, 67 -> \d+ bytes/
}
// The arm64 programs ran under qemu; the x86_64 ones natively.
assert log =~ /\[INFO\] \[linux-aarch_64\] Running 4 native tests through \S*qemu-aarch64/
assert !(log =~ /\[linux-x86_64\] Running 4 native tests through/)
true
