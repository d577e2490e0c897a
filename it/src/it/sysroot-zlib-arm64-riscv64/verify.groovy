import groovy.json.JsonSlurper

// sysroot-zlib-arm64-riscv64: zlib for arm64 and riscv64 from private sysroots, three invocations in one build.log.
String whole = new File(basedir, 'build.log').text
List<Integer> starts = []
for (int at = whole.indexOf('Scanning for projects'); at >= 0; at = whole.indexOf('Scanning for projects', at + 1)) {
    starts << at
}
assert starts.size() == 3 : "expected three invocations, found ${starts.size()}"
String online = whole.substring(0, starts[1])
String offline = whole.substring(starts[1], starts[2])
String cold = whole.substring(starts[2])
assert online.contains('BUILD SUCCESS')
assert offline.contains('BUILD SUCCESS')
assert cold.contains('BUILD FAILURE')

// No multiarch: the build machine's dpkg knows no foreign architecture, and apt state was not touched.
String foreign = ['dpkg', '--print-foreign-architectures'].execute().text
assert !foreign.contains('arm64') && !foreign.contains('riscv64') : "multiarch is configured: ${foreign}"

Map targets = [
    'linux-aarch_64': [arch: 'arm64', multiarch: 'aarch64-linux-gnu', cpu: 'aarch64', qemu: 'qemu-aarch64'],
    'linux-riscv64' : [arch: 'riscv64', multiarch: 'riscv64-linux-gnu', cpu: 'riscv64', qemu: 'qemu-riscv64'],
]
targets.each { classifier, t ->
    File cross = new File(basedir, "target/cross/${classifier}")
    def setup = new JsonSlurper().parse(new File(cross, 'setup.json'))

    // setup.json records the sysroot: where, for which architecture, the package asked for and every package
    // unpacked with its version (zlib1g-dev pulls zlib1g; libc6 and libc6-dev are the toolchain's).
    def sysroot = setup.sysroot
    assert sysroot.architecture == t.arch
    assert sysroot.requested == ['zlib1g-dev']
    assert sysroot.packages*.name == ['zlib1g-dev', 'zlib1g'] : sysroot.packages
    assert sysroot.packages.every { it.version ==~ /1:1\.[23]\..+/ && it.sha256 ==~ /[0-9a-f]{64}/ } : sysroot.packages
    assert sysroot.path ==~ /.*\/cross\/sysroots\/${t.arch}-[0-9a-f]{16}/ : sysroot.path
    File root = new File(sysroot.path)
    assert new File(root, 'usr/include/zlib.h').isFile()
    assert new File(root, "usr/lib/${t.multiarch}/pkgconfig/zlib.pc").isFile()
    assert new File(root, 'cross-sysroot.json').isFile()

    // Wired in as a machine-file layer after the cross files: sys_root and pkg_config_libdir inside the sysroot.
    assert setup.properties.sys_root == sysroot.path
    assert setup.properties.pkg_config_libdir == ["${sysroot.path}/usr/lib/${t.multiarch}/pkgconfig".toString()]
    assert setup.cross_files[-1] == new File(cross, 'sysroot.ini').path
    assert setup.built_in_options.c_args.contains("${sysroot.path}/usr/include".toString())
    assert setup.built_in_options.c_link_args.contains("-L${sysroot.path}/usr/lib/${t.multiarch}".toString())
    assert setup.doctor.findings.find { it.id == 'zlib' }.status == 'OK'

    // The sysroot's headers reach the debug information through -isystem: mapped to the sysroot's own name (its key,
    // the same on every machine), so no object names the user's cache and the bytes do not depend on HOME.
    File object = new File(cross, 'obj/library/squeeze/squeeze.c.o')
    String objectText = object.getText('ISO-8859-1')
    assert !objectText.contains(sysroot.path) : "${object} names the cache folder ${sysroot.path}"
    assert objectText.contains("${root.name}/usr/include".toString()) : "${object} does not name ${root.name}/usr/include"

    // The library needs the host's zlib, and its test round-tripped data under qemu, with the toolchain's libc as
    // qemu's prefix and the sysroot's libraries on the emulated program's library path.
    String dynamic = ['llvm-readelf', '-d', new File(cross, 'lib/libsqueeze.so').path].execute().text
    assert dynamic.contains('Shared library: [libz.so.1]') : dynamic
    assert online =~ /\[INFO\] \[${classifier}\] Running 1 native test through \S*${t.qemu} -L \/usr\/${t.multiarch}/
    [online, offline].each { log -> assert log =~ /\[INFO\] \[${classifier}\] PASS test_roundtrip \(\d+\.\d\d s\)/ }
    def report = new groovy.xml.XmlSlurper().parse(
            new File(basedir, "target/surefire-reports/TEST-cross.${classifier}.test_roundtrip.xml"))
    assert report.testcase.'system-out'.text() =~ /zlib 1\.[23]\.\d+ round trip ok on ${t.cpu}: 65536 -> \d+ bytes/

    // Fetched into the cache on the first run (or already there from an earlier one); offline from the cache only.
    assert online =~ /\[INFO\] \[${classifier}\] sysroot ${t.arch}: (fetching|.* \(cached\))/
    assert offline.contains("[INFO] [${classifier}] sysroot ${t.arch}: ${sysroot.path} (cached)")
    assert !offline.contains("sysroot ${t.arch}: fetching")

    // Offline with a cold cache: the packages and the way out, no stack trace.
    assert cold.contains("offline (-o), and the cache has no package index for ${t.arch} yet: the sysroot packages "
            + "zlib1g-dev (${t.arch}) must be fetched from the Debian archive once")
}
assert cold.contains('build once without -o (or run mvn cross:sysroot), then offline builds use the cached sysroot')
assert !cold.contains('\tat dev.crossbuild')
assert !new File(basedir, 'target/cold-cache').list()?.any { !it.startsWith('.') } : 'nothing was fetched offline'
true
