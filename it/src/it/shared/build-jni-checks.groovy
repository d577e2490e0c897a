// Checks shared by the build-jni-* ITs, evaluated by their verify.groovy with these variables bound:
//   basedir  - the IT project (invoker's variable)
//   expected - a map: classifier, cpuFamily, bits, machine (the ELF/PE machine name), format ('ELF' | 'PE'),
//              floatAbi (ELF only, null when the ABI has none), binutils (the prefix of objdump and readelf for
//              the host machine: 'aarch64-linux-gnu-', '' for the build machine's own), run (the command prefix
//              that runs a host program here: qemu, wine, nothing), env (extra environment for it); for PE also
//              exeImports (every DLL demo-cli.exe imports)
// The sample: a shared JNI library demo (C), a static C++ library describe, and demo-cli linking both.
import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

File target = new File(basedir, 'target')
File root = new File(target, "cross/${expected.classifier}")
String log = new File(basedir, 'build.log').text
boolean pe = expected.format == 'PE'

// File names per OS: DLLs next to the executables in bin/ on Windows, shared libraries in lib/ elsewhere.
String libFile = pe ? 'bin/demo.dll' : 'lib/libdemo.so'
String archiveFile = 'lib/libdescribe.a'
String exeFile = pe ? 'bin/demo-cli.exe' : 'bin/demo-cli'
String libName = libFile.substring(4)
String exeName = exeFile.substring(4)

// ---- the build log: everything compiled and linked once, jars attached --------------------------------------------
assert log.contains('[INFO] compiled 3 of 3 sources (0 up to date)')
assert log.contains('[INFO] linked 3 of 3 outputs (0 up to date)')
assert log =~ /\[\d\/3\] CC src\/main\/c\/demo\.c/
assert log =~ /\[\d\/3\] CXX src\/main\/cpp\/describe\.cpp/
assert log =~ /\[\d\/3\] CC src\/main\/cli\/demo-cli\.c/
assert log.contains("(classifier ${expected.classifier})")
assert log.contains("(classifier ${expected.classifier}-debug)")
assert !log.contains('[WARNING]') : 'the build printed warnings'

// ---- JNI: the header was generated from Demo.class, and demo.c (which includes it) compiled ---------------------
File jniHeader = new File(target, 'generated-sources/cross-jni/dev_crossbuild_it_demo_Demo.h')
assert jniHeader.isFile()
String header = jniHeader.text
assert header.contains('JNIEXPORT jint JNICALL Java_dev_crossbuild_it_demo_Demo_add\n  (JNIEnv *, jclass, jint, jint);')
assert header.contains('JNIEXPORT jstring JNICALL Java_dev_crossbuild_it_demo_Demo_cpuFamily\n  (JNIEnv *, jclass);')

// ---- outputs.json: header facts read by cross's own ELF/PE reader -----------------------------------------------
def outputs = new JsonSlurper().parse(new File(root, 'outputs.json'))
assert outputs.classifier == expected.classifier
assert outputs.host.cpu_family == expected.cpuFamily
def byFile = outputs.outputs.collectEntries { [(it.file): it] }
assert byFile.keySet() == [exeFile, libFile, archiveFile] as Set

byFile.each { file, entry ->
    assert new File(root, file).isFile() : "${file} is missing"
    assert entry.binary.verified == true
    assert !entry.binary.mismatches
    String sha = MessageDigest.getInstance('SHA-256').digest(new File(root, file).bytes).encodeHex().toString()
    assert entry.sha256 == sha : "${file}: outputs.json has another sha256 than the file"
}
[exeFile, libFile].each { file ->
    def binary = byFile[file].binary
    assert binary.format == expected.format
    assert binary.cpu_family == expected.cpuFamily
    assert binary.bits == expected.bits
    assert binary.endian == 'little'
    assert binary.machine == expected.machine
    if (!pe) {
        assert binary.float_abi == expected.floatAbi
    }
    assert byFile[file].stripped == true
    assert binary.stripped == true
}
def lib = byFile[libFile]
def exe = byFile[exeFile]
assert lib.kind == 'shared_library'
assert exe.kind == 'executable'
if (pe) {
    assert lib.binary.dll == true
    assert exe.binary.dll == false
    assert exe.binary.imports as Set == expected.exeImports as Set
    assert lib.import_library == 'lib/libdemo.dll.a'
    assert new File(root, 'lib/libdemo.dll.a').isFile()
} else {
    assert lib.binary.soname == 'libdemo.so'
    assert exe.binary.needed.contains('libdemo.so')
    assert exe.binary.needed.contains('libstdc++.so.6') : 'demo-cli links a C++ static library: the C++ driver links libstdc++'
    assert exe.binary.runpath == '$ORIGIN/../lib'
    assert exe.binary.interpreter != null
}
def archive = byFile[archiveFile]
assert archive.kind == 'static_library'
assert archive.binary.format == 'ar archive'
assert archive.binary.members == 1
assert archive.debug_file == null

// ---- debug files and debuglinks, read with the target's binutils --------------------------------------------------
def run = { List command, Map env = [:] ->
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(root)
    builder.environment().putAll(env)
    File out = File.createTempFile('out', '.txt', target)
    File err = File.createTempFile('err', '.txt', target)
    builder.redirectOutput(out).redirectError(err)   // files, not pipes: wine leaves a wineserver holding them
    try {
        int exit = builder.start().waitFor()
        [exit: exit, out: out.text, err: err.text]
    } finally {
        out.delete()
        err.delete()
    }
}
[exeFile, libFile].each { file ->
    String name = file.substring(4)
    String debugName = name + '.debug'
    assert byFile[file].debug_file == "debug/${debugName}"
    assert byFile[file].binary.debuglink == debugName
    File debug = new File(root, "debug/${debugName}")
    assert debug.isFile() : "${debug} is missing"

    String debuglink
    if (pe) {
        def dump = run(["${expected.binutils}objdump", '-s', '-j', '.gnu_debuglink', file])
        assert dump.exit == 0 : dump.err
        // " 140012000 64656d6f 2d636c69 2e657865 2e646562  demo-cli.exe.deb": the address, then 35 columns of hex
        // (four groups of four bytes), then the bytes as text
        def bytes = dump.out.readLines().findAll { it ==~ /^ [0-9a-f]+ [0-9a-f].*/ }.collectMany { line ->
            int start = line.indexOf(' ', 1) + 1
            String hex = line.substring(start, Math.min(line.length(), start + 35)).replace(' ', '')
            hex.toList().collate(2).collect { Integer.parseInt(it.join(), 16) }
        }
        debuglink = new String(bytes.takeWhile { it != 0 } as byte[], 'US-ASCII')
    } else {
        def dump = run(["${expected.binutils}readelf", '--string-dump=.gnu_debuglink', file])
        assert dump.exit == 0 : dump.err
        debuglink = (dump.out =~ /\[\s*0\]\s+(\S+)/)[0][1]
    }
    assert debuglink == debugName : "${file}: .gnu_debuglink names '${debuglink}', expected '${debugName}'"

    // Compiled with -g: the DWARF went into the debug file, and none is left in the stripped output.
    def sections = { File f -> run(["${expected.binutils}objdump", '-h', f.path]).out }
    assert sections(debug).contains('.debug_info') : "${debug} holds no DWARF"
    assert !sections(new File(root, file)).contains('.debug_info') : "${file} still holds DWARF after strip"
}

// ---- the attached jars ---------------------------------------------------------------------------------------------
String prefix = "META-INF/native/${expected.classifier}/"
def entries = { String classifier ->
    File[] jars = target.listFiles().findAll { it.name.endsWith("-${classifier}.jar") } as File[]
    assert jars.length == 1 : "expected one target/*-${classifier}.jar, found ${jars*.name}"
    new ZipFile(jars[0]).withCloseable { zip ->
        zip.entries().toList().findAll { !it.directory && it.name.startsWith(prefix) }
                .collectEntries { [(it.name.substring(prefix.length())): zip.getInputStream(it).bytes] }
    }
}
def jar = entries(expected.classifier)
assert jar.keySet() == [libName, exeName, 'libdescribe.a'] as Set
assert jar[libName] == new File(root, libFile).bytes
assert jar[exeName] == new File(root, exeFile).bytes
def debugJar = entries("${expected.classifier}-debug")
assert debugJar.keySet() == ["${libName}.debug", "${exeName}.debug"] as Set
assert debugJar["${exeName}.debug"] == new File(root, "debug/${exeName}.debug").bytes

// ---- run the tool on this machine (qemu-user / wine) --------------------------------------------------------------
def result = run(expected.run + [exeFile], expected.env ?: [:])
assert result.exit == 0 : "${expected.run.join(' ')} ${exeFile} exited with ${result.exit}: ${result.err}"
assert result.out.trim() == "demo-cli: 2+40=42 on ${expected.cpuFamily}"
true
