import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

// A distcc compile farm on loopback (issue 15). Invoker's build ran on this machine alone (the reference). This script
// starts two distccd on 127.0.0.1 (free ports, --allow 127.0.0.1, --no-detach, logs under target/distcc/), builds the
// same project again through them in the same folder, proves from the daemons' logs that they compiled every source
// and that the outputs are byte-identical to the reference, and stops the daemons in a finally block, so they never
// outlive a failed build or a failed assertion.
//
// Debian's distccd (3.3 and later) runs only compilers that have a masquerade link in /usr/lib/distcc. The distcc
// package makes one for every gcc, g++ and clang installed, and again whenever a cross gcc is installed later (a dpkg
// trigger on /usr/lib/gcc-cross runs update-distcc-symlinks). Without the links, the daemons get
// --enable-tcp-insecure, which is safe here: they listen on 127.0.0.1 and allow 127.0.0.1 only.
File root = new File(basedir, 'target/cross/linux-aarch_64')
File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
int sources = 6 // 4 of libcalc, main.c and digits.cpp of calc-cli
int builds = 1

def which = { String program ->
    System.getenv('PATH').split(':').collect { new File(it, program) }.find { it.canExecute() }
}
File distccd = which('distccd')
assert distccd != null && which('distcc') != null : 'distcc is not installed: run scripts/install-toolchains.sh (or apt-get install distcc)'

def outputs = { ['lib/libcalc.so', 'bin/calc-cli'].collectEntries { [(it): new File(root, it).bytes] } }
def assertSameAsReference = { Map<String, byte[]> reference, String how ->
    outputs().each { name, bytes -> assert bytes == reference[name] : "${name} built ${how} differs from the local build" }
}
def freePort = { new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort } }

// 1. the reference: invoker's local build
String first = new File(basedir, 'build.log').text
assert first.contains('compiler cache: off (cross.ccache=false)')
assert !first.contains('compile farm:')
Map<String, byte[]> reference = outputs()

// 2. 'mvn clean' first, on its own: the daemons' logs live under target/ from now on
File farm = new File(basedir, 'target/distcc')
File client = new File(farm, 'client') // DISTCC_DIR: distcc's lock and state files
File cacheDir = new File(basedir, 'ccache-dir')
Map<String, String> environment = [:]
def mvn = { List<String> arguments ->
    builds++
    File log = new File(basedir, "build-${builds}.log")
    List<String> command = [mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                            '-Dcross.file=linux-arm64.ini', '-Dcross.debug=false'] + arguments
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log)
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    builder.environment().putAll(environment)
    int exit = builder.start().waitFor()
    assert exit == 0 : "build ${builds} failed:\n${log.text}"
    log.text
}
mvn(['-Dcross.ccache=false', 'clean'])
assert farm.mkdirs() && client.mkdirs()
// distccd started as root runs as the user distccd: it must be able to write its log here
farm.setWritable(true, false)
farm.setExecutable(true, false)

List<Integer> ports = [freePort(), freePort()]
while (ports[1] == ports[0]) {
    ports[1] = freePort()
}
boolean whitelisted = ['aarch64-linux-gnu-gcc', 'aarch64-linux-gnu-g++'].every { new File('/usr/lib/distcc', it).exists() }
List<Process> daemons = []
List<ProcessHandle> daemonTrees = []
Map<Integer, File> daemonLogs = ports.collectEntries { [(it): new File(farm, "distccd-${it}.log")] }
def stopDaemons = {
    daemons.each { Process daemon ->
        List<ProcessHandle> children = daemon.toHandle().descendants().toList()
        daemon.destroy() // SIGTERM: distccd stops its children and exits
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS)
        }
        children.findAll { it.isAlive() }.each { it.destroyForcibly() }
    }
}
try {
    for (int port : ports) {
        List<String> command = [distccd.path, '--daemon', '--no-detach', '--listen', '127.0.0.1', '--port', "${port}",
                                '--allow', '127.0.0.1', '--jobs', '2', '--log-file', daemonLogs[port].path]
        if (!whitelisted) {
            command << '--enable-tcp-insecure'
        }
        daemons << new ProcessBuilder(command*.toString()).redirectErrorStream(true)
                .redirectOutput(new File(farm, "distccd-${port}.out")).start()
    }
    // Until both accept connections (or one died: its output says why). Each probe shows in the daemon's log as
    // "client did not provide distcc magic fairy dust" and an OTHER job: not a compile, so not counted below.
    long deadline = System.currentTimeMillis() + 15000
    ports.eachWithIndex { int port, int i ->
        while (true) {
            assert daemons[i].isAlive() : "distccd on port ${port} exited: ${new File(farm, "distccd-${port}.out").text}"
            try {
                new Socket('127.0.0.1', port).close()
                break
            } catch (IOException notYet) {
                assert System.currentTimeMillis() < deadline : "distccd on port ${port} does not listen"
                Thread.sleep(100)
            }
        }
    }
    String hosts = "127.0.0.1:${ports[0]}/2 127.0.0.1:${ports[1]}/2"
    environment.putAll([DISTCC_HOSTS: hosts, DISTCC_DIR: client.path, CCACHE_DIR: cacheDir.path])
    def remoteJobs = { ->
        ports.collectEntries { port ->
            File log = daemonLogs[port]
            [(port): log.exists() ? log.readLines().findAll { it.contains('COMPILE_OK') } : []]
        }
    }

    // 3. through the farm, no cache: every compile ran on a daemon; the outputs are the local build's bytes
    String farmed = mvn(['-Dcross.ccache=false', '-Dcross.launcher=distcc', 'package'])
    assert (farmed =~ /compile farm: (\S+\/distcc) \(cross\.launcher\), 4 remote slots: \Q${hosts}\E/).find() : farmed
    int processors = Runtime.runtime.availableProcessors()
    assert farmed.contains("cross.jobs: ${processors + 4} compiles at once (${processors} processors + 4 remote slots of the compile farm)")
    assert farmed.contains("compiled ${sources} of ${sources} sources (0 up to date)")
    assert !farmed.contains('failed to distribute') : 'distcc compiled something locally'
    def jobs = remoteJobs()
    int ran = jobs.values().sum { it.size() }
    assert ran == sources : "the daemons ran ${ran} compiles, not ${sources}: ${jobs}"
    jobs.values().flatten().each { String line ->
        assert line.contains(basedir.path + '/src/main/') : line
        assert line =~ /\/aarch64-linux-gnu-g(cc|\+\+) / : line
    }
    println "distcc: the daemons on ports ${ports} ran ${jobs.values()*.size()} compiles"
    assertSameAsReference(reference, 'through distcc')

    // 4. behind ccache (empty, private): its misses go to the farm through CCACHE_PREFIX, the command logged once
    new File(basedir, 'target/cross').deleteDir() // not 'clean': the daemons' logs are under target/
    String cached = mvn(['-Dcross.launcher=distcc', '-Dcross.verbose=true', 'package'])
    assert (cached =~ /compiler cache: \S+\/ccache \(cross\.ccache=false turns it off\)/).find()
    assert (cached =~ /compile farm: \S+\/distcc \(cross\.launcher\) behind ccache \(CCACHE_PREFIX\), 4 remote slots/).find()
    assert (cached =~ /CCACHE_PREFIX=\S+\/distcc (?:[A-Z_]+=\S+ )*\S+\/ccache \S+\/aarch64-linux-gnu-gcc /).find() : 'no compile command with CCACHE_PREFIX'
    def afterCached = remoteJobs()
    assert afterCached.values().sum { it.size() } == 2 * sources : "the daemons ran ${afterCached} behind ccache"
    assertSameAsReference(reference, 'through ccache and distcc')

    // 5. again: ccache answers every compile, nothing reaches the farm
    new File(basedir, 'target/cross').deleteDir()
    String hit = mvn(['-Dcross.launcher=distcc', 'package'])
    assert hit.contains("compiled ${sources} of ${sources} sources (0 up to date)")
    assert remoteJobs().values().sum { it.size() } == 2 * sources : 'a compile reached the farm although ccache had it'
    assertSameAsReference(reference, 'from ccache')
} finally {
    stopDaemons()
}
daemons.each { assert !it.isAlive() : 'a distccd is still running' }
true
