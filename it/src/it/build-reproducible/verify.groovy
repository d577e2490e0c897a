// build-reproducible: the same sources built in two folders give the same bytes. The invoker built this project in
// basedir; this script copies its sources to a folder elsewhere (another name, another depth), builds the copy again
// with the same Maven, settings and repository (as a second CI checkout would), and compares every output of both
// classifiers (lib/, bin/, debug/) and every jar byte for byte. Without reproducible builds they differ: the absolute
// module folder in the debug information (and so in the .so/.dll's build id or debuglink CRC, the static archives and
// the jars), __FILE__, __DATE__/__TIME__, and the PE time stamps the linker and binutils' strip write.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.concurrent.TimeUnit

// What is compared: every output and jar, the same list in both builds.
List<String> outputsOf(File project) {
    File target = new File(project, 'target')
    List<String> files = []
    new File(target, 'cross').eachDir { File classifier ->
        for (String folder : ['lib', 'bin', 'debug']) {
            File dir = new File(classifier, folder)
            if (dir.isDirectory()) {
                dir.eachFileRecurse(groovy.io.FileType.FILES) { files << target.toPath().relativize(it.toPath()).toString() }
            }
        }
    }
    target.eachFileMatch(~/.*\.jar/) { files << it.name }
    return files.sort()
}

File first = basedir
assert new File(first, 'build.log').text.contains('BUILD SUCCESS')
// Elsewhere means on the other side of /usr, where the toolchain's libraries are: GNU ld orders a DLL's imports by the
// import libraries' paths, so a link naming the project's by absolute path gives other bytes when one checkout sorts
// before /usr (/tmp/...) and the other after (/work/...). /tmp and /var/tmp are writable on any Linux machine.
String base = first.canonicalPath < '/usr' ? '/var/tmp' : '/tmp'
if (!Files.isWritable(Path.of(base))) {
    println "[verify] ${base} is not writable here; the second build goes to java.io.tmpdir"
    base = System.getProperty('java.io.tmpdir')
}
File elsewhere = Files.createTempDirectory(Path.of(base), 'build-reproducible-').toFile()
File second = new File(elsewhere, 'in/another/folder')
println "[verify] the second build is in ${second}"
try {

// ---- the copy: the sources only, built from scratch -----------------------------------------------------------------
second.mkdirs()
Path from = first.toPath()
for (String top : ['pom.xml', 'src']) {
    Files.walk(from.resolve(top)).withCloseable { paths ->
        paths.forEach { Path p ->
            Path to = second.toPath().resolve(from.relativize(p).toString())
            if (Files.isDirectory(p)) {
                Files.createDirectories(to)
            } else {
                Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES)
            }
        }
    }
}

// ---- the second build: invoker's interpolated settings file beside the cloned projects (as build-incremental),
// offline (the first build resolved everything into the IT repository, so no snapshot is looked for elsewhere), the
// same Maven and JDK --------------------------------------------------------------------------------------------------
File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
File secondLog = new File(second, 'build.log')
ProcessBuilder builder = new ProcessBuilder(mvn.path, '-B', '-ntp', '-o', '-s', settings.path,
        "-Dmaven.repo.local=${localRepositoryPath}".toString(), 'package')
        .directory(second).redirectErrorStream(true).redirectOutput(secondLog)
builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
Process build = builder.start()
assert build.waitFor(15, TimeUnit.MINUTES) : 'the second build did not finish in 15 minutes'
assert build.exitValue() == 0 : "the second build failed:\n${secondLog.readLines().takeRight(60).join('\n')}"

// ---- what is compared: every output and jar, the same list in both --------------------------------------------------
List<String> outputs = outputsOf(first)
assert outputs == outputsOf(second)
List<String> expected = [
    'build-reproducible-1.0-SNAPSHOT.jar',
    'build-reproducible-1.0-SNAPSHOT-linux-aarch_64.jar', 'build-reproducible-1.0-SNAPSHOT-linux-aarch_64-debug.jar',
    'build-reproducible-1.0-SNAPSHOT-windows-x86_64.jar', 'build-reproducible-1.0-SNAPSHOT-windows-x86_64-debug.jar',
    'cross/linux-aarch_64/lib/libdemo.so', 'cross/linux-aarch_64/lib/libdescribe.a',
    'cross/linux-aarch_64/bin/demo-cli', 'cross/linux-aarch_64/debug/libdemo.so.debug',
    'cross/linux-aarch_64/debug/demo-cli.debug',
    'cross/windows-x86_64/bin/demo.dll', 'cross/windows-x86_64/lib/libdemo.dll.a', 'cross/windows-x86_64/lib/libdescribe.a',
    'cross/windows-x86_64/bin/demo-cli.exe', 'cross/windows-x86_64/debug/demo.dll.debug',
    'cross/windows-x86_64/debug/demo-cli.exe.debug',
]
assert outputs.containsAll(expected) : "missing: ${expected - outputs}"

// ---- byte for byte; on a difference, how much and where -------------------------------------------------------------
List<String> differences = []
for (String name : outputs) {
    byte[] a = new File(first, "target/${name}").bytes
    byte[] b = new File(second, "target/${name}").bytes
    if (!Arrays.equals(a, b)) {
        int differing = 0
        int firstAt = -1
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                differing++
                if (firstAt < 0) firstAt = i
            }
        }
        differences << "${name}: ${a.length} and ${b.length} bytes, ${differing} differ, the first at offset ${firstAt}"
    }
}
assert differences.isEmpty() : "built in two folders, these differ:\n${differences.join('\n')}"

// ---- no output names the folder it was built in, nor the JDK's (JNI's jni.h is jdk/include/jni.h in the debug
// information: JDKs live in other folders on other machines); the flags are in compile_commands.json -------------------
File javaHome = new File(System.getProperty('java.home'))
String debugFile = new String(new File(first, 'target/cross/linux-aarch_64/debug/libdemo.so.debug').bytes, 'ISO-8859-1')
assert debugFile.contains('jdk/include') : 'libdemo.so.debug does not name jni.h as jdk/include/jni.h'
for (File project : [first, second]) {
    Set<String> folders = [project.absolutePath, project.canonicalPath, javaHome.absolutePath, javaHome.canonicalPath] as Set
    for (String name : outputs) {
        String bytes = new String(new File(project, "target/${name}").bytes, 'ISO-8859-1')
        for (String folder : folders) {
            assert !bytes.contains(folder) : "${name} names the folder it was built in, ${folder}"
        }
    }
    for (String classifier : ['linux-aarch_64', 'windows-x86_64']) {
        String commands = new File(project, "target/cross/${classifier}/compile_commands.json").text
        String module = project.toPath().toAbsolutePath().normalize().toString()
        assert commands.contains("-ffile-prefix-map=${module}=.") : "${classifier}: compile_commands.json lacks the map"
    }
}

// ---- what build-info.c baked in: the path relative to the module, SOURCE_DATE_EPOCH's time (the outputTimestamp) -----
String info = 'build-info: ./src/main/c/build-info.c at Jan  1 2024 00:00:00'
for (String library : ['cross/linux-aarch_64/lib/libdemo.so', 'cross/windows-x86_64/bin/demo.dll']) {
    assert new String(new File(first, "target/${library}").bytes, 'ISO-8859-1').contains(info) : "${library} lacks '${info}'"
}

} finally {
    elsewhere.deleteDir()
}
return true
