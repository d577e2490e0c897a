// Up-to-date stamps. Invoker ran the first, full build; this script runs the later ones itself, with the IT's local
// repository and settings, and checks which goals each build skipped ("Nothing changed since the last cross:<goal>")
// and what the others compiled.
File root = new File(basedir, 'target/cross/linux-aarch_64')
File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
List<String> goals = ['setup', 'compile', 'native-link']
int builds = 1

// Runs mvn with the first build's arguments plus extra ones (and extra environment variables); returns its log.
def mvn = { List<String> extra, Map<String, String> environment = [:], String phase = 'package' ->
    builds++
    File log = new File(basedir, "build-${builds}.log")
    List<String> command = [mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                            '-Dcross.file=linux-arm64.ini', '-Dcross.jobs=2'] + extra + [phase]
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log)
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    builder.environment().putAll(environment)
    int exit = builder.start().waitFor()
    String text = log.text
    assert exit == 0 : "build ${builds} failed:\n${text}"
    assert text.contains('BUILD SUCCESS')
    text
}
def skipped = { String log, String goal ->
    log.contains("Nothing changed since the last cross:${goal} of this module: skipped (target/cross/.stamps/${goal}.stamp)")
}
def compiled = { String log -> (log =~ /\[\d+\/\d+\] CC (\S+)/).collect { it[1] } as Set }

// 1. the first build (invoker's): every goal ran and left its stamp
String first = new File(basedir, 'build.log').text
assert !first.contains('Nothing changed')
assert compiled(first) == ['src/main/c/upd.c', 'src/main/c/jni.c'] as Set
goals.each { assert new File(basedir, "target/cross/.stamps/${it}.stamp").isFile() : "no stamp of cross:${it}" }

// 2. nothing changed: a stamp is not trusted for a file written less than 2 s before its goal started (an edit in
//    the same clock tick would go unseen), so the builds right after the first find everything up to date the long
//    way and record stamps that hold; within four builds, 2.5 s apart, all three goals are skipped. None of them
//    compiles, links or rewrites anything.
File library = new File(root, 'lib/libupd.so')
long libraryTime = library.lastModified()
String steady = null
for (int i = 0; i < 4 && steady == null; i++) {
    sleep(2500)
    String log = mvn([])
    assert compiled(log).isEmpty() : log
    assert !log.contains(' LINK ') : log
    if (goals.every { skipped(log, it) }) {
        steady = log
    }
}
assert steady != null : "no build skipped all three goals; the last:\n${new File(basedir, "build-${builds}.log").text}"
assert library.lastModified() == libraryTime
// The skipped native-link attaches its jars all the same.
assert steady.contains('attached build-up-to-date-1.0-SNAPSHOT-linux-aarch_64.jar (classifier linux-aarch_64)')

// 3. install with nothing changed, at debug level (another command line; -X sets the logger's level as a system
//    property, which only changes the log): skipped, and the classifier jar installed
String install = mvn(['-X'], [:], 'install')
goals.each { assert skipped(install, it) : install }
File installed = new File(localRepositoryPath,
        'dev/crossbuild/it/build-up-to-date/1.0-SNAPSHOT/build-up-to-date-1.0-SNAPSHOT-linux-aarch_64.jar')
assert installed.isFile() : "the replayed attachment was not installed: ${installed}"

// 4. a header edited in place: compile and native-link run, the sources including it compile; setup is skipped
//    (it watches the source folders' names, not their contents)
File header = new File(basedir, 'src/main/include/upd.h')
header.text = header.text.replace('#define UPD_ANSWER 42', '#define UPD_ANSWER 43')
String edited = mvn([])
assert skipped(edited, 'setup') : edited
assert !skipped(edited, 'compile') && !skipped(edited, 'native-link')
assert compiled(edited) == ['src/main/c/upd.c', 'src/main/c/jni.c'] as Set
assert edited.contains(' LINK lib/libupd.so')

// 5. a source added: setup runs again (the languages to check), compile compiles just it
new File(basedir, 'src/main/c/extra.c').text = 'int upd_extra(void) { return 1; }\n'
String added = mvn([])
assert !skipped(added, 'setup') : added
assert compiled(added) == ['src/main/c/extra.c'] as Set

// 6. a parameter changed: every goal runs, and the new build type rebuilds everything
String release = mvn(['-Dcross.buildtype=release'])
goals.each { assert !skipped(release, it) : release }
assert compiled(release) == ['src/main/c/upd.c', 'src/main/c/jni.c', 'src/main/c/extra.c'] as Set

// 7. an environment variable changed, nothing else: every goal runs, and finds everything up to date
String environment = mvn(['-Dcross.buildtype=release'], ['CROSS_IT_UP_TO_DATE': 'changed'])
goals.each { assert !skipped(environment, it) : environment }
assert compiled(environment).isEmpty()

// 8. a cross file appears in the module under the preset's name: Meson's lookup reads it first, so setup runs and
//    takes it (its cpu)
new File(basedir, 'linux-arm64.ini').text = '''[binaries]
c = 'aarch64-linux-gnu-gcc'
ar = 'aarch64-linux-gnu-ar'
strip = 'aarch64-linux-gnu-strip'
objcopy = 'aarch64-linux-gnu-objcopy'
exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']

[host_machine]
system = 'linux'
cpu_family = 'aarch64'
cpu = 'cortex-a53'
endian = 'little'
'''
String shadowed = mvn(['-Dcross.buildtype=release'], ['CROSS_IT_UP_TO_DATE': 'changed'])
assert !skipped(shadowed, 'setup') : shadowed
assert new File(root, 'setup.json').text.contains('"cpu": "cortex-a53"')
