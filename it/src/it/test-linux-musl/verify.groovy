import groovy.json.JsonSlurper

// test-linux-musl: both musl presets in one run; each test ran under musl's dynamic loader.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

/** The PT_INTERP string of an ELF file: the dynamic loader it names. */
String interpreter(File file) {
    String text = new String(file.bytes, 'ISO-8859-1')
    def match = text =~ /\/lib\/ld-[A-Za-z0-9_.-]+\.so\.\d/
    assert match.find() : "${file} names no dynamic loader"
    match.group()
}

// aarch64: clang for aarch64-linux-musl with musl-dev:arm64 from a private sysroot, which is also qemu's prefix.
File arm = new File(basedir, 'target/cross/linux-aarch_64-musl')
def setup = new JsonSlurper().parse(new File(arm, 'setup.json'))
assert setup.classifier == 'linux-aarch_64-musl'
assert setup.properties.libc == 'musl'
assert setup.sysroot.requested == ['musl-dev']
assert setup.sysroot.packages*.name == ['musl-dev', 'musl'] : setup.sysroot.packages
File root = new File(setup.sysroot.path)
assert new File(root, 'lib/ld-musl-aarch64.so.1').exists()
assert setup.binaries.exe_wrapper == ['qemu-aarch64', '-L', setup.sysroot.path]
assert interpreter(new File(arm, 'test/bin/test_musl')) == '/lib/ld-musl-aarch64.so.1'
assert log.contains("[INFO] [linux-aarch_64-musl] sysroot arm64: ") : 'the sysroot step logged nothing'
assert log =~ /\[INFO\] \[linux-aarch_64-musl\] Running 1 native test through \S*qemu-aarch64 -L \S+\/cross\/sysroots\/arm64-[0-9a-f]{16}/
assert log =~ /\[INFO\] \[linux-aarch_64-musl\] PASS test_musl \(\d+\.\d\d s\)/

// x86_64: Debian's musl-gcc, run natively under /lib/ld-musl-x86_64.so.1 (musl-tools installs it).
File x64 = new File(basedir, 'target/cross/linux-x86_64-musl')
assert new JsonSlurper().parse(new File(x64, 'setup.json')).classifier == 'linux-x86_64-musl'
assert interpreter(new File(x64, 'test/bin/test_musl')) == '/lib/ld-musl-x86_64.so.1'
assert log =~ /\[INFO\] \[linux-x86_64-musl\] Running 1 native test natively/
assert log =~ /\[INFO\] \[linux-x86_64-musl\] PASS test_musl \(\d+\.\d\d s\)/

['linux-aarch_64-musl': 'aarch64', 'linux-x86_64-musl': 'x86_64'].each { classifier, cpu ->
    def report = new groovy.xml.XmlSlurper().parse(
            new File(basedir, "target/surefire-reports/TEST-cross.${classifier}.test_musl.xml"))
    assert report.testcase.'system-out'.text().trim() == "built against musl, running on ${cpu}"
    // The classifier jar for cross-runtime's loader on a musl system.
    File[] jars = new File(basedir, 'target').listFiles().findAll { it.name.endsWith("-${classifier}.jar") } as File[]
    assert jars.length == 1 : "expected one target/*-${classifier}.jar"
    File jar = jars[0]
    def entries = new java.util.zip.ZipFile(jar).entries().collect { it.name }
    assert entries.contains("META-INF/native/${classifier}/libcname.so".toString()) : entries
}
true
