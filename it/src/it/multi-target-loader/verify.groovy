// One mvn package built four platforms. The classifier jars and the main jar's META-INF/native/<classifier>/ hold
// exactly target/cross/<classifier>/'s outputs, with the same index; a Java program with only the main jar and
// cross-runtime on its class path loads the right natives on the host JVM and on the emulated aarch64 JVM.
import java.util.jar.JarFile

String log = new File(basedir, 'build.log').text
List<String> classifiers = ['linux-x86_64', 'linux-aarch_64', 'linux-riscv64', 'windows-x86_64']
assert log.contains('[INFO] set up 4 targets: linux-x86_64, linux-aarch_64, linux-riscv64, windows-x86_64')
for (String c : classifiers) {
    assert log.contains("[INFO] [${c}] compiled 2 of 2 sources (0 up to date)") : c
    assert log.contains("[INFO] [${c}] linked 2 of 2 outputs (0 up to date)") : c // in the compile goal
    assert log.contains("[INFO] [${c}] linked 0 of 2 outputs (2 up to date)") : c // native-link found them done
}
// cross:test ran the native test program for each target: natively, under qemu-user, under Wine.
for (String c : classifiers) {
    assert log.contains("[INFO] [${c}] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0") : c
    assert new File(basedir, "target/surefire-reports/TEST-cross.${c}.test_arith.xml").isFile() : c
}
assert log.contains('[INFO] bundled the natives of linux-x86_64, linux-aarch_64, linux-riscv64, windows-x86_64 into '
        + 'classes/META-INF/native/ (the main jar)')

Map<String, byte[]> entries(File jar) {
    new JarFile(jar).withCloseable { JarFile j ->
        j.entries().toList().findAll { !it.directory && it.name.startsWith('META-INF/native/') }
                .collectEntries { [(it.name): j.getInputStream(it).bytes] }
    }
}

File mainJar = new File(basedir, 'target/multi-target-loader-1.0-SNAPSHOT.jar')
Map<String, byte[]> bundled = entries(mainJar)
assert new String(bundled['META-INF/native/classifiers.txt'], 'UTF-8') == classifiers.sort(false).join('\n') + '\n'
for (String c : classifiers) {
    File cross = new File(basedir, "target/cross/${c}")
    // What native-link made and verified: libraries and executables, not MinGW's import libraries.
    Map<String, File> outputs = [new File(cross, 'lib'), new File(cross, 'bin')].findAll { it.isDirectory() }
            .collectMany { it.listFiles() as List }.findAll { !it.name.endsWith('.dll.a') }
            .collectEntries { [(it.name): it] }
    assert outputs.keySet() == (c.startsWith('windows') ? ['arith.dll', 'demo.dll', 'libarith.dll.a'] - 'libarith.dll.a'
            : ['libarith.so', 'libdemo.so']) as Set : "${c}: ${outputs.keySet()}"
    Map<String, byte[]> classifierJar = entries(new File(basedir, "target/multi-target-loader-1.0-SNAPSHOT-${c}.jar"))
    String folder = "META-INF/native/${c}/"
    for (Map<String, byte[]> jar : [classifierJar, bundled]) {
        Set<String> names = jar.keySet().findAll { it.startsWith(folder) }.collect { it.substring(folder.length()) } as Set
        assert names == (outputs.keySet() + 'index.tsv') : "${c}: ${names}"
        outputs.each { name, file -> assert jar[folder + name] == file.bytes : "${c}/${name} differs from ${file}" }
    }
    assert classifierJar[folder + 'index.tsv'] == bundled[folder + 'index.tsv']
    List<String> index = new String(bundled[folder + 'index.tsv'], 'UTF-8').readLines().findAll { !it.startsWith('#') }
    String arith = c.startsWith('windows') ? 'arith.dll' : 'libarith.so'
    String demo = c.startsWith('windows') ? 'demo.dll' : 'libdemo.so'
    assert index.size() == 2
    assert index[0].startsWith("library\tarith\t${arith}\t") && index[0].endsWith('\t') : index[0]
    assert index[1].startsWith("library\tdemo\t${demo}\t") && index[1].endsWith('\tarith') : index[1]
    assert index[0].split('\t')[3] == outputs[arith].bytes.digest('SHA-256')
}

// The program, with only the main jar and cross-runtime on its class path.
File runtime = new File(localRepositoryPath, "dev/crossbuild/cross-runtime/${projectVersion}/cross-runtime-${projectVersion}.jar")
assert runtime.isFile() : "cross-runtime is not in the IT repository: ${runtime}"
String classPath = "${mainJar}:${runtime}"
File cache = new File(basedir, 'target/runtime-cache')

String run(List command) {
    Process process = new ProcessBuilder(command.collect { it.toString() }).start()
    String out = process.inputStream.text
    String err = process.errorStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed:\n${out}${err}"
    return out.trim()
}

String java = new File(System.getProperty('java.home'), 'bin/java').path
assert run([java, "-Dcross.runtime.cacheDir=${cache}", '-cp', classPath, 'dev.crossbuild.it.multi.Demo']) ==
        'demo: add(40, 2)=42 compiled for x86_64, classifier linux-x86_64'

// The same jar on an aarch64 JVM under qemu-user (the JRE of scripts/install-toolchains.sh --with-arm64-jre), its
// own prefix for the dynamic loader.
itName = 'multi-target-loader'
List<String> armJava = evaluate(new File(basedir, '../../../src/it/shared/arm64-java.groovy')) as List<String>
if (armJava != null) {
    assert run(armJava + ["-Dcross.runtime.cacheDir=${cache}".toString(), '-cp', classPath,
                'dev.crossbuild.it.multi.Demo']) == 'demo: add(40, 2)=42 compiled for aarch64, classifier linux-aarch_64'
}
// Each library once in the cache, keyed by its content.
List<String> cached = []
cache.eachFileRecurse { if (it.isFile()) cached << it.parentFile.name + '/' + it.name }
assert cached.size() == 4 : cached // arith and demo, for x86_64 and aarch64
true
