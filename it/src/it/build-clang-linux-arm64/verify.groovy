import groovy.json.JsonSlurper

// build-clang-linux-arm64: the bundled linux-arm64-clang.ini preset builds with clang and lld, and what it builds runs
// under qemu-aarch64 with Debian's cross libc.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

File cross = new File(basedir, 'target/cross/linux-aarch_64')
def setup = new JsonSlurper().parse(new File(cross, 'setup.json'))
assert setup.classifier == 'linux-aarch_64'
assert setup.host.system == 'linux' && setup.host.cpu_family == 'aarch64'
assert log.contains('[INFO] C compiler:   /usr/bin/clang --target=aarch64-linux-gnu (clang ')
assert log.contains('[INFO] C++ compiler: /usr/bin/clang++ --target=aarch64-linux-gnu (clang ')
assert setup.doctor.ready
assert setup.doctor.findings.every { it.status == 'OK' } : setup.doctor.findings.findAll { it.status != 'OK' }

// Every compile is clang's for the aarch64 triplet; every link clang's driver with -fuse-ld=lld.
def commands = new JsonSlurper().parse(new File(cross, 'compile_commands.json'))
assert commands.size() == 2 : commands*.file
commands.each { command ->
    List<String> args = command.arguments
    int clang = args.findIndexOf { it == '/usr/bin/clang' }
    assert clang >= 0 && args[clang + 1] == '--target=aarch64-linux-gnu' : args
}
// (links run in the module, as compiles, naming its files relative to it)
def links = (log =~ /(?m)^\[INFO\] SOURCE_DATE_EPOCH=\d+ \/usr\/bin\/clang(\+\+)? --target=aarch64-linux-gnu .* -o target\/cross\/linux-aarch_64\/(test\/)?tmp\/.*$/)
        .collect { it[0] }
assert links.size() == 4 : links // libtally, tally, test_tally, test_tally_cpp
links.each { assert it.contains(' -fuse-ld=lld ') : it }
assert links.count { it.contains('/usr/bin/clang++ ') } == 1 : 'the C++ test links with clang++'
// Stripped with LLVM's tools, debug information kept apart.
assert log =~ /\/usr\/bin\/llvm-strip --strip-unneeded \S+\/tmp\/libtally\.so\.1\.2\.0\/libtally\.so\.1\.2\.0/
assert log =~ /\/usr\/bin\/llvm-objcopy --only-keep-debug \S+\/tmp\/tally\/tally /

/** The strings of an ELF file's .comment section: the compiler and the linker that made it. */
def comment = { File file ->
    String text = ['llvm-readelf', '-p', '.comment', file.path].execute().text
    assert text.contains('.comment') : "${file}: ${text}"
    text
}
File library = new File(cross, 'lib/libtally.so.1.2.0')
File program = new File(cross, 'bin/tally')
[library, program, new File(cross, 'test/bin/test_tally_cpp')].each { file ->
    byte[] header = file.bytes[0..19] as byte[]
    assert header[0..3] == [0x7f, 0x45, 0x4c, 0x46] as byte[] && header[4] == 2 : "${file} is not a 64-bit ELF"
    assert (header[18] & 0xff) == 183 : "${file} is not aarch64 (e_machine 183)"
    String made = comment(file)
    assert made =~ /Linker: .*LLD / : "${file} was not linked by lld: ${made}"
    assert made =~ /clang version / : "${file} was not compiled by clang: ${made}"
}
String dynamic = ['llvm-readelf', '-d', library.path].execute().text
assert dynamic =~ /SONAME.*\[libtally\.so\.1\]/ : dynamic
assert new File(cross, 'debug/libtally.so.1.2.0.debug').isFile()

// The C test, the C++ test (libstdc++ of the cross gcc installation) and the program ran under qemu-aarch64.
assert log =~ /\[INFO\] Running 3 native tests through \S*qemu-aarch64 -L \/usr\/aarch64-linux-gnu/
['test_tally', 'test_tally_cpp', 'run_tally'].each { assert log =~ /\[INFO\] PASS ${it} \(\d+\.\d\d s\)/ }
assert log.contains('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
def out = { String test -> new groovy.xml.XmlSlurper().parse(
        new File(basedir, "target/surefire-reports/TEST-cross.linux-aarch_64.${test}.xml")).testcase.'system-out'.text() }
assert out('test_tally') =~ /^tally ok, clang \d+\.\d+\.\d+ aarch64\n$/
assert out('test_tally_cpp') =~ /^cpp tally 17 .*Clang/
assert out('run_tally') =~ /^a1b2: 2 digits, sum 3\n707: 3 digits, sum 14\nbuilt with clang \d+\.\d+\.\d+ aarch64\n$/

// Attached for the classifier linux-aarch_64, as with the gcc preset.
def entries = new java.util.zip.ZipFile(new File(basedir, 'target/build-clang-linux-arm64-1.0-SNAPSHOT-linux-aarch_64.jar'))
        .entries().collect { it.name }
['libtally.so.1', 'tally'].each { assert entries.contains("META-INF/native/linux-aarch_64/${it}".toString()) : entries }
true
