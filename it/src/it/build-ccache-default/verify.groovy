import groovy.json.JsonSlurper

// ccache by default (issue 15): invoker's build ran with cross.ccache=false; this script runs 'mvn clean package'
// three times with a private ccache folder outside target/ (clean keeps it), reads ccache's own statistics after each,
// and compares every output with the first build's byte for byte. setup remembers the toolchain outside target/ too
// (cross.toolchainCache), so the clean builds after the first run no toolchain probe.
File root = new File(basedir, 'target/cross/linux-aarch_64')
File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
File cacheDir = new File(basedir, 'ccache-dir')
int builds = 1

// Where setup remembers the toolchain: outside target/, so 'mvn clean' keeps it, as the default folder in ~/.cache is
File toolchainCache = new File(basedir, 'toolchains')
toolchainCache.deleteDir()
Map<String, String> extraEnvironment = [:]

def run = { List<String> command, File log ->
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log)
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    builder.environment().put('CCACHE_DIR', cacheDir.path)
    builder.environment().putAll(extraEnvironment)
    builder.environment().remove('CCACHE_DISABLE')
    builder.environment().remove('CCACHE_BASEDIR')
    int exit = builder.start().waitFor()
    [exit: exit, log: log.text]
}
def mvn = { List<String> goals ->
    builds++
    def result = run([mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                      '-Dcross.file=linux-arm64.ini', "-Dcross.toolchainCache=${toolchainCache.name}"] + goals,
                     new File(basedir, "build-${builds}.log"))
    assert result.exit == 0 : "build ${builds} failed:\n${result.log}"
    assert result.log.contains('BUILD SUCCESS')
    result.log
}
// ccache --print-stats: one 'name<TAB>count' a line
def stats = { String name ->
    def result = run(['ccache', '--print-stats'], new File(basedir, "ccache-stats-${name}.txt"))
    assert result.exit == 0 : result.log
    result.log.readLines().collectEntries { line -> def (k, v) = line.split('\t'); [(k): v as long] }
}
def setupJson = { new JsonSlurper().parse(new File(root, 'setup.json')) }
def outputs = { ['lib/libcalc.so', 'bin/calc-cli'].collectEntries { [(it): new File(root, it).bytes] } }
def compilerCache = /compiler cache: (\S+\/ccache) \(cross\.ccache=false turns it off\)/

// 1. invoker's build: no cache, as asked
String first = new File(basedir, 'build.log').text
assert first.contains('compiler cache: off (cross.ccache=false)')
assert setupJson().compiler_launcher.cache_choice == 'off'
assert setupJson().host.compilers.c.argv[0].endsWith('/aarch64-linux-gnu-gcc')
assert !cacheDir.exists()
Map<String, byte[]> reference = outputs()

// 2. a clean build: ccache comes in by itself, logged once by setup and recorded in setup.json; every object is a
//    miss; the compiler checks (which setup ran again after the clean) and the links never went through ccache
String second = mvn(['clean', 'package'])
def logged = (second =~ compilerCache)
assert logged.count == 1 : "'compiler cache:' logged ${logged.count} times in build-${builds}.log"
String ccache = logged[0][1]
assert second.contains('checks: sizeof.long=8, has.header.stdint_h=true (1 compiler run)')
assert second.contains('toolchain: detected, diagnosed and checked with ')
assert setupJson().toolchain_reused == false
assert second.contains('compiled 5 of 5 sources (0 up to date)')
def launcher = setupJson().compiler_launcher
assert launcher.cache == ccache && launcher.cache_choice == 'automatic'
assert setupJson().host.compilers.c.argv == [ccache, setupJson().host.compilers.c.argv[1]]
assert setupJson().host.compilers.c.argv[1].endsWith('/aarch64-linux-gnu-gcc')
def database = new JsonSlurper().parse(new File(root, 'compile_commands.json'))
assert database.size() == 5
database.each { assert it.arguments[0].endsWith('/aarch64-linux-gnu-gcc') : "a launcher in compile_commands.json: ${it.arguments}" }
def afterSecond = stats('2')
assert afterSecond.cache_miss == 5 : afterSecond
assert afterSecond.direct_cache_hit + afterSecond.preprocessed_cache_hit == 0 : afterSecond
assert afterSecond.called_for_link == 0 && afterSecond.called_for_preprocessing == 0 : afterSecond
assert afterSecond.compile_failed == 0 : afterSecond
outputs().each { name, bytes -> assert bytes == reference[name] : "${name} differs from the build without ccache" }

// 3. the same clean build again: setup takes the toolchain it remembered outside target/ (no probe runs: only the
//    checks, whose answers were in target/), cross compiles all 5 sources, and ccache answers every one from the cache
String third = mvn(['clean', 'package'])
assert third.contains('toolchain: reused the detection and diagnosis of the last setup, checked with 1 compiler run')
assert setupJson().toolchain_reused == true && setupJson().compiler_runs == 1
assert third.contains('compiled 5 of 5 sources (0 up to date)')
def afterThird = stats('3')
long hits = (afterThird.direct_cache_hit + afterThird.preprocessed_cache_hit) - (afterSecond.direct_cache_hit + afterSecond.preprocessed_cache_hit)
assert hits == 5 : afterThird
assert afterThird.cache_miss == 5 : afterThird
assert afterThird.called_for_link == 0 && afterThird.called_for_preprocessing == 0 : afterThird
outputs().each { name, bytes -> assert bytes == reference[name] : "${name} from the cache differs from the build without ccache" }
// 4. PATH changed (a folder in front): what setup remembered may name other programs now, so it detects again
File emptyBin = new File(basedir, 'empty-bin')
emptyBin.mkdirs()
extraEnvironment.PATH = emptyBin.path + File.pathSeparator + System.getenv('PATH')
String fourth = mvn(['clean', 'package'])
assert fourth.contains('toolchain: detected, diagnosed and checked with ')
assert setupJson().toolchain_reused == false
assert toolchainCache.listFiles().length == 1 : "one remembered toolchain for this module: ${toolchainCache.listFiles()}"

// 5. ccache cannot store anything (CCACHE_DIR under a file: every compile through it would fail with "Failed to create
//    directory ... Not a directory"): setup leaves it out with a doctor warning, and the build compiles without it
File inTheWay = new File(basedir, 'not-a-folder')
inTheWay.text = ''
extraEnvironment.CCACHE_DIR = new File(inTheWay, 'ccache').path
String fifth = mvn(['clean', 'package'])
assert fifth.contains('compiler cache: none (ccache is on PATH but cannot store anything: see the doctor\'s warning)')
assert fifth.contains("doctor warning: Compiler cache: ccache is on PATH but cannot write its cache_dir ${extraEnvironment.CCACHE_DIR} (from the environment): a file is in the way (${inTheWay.path}), and would fail every compile: they run without a cache -> set CCACHE_DIR to a folder this user may write, or turn the automatic cache off with cross.ccache=false")
assert setupJson().compiler_launcher.cache_choice == 'unusable'
assert setupJson().host.compilers.c.argv[0].endsWith('/aarch64-linux-gnu-gcc')
assert fifth.contains('compiled 5 of 5 sources (0 up to date)')
assert !fifth.contains('ccache: error')
outputs().each { name, bytes -> assert bytes == reference[name] : "${name} differs from the build without ccache" }

println "ccache: ${afterSecond.cache_miss} misses on the first clean build, ${hits} hits on the second (${cacheDir})"
true
