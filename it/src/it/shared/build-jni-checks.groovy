// Checks shared by the build-jni-* ITs, evaluated by their verify.groovy with these variables bound:
//   basedir  - the IT project (invoker's variable)
//   expected - a map: classifier, cpuFamily, bits, machine (the ELF/PE machine name), format ('ELF' | 'PE'),
//              floatAbi (ELF only, null when the ABI has none), binutils (the prefix of objdump and readelf for
//              the host machine: 'aarch64-linux-gnu-', '' for the build machine's own), run (the command prefix
//              that runs a host program here: qemu, wine, nothing), env (extra environment for it); for PE also
//              exeImports (every DLL demo-cli.exe imports); executions (how many setup+compile+native-link executions
//              the build log holds, one per host machine; 1 when absent)
// The sample: a shared JNI library demo (C), a static C++ library describe, and demo-cli linking both; gen-greeting,
// a build-machine tool (<machine>build</machine>), writes demo's greeting.c and greeting.h through a <generator>.
import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.CRC32
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

// What gen-greeting computes on the build machine (the POM's --text), and what demo_greeting() returns on the host.
String greetingText = 'hello from the build machine'
CRC32 crc32 = new CRC32()
crc32.update(greetingText.getBytes('US-ASCII'))
String greeting = "${greetingText} (crc32 ${String.format('%08x', crc32.value)})"
String generated = "target/cross/${expected.classifier}/generated/demo"

// ---- the build log: everything compiled and linked once, the generator run once, jars attached -------------------
// Lines that do not name the classifier appear once per execution (build-several-targets has one per host machine).
int executions = expected.executions ?: 1
// compile: the build-machine tool first (its own counts), then the generator, then the host sources with its output
assert log.count('[INFO] [build machine] [1/1] CC src/build/c/gen-greeting.c') == executions
assert log.count('[INFO] [build machine] compiled 1 of 1 sources (0 up to date)') == executions
assert log.count('[INFO] [build machine] [1/1] LINK bin/gen-greeting\n') == executions : 'named for the build machine, no .exe'
assert log =~ /\[build machine\] gen-greeting: ELF 64-bit little-endian x86_64 (pie )?executable, .*not stripped/
assert log.count('[INFO] [build machine] linked 1 of 1 outputs (0 up to date)') == executions
assert log.count("[INFO] [1/1] GEN ${generated}/greeting.c ${generated}/greeting.h (gen-greeting)") == 1
// "built for 64-bit" in the 32-bit armhf build too: the tool was compiled by the build machine's cc, not the host's
assert log.count("[INFO] gen-greeting: crc32 ${String.format('%08x', crc32.value)} of ${greetingText.length()} bytes, "
        + 'built for 64-bit') == executions
assert log.count('[INFO] ran 1 of 1 generator (0 up to date)') == executions
assert log.contains('[INFO] compiled 4 of 4 sources (0 up to date)')
assert log.contains('[INFO] linked 3 of 3 outputs (0 up to date)')
assert log =~ /\[\d\/4\] CC src\/main\/c\/demo\.c/
assert log =~ /\[\d\/4\] CC ${java.util.regex.Pattern.quote(generated + '/greeting.c')}/
assert log =~ /\[\d\/4\] CXX src\/main\/cpp\/describe\.cpp/
assert log =~ /\[\d\/4\] CC src\/main\/cli\/demo-cli\.c/
assert log.indexOf('[build machine] linked 1 of 1') < log.indexOf('GEN ') : 'the generator ran before its tool existed'
assert log.indexOf('ran 1 of 1 generator') < log.indexOf("CC ${generated}/greeting.c") : 'greeting.c compiled too early'
assert log.contains("(classifier ${expected.classifier})")
assert log.contains("(classifier ${expected.classifier}-debug)")
assert !log.contains('[WARNING]') : 'the build printed warnings'

// ---- JNI: the header was generated from Demo.class, and demo.c (which includes it) compiled ---------------------
File jniHeader = new File(target, 'generated-sources/cross-jni/dev_crossbuild_it_demo_Demo.h')
assert jniHeader.isFile()
String header = jniHeader.text
assert header.contains('JNIEXPORT jint JNICALL Java_dev_crossbuild_it_demo_Demo_add\n  (JNIEnv *, jclass, jint, jint);')
assert header.contains('JNIEXPORT jstring JNICALL Java_dev_crossbuild_it_demo_Demo_cpuFamily\n  (JNIEnv *, jclass);')

// ---- the build-machine tool and what it generated -----------------------------------------------------------------
// gen-greeting is built for the build machine (this x86_64 Linux), whatever the host: an ELF executable named without
// .exe, in its own tree build-machine/, with its own outputs.json; not stripped, no debug file.
File tool = new File(root, 'build-machine/bin/gen-greeting')
assert tool.isFile() : "${tool} is missing"
assert !new File(root, 'build-machine/bin/gen-greeting.exe').exists()
byte[] elf = tool.bytes
// the ELF header: magic, EI_CLASS, EI_DATA, e_type, e_machine (little-endian halves), read into small values so that
// a failing assertion does not print the whole file
String magic = new String(elf, 0, 4, 'ISO-8859-1')
int elfClass = elf[4]
int elfData = elf[5]
int elfType = (elf[16] & 0xff) | (elf[17] & 0xff) << 8
int elfMachine = (elf[18] & 0xff) | (elf[19] & 0xff) << 8
assert magic == '\u007fELF' : "${tool} is not an ELF file"
assert elfClass == 2 && elfData == 1 : "${tool} is not 64-bit little-endian"
assert elfType in [2, 3] : "${tool} is neither ET_EXEC nor ET_DYN"
assert elfMachine == 62 : "${tool} is not for x86-64 (EM_X86_64 = 62)"
def toolOutputs = new JsonSlurper().parse(new File(root, 'build-machine/outputs.json'))
assert toolOutputs.host.system == 'linux' && toolOutputs.host.cpu_family == 'x86_64' : toolOutputs.host
assert toolOutputs.classifier == 'linux-x86_64' : "the build machine's classifier, not the host's: ${toolOutputs.classifier}"
assert toolOutputs.outputs.size() == 1 : toolOutputs.outputs
def toolEntry = toolOutputs.outputs[0]
assert toolEntry.target == 'gen-greeting' && toolEntry.kind == 'executable' && toolEntry.file == 'bin/gen-greeting'
assert toolEntry.binary.format == 'ELF' && toolEntry.binary.machine == 'EM_X86_64'
assert toolEntry.binary.verified == true && !toolEntry.binary.mismatches
assert toolEntry.stripped == false && toolEntry.debug_file == null
String toolSha = MessageDigest.getInstance('SHA-256').digest(elf).encodeHex().toString()
assert toolEntry.sha256 == toolSha
// its objects stay in its tree, not among the host's
assert new File(root, 'build-machine/obj/executable/gen-greeting/gen-greeting.c.o').isFile()
assert !new File(root, 'obj/executable/gen-greeting').exists()

// its outputs, in the default output folder generated/<target>/, joined demo's sources and include folders
File greetingC = new File(basedir, "${generated}/greeting.c")
File greetingH = new File(basedir, "${generated}/greeting.h")
assert greetingC.isFile() && greetingH.isFile()
assert greetingC.text.contains('#include "greeting.h"\n')
assert greetingC.text.contains('const char *demo_greeting(void)\n{\n    return GREETING_TEXT;\n}\n')
assert greetingH.text.contains("#define GREETING_TEXT \"${greeting}\"\n")
// the tool wrote into a work folder under generated/.tmp/; nothing of it is left once its outputs were moved
File work = new File(root, 'generated/.tmp')
assert !work.exists() : "${work} was left behind: ${work.list()}"
assert new File(root, 'obj/library/demo/greeting.c.o').isFile()

// ---- outputs.json: header facts read by cross's own ELF/PE reader -----------------------------------------------
def outputs = new JsonSlurper().parse(new File(root, 'outputs.json'))
assert outputs.classifier == expected.classifier
assert outputs.host.cpu_family == expected.cpuFamily
def byFile = outputs.outputs.collectEntries { [(it.file): it] }
assert byFile.keySet() == [exeFile, libFile, archiveFile] as Set : 'the host\'s three, and no build-machine tool'

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
// the build-machine tool is never attached: it does not run on the host, and the jars are the host's
assert !jar.keySet().any { it.contains('gen-greeting') } : jar.keySet()
assert jar.keySet() == [libName, exeName, 'libdescribe.a', 'index.tsv'] as Set
assert jar[libName] == new File(root, libFile).bytes
assert jar[exeName] == new File(root, exeFile).bytes
// the index cross-runtime's NativeLoader reads: the JNI library is loadable, the tool and the archive are plain files
List<String> index = new String(jar['index.tsv'], 'UTF-8').readLines().findAll { !it.startsWith('#') }
assert index.collect { it.split('\t', -1)[0..2].join(' ') } ==
        ["library demo ${libName}", "file demo-cli ${exeName}", 'file describe libdescribe.a'] : index
assert index[0].split('\t', -1)[3] == new File(root, libFile).bytes.digest('SHA-256')
def debugJar = entries("${expected.classifier}-debug")
assert !debugJar.keySet().any { it.contains('gen-greeting') } : debugJar.keySet()
assert debugJar.keySet() == ["${libName}.debug", "${exeName}.debug"] as Set
assert debugJar["${exeName}.debug"] == new File(root, "debug/${exeName}.debug").bytes

// ---- run the tool on this machine (qemu-user / wine) --------------------------------------------------------------
def result = run(expected.run + [exeFile], expected.env ?: [:])
assert result.exit == 0 : "${expected.run.join(' ')} ${exeFile} exited with ${result.exit}: ${result.err}"
// the second line is demo_greeting(): the text and CRC-32 the build machine computed, compiled into the host library
assert result.out.readLines() == ["demo-cli: 2+40=42 on ${expected.cpuFamily}", "demo-cli: ${greeting}"] : result.out
true
