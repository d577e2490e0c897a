// Two builds of one module at once, as an IDE and a terminal start them. Invoker ran one build alone (the
// reference); this script records its outputs, deletes target/, starts two 'mvn package' in this folder together,
// and checks: both succeed, one logged that it waited for the other (naming its pid and goal), no source was
// compiled twice and no output linked twice (the lock makes each goal's work exclusive; the incremental state tells
// the later one that all is done), and every output and jar is byte for byte the reference's.
import java.security.MessageDigest

File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
File target = new File(basedir, 'target')
File root = new File(target, 'cross/linux-aarch_64')

String reference = new File(basedir, 'build.log').text
assert reference.contains('BUILD SUCCESS')
assert reference.contains('compiled 7 of 7 sources (0 up to date)')

// Every output and jar, by path under target/, with its SHA-256.
def outputs = {
    Map<String, String> hashes = new TreeMap<>()
    List<File> files = []
    ['lib', 'bin', 'debug'].each { new File(root, it).eachFileRecurse { if (it.isFile()) files << it } }
    target.eachFile { if (it.name.endsWith('.jar')) files << it }
    files.each { hashes[target.toPath().relativize(it.toPath()).toString()] = MessageDigest.getInstance('SHA-256')
            .digest(it.bytes).encodeHex().toString() }
    hashes
}
Map<String, String> alone = outputs()
assert alone.keySet().containsAll(['cross/linux-aarch_64/lib/libcalc.so', 'cross/linux-aarch_64/bin/calc-cli',
        'cross/linux-aarch_64/debug/libcalc.so.debug', 'build-concurrent-1.0-SNAPSHOT-linux-aarch_64.jar']) : alone
assert target.deleteDir()

// Both at once: each with its own log.
def start = { String name ->
    List<String> command = [mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                            '-Dcross.file=linux-arm64.ini', 'package']
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(new File(basedir, "${name}.log"))
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    builder.start()
}
List<Process> builds = [start('first'), start('second')]
List<String> logs = builds.withIndex().collect { Process build, int i ->
    String name = ['first', 'second'][i]
    assert build.waitFor() == 0 : "the ${name} build failed:\n" + new File(basedir, "${name}.log").text
    String log = new File(basedir, "${name}.log").text
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : "${name}.log"
    log
}

// One of them waited, and said for whom: the other's pid and goal.
def waits = logs.collectMany { log ->
    (log =~ /\[INFO\] waiting for the build of pid (\d+) \(cross:(setup|compile|native-link|test), started \d\d:\d\d:\d\d\) to release target\/cross\/linux-aarch_64/)
            .collect { it[1] as long }
}
assert !waits.isEmpty() : 'neither build waited for the other'
assert waits.every { it in builds*.pid() } : "waited for ${waits}, builds are ${builds*.pid()}"

// No work done twice: the sources compiled once in all, the outputs linked once, no temporary left behind.
def count = { String pattern -> logs.sum { log -> (log =~ pattern).collect { it[1] as int }.sum(0) } }
assert count(/compiled (\d+) of 7 sources/) == 7
assert count(/linked (\d+) of 2 outputs/) == 2
def leftovers = []
root.eachFileRecurse { if (it.name.endsWith('.tmp')) leftovers << it }
assert leftovers.isEmpty() : "temporary files left behind: ${leftovers}"
assert !new File(root, 'tmp').exists() || new File(root, 'tmp').list().length == 0

assert outputs() == alone
true
