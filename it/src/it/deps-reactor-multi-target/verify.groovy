// Native dependencies between modules (build.log holds the three builds of invoker.properties, in order).
import java.nio.file.Files
import java.util.jar.JarFile
import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').text
List<String> builds = (log.split(/Scanning for projects\.\.\./) as List).drop(1)
assert builds.size() == 3 : "expected three builds in build.log, found ${builds.size()}"
String reactor = builds[0], alone = builds[1], missing = builds[2]
List<String> classifiers = ['linux-aarch_64', 'windows-x86_64']
String coordinates = 'dev.crossbuild.it:codec:1.0-SNAPSHOT'

// 1. codec attaches a development artifact per classifier: headers, the library as native-link made it, a .pc file.
for (String c : classifiers) {
    assert reactor.contains("[INFO] attached codec-1.0-SNAPSHOT-${c}-dev.zip (classifier ${c}-dev)") : c
}
Map<String, byte[]> zipEntries(File file) {
    new ZipFile(file).withCloseable { ZipFile z ->
        z.entries().toList().findAll { !it.directory }.collectEntries { [(it.name): z.getInputStream(it).bytes] }
    }
}
File codecTarget = new File(basedir, 'codec/target')
Map<String, byte[]> armDev = zipEntries(new File(codecTarget, 'codec-1.0-SNAPSHOT-linux-aarch_64-dev.zip'))
assert armDev.keySet() == ['cross-dev.json', 'include/codec/codec.h', 'lib/libcodec.so.1.2.0',
                           'lib/pkgconfig/codec.pc'] as Set : armDev.keySet()
assert armDev['lib/libcodec.so.1.2.0'] == new File(codecTarget, 'cross/linux-aarch_64/lib/libcodec.so.1.2.0').bytes
assert armDev['include/codec/codec.h'] == new File(basedir, 'codec/src/main/include/codec/codec.h').bytes
String pc = new String(armDev['lib/pkgconfig/codec.pc'], 'UTF-8')
assert pc.contains('prefix=${pcfiledir}/../..\n') : pc
assert pc.contains('Version: 1.0-SNAPSHOT\n') && pc.contains('Libs: -L${libdir} -lcodec\n') : pc
assert pc.contains('Cflags: -I${includedir}\n') : pc
String manifest = new String(armDev['cross-dev.json'], 'UTF-8')
assert manifest.contains('"runtime_name": "libcodec.so.1"') && manifest.contains('"name": "libcodec.so"') : manifest
Map<String, byte[]> winDev = zipEntries(new File(codecTarget, 'codec-1.0-SNAPSHOT-windows-x86_64-dev.zip'))
assert winDev.keySet() == ['cross-dev.json', 'include/codec/codec.h', 'bin/codec-1.dll', 'lib/libcodec.dll.a',
                           'lib/pkgconfig/codec.pc'] as Set : winDev.keySet()
// Installed with the module, so another build finds them in the repository.
File installed = new File(localRepositoryPath, 'dev/crossbuild/it/codec/1.0-SNAPSHOT')
for (String c : classifiers) {
    assert new File(installed, "codec-1.0-SNAPSHOT-${c}-dev.zip").isFile() : c
}

// app, in the same reactor: the artifact of codec's native-link, unpacked, found by pkg-config, linked, tested.
for (String c : classifiers) {
    assert reactor.contains("[INFO] [${c}] native dependency: ${coordinates} from the reactor (module codec) in "
            + 'deps/codec/ (codec shared, headers)') : c
    assert reactor.contains("[INFO] [${c}] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0") : c
}
assert reactor.contains('libcodecjni.so: ELF 64-bit little-endian aarch64 shared object, SONAME libcodecjni.so, '
        + 'needs libcodec.so.1, libc.so.6') && reactor.contains('runpath $ORIGIN,')
assert reactor.contains('codecjni.dll: PE32+ x86_64 DLL (console), imports KERNEL32.dll, msvcrt.dll, codec-1.dll')
assert !(reactor =~ /portability: .*codec/) : 'the dependency\'s library is packed with the module: no portability problem'
File deps = new File(basedir, 'app/target/cross/linux-aarch_64/deps/codec')
assert Files.isSymbolicLink(new File(deps, 'lib/libcodec.so').toPath())
assert Files.readSymbolicLink(new File(deps, 'lib/libcodec.so.1').toPath()).toString() == 'libcodec.so.1.2.0'
assert new File(deps, 'include/codec/codec.h').isFile() && new File(deps, 'lib/pkgconfig/codec.pc').isFile()
String setupJson = new File(basedir, 'app/target/cross/linux-aarch_64/setup.json').text
assert setupJson.contains('"native_dependencies"') && setupJson.contains('"origin": "the reactor (module codec)"')

// 2. app alone, offline, against the installed codec: the same, from the repository, in a fresh folder.
for (String c : classifiers) {
    assert alone.contains("[INFO] [${c}] native dependency: ${coordinates} from the local repository in "
            + 'deps/codec/ (codec shared, headers)') : c
    assert alone.contains("[INFO] [${c}] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0") : c
}
assert alone.contains('BUILD SUCCESS')
assert new File(basedir, 'app/target/cross-alone/windows-x86_64/deps/codec/bin/codec-1.dll').isFile()

// The jars carry codec's library with app's, and the index loads it first.
Map<String, byte[]> jarEntries(File jar) {
    new JarFile(jar).withCloseable { JarFile j ->
        j.entries().toList().findAll { !it.directory && it.name.startsWith('META-INF/native/') }
                .collectEntries { [(it.name): j.getInputStream(it).bytes] }
    }
}
File appTarget = new File(basedir, 'app/target')
File mainJar = new File(appTarget, 'app-1.0-SNAPSHOT.jar')
Map<String, byte[]> bundled = jarEntries(mainJar)
Map<String, List<String>> files = ['linux-aarch_64': ['libcodec.so.1', 'libcodecjni.so'],
                                   'windows-x86_64': ['codec-1.dll', 'codecjni.dll']]
for (String c : classifiers) {
    String folder = "META-INF/native/${c}/"
    Map<String, byte[]> classifierJar = jarEntries(new File(appTarget, "app-1.0-SNAPSHOT-${c}.jar"))
    for (Map<String, byte[]> jar : [classifierJar, bundled]) {
        Set<String> names = jar.keySet().findAll { it.startsWith(folder) }.collect { it.substring(folder.length()) } as Set
        assert names == (files[c] + 'index.tsv') as Set : "${c}: ${names}"
    }
    List<String> index = new String(bundled[folder + 'index.tsv'], 'UTF-8').readLines().findAll { !it.startsWith('#') }
    assert index.size() == 2 : index
    assert index[0].startsWith("library\tcodec\t${files[c][0]}\t") && index[0].endsWith('\t') : index[0]
    assert index[1].startsWith("library\tcodecjni\t${files[c][1]}\t") && index[1].endsWith('\tcodec') : index[1]
    File codecFile = c.startsWith('windows') ? new File(appTarget, 'cross-alone/windows-x86_64/deps/codec/bin/codec-1.dll')
            : new File(appTarget, 'cross-alone/linux-aarch_64/deps/codec/lib/libcodec.so.1.2.0')
    assert bundled[folder + files[c][0]] == codecFile.bytes : c
}

// 3. A classifier codec was not built for: the error names it, where cross looked, and what exists.
assert missing.contains('BUILD FAILURE')
assert missing.contains("native dependency ${coordinates}: no development artifact linux-riscv64-dev (type zip) in "
        + 'the local repository (') : missing
assert missing.contains('there are linux-aarch_64-dev, windows-x86_64-dev') : missing
assert missing.contains('Build codec for linux-riscv64 too') : missing
assert !missing.contains('[linux-riscv64] build  machine') : 'no setup runs before every dependency is found'

// The main jar alone (with cross-runtime) on an aarch64 JVM under qemu-user: the loader loads libcodec.so.1 first.
itName = 'deps-reactor-multi-target'
List<String> armJava = evaluate(new File(basedir, '../../../src/it/shared/arm64-java.groovy')) as List<String>
if (armJava != null) {
    File runtime = new File(localRepositoryPath, "dev/crossbuild/cross-runtime/${projectVersion}/cross-runtime-${projectVersion}.jar")
    List<String> command = armJava + ["-Dcross.runtime.cacheDir=${new File(appTarget, 'runtime-cache')}".toString(),
                                      '-cp', "${mainJar}:${runtime}".toString(), 'dev.crossbuild.it.deps.Rot13']
    Process process = new ProcessBuilder(command).start()
    String out = process.inputStream.text
    String err = process.errorStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed:\n${out}${err}"
    assert out.trim() == 'rot13(Hello)=Uryyb on aarch64 codec 1.2.0, classifier linux-aarch_64' : out
}
true
