import groovy.json.JsonSlurper

// Both invocations (invoker.goals and invoker.goals.2) write into this one build.log, in order.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Scanning for projects', log.indexOf('BUILD SUCCESS'))
assert second > 0 : 'the second invocation did not run'
String first = log.substring(0, second)
String again = log.substring(second)

// First run: the aarch64 gcc detected and confirmed, all checks answered by one compile.
assert first =~ /C compiler: +\/\S*\/aarch64-linux-gnu-gcc \(gcc [0-9.]+, aarch64-linux-gnu\)/
assert !first.contains('C++ compiler:') : 'no C++ sources: only the C compiler is detected'
assert first.contains('doctor: ready (')
assert first.contains('checks: sizeof.long=8, sizeof.void_p=8, alignment.double=8, has.header.stdint_h=true, '
        + 'has.define.__aarch64__=true, define.__aarch64__=1 (1 compiler run)')
assert first =~ /toolchain: detected, diagnosed and checked with [1-9][0-9]* compiler runs/

// Second run, nothing changed: everything reused, no compiler started.
assert again.contains('(0 compiler runs)')
assert again.contains('toolchain: reused the detection, diagnosis and checks of the last setup (0 compiler runs)')
assert !again.contains('toolchain: detected')

File crossDir = new File(basedir, 'target/cross/linux-aarch_64')
String header = new File(crossDir, 'include/cross_config.h').text
assert header.contains('for aarch64-linux-gnu')
assert header.contains('#define SIZEOF_LONG 8\n')
assert header.contains('#define SIZEOF_VOID_P 8\n')
assert header.contains('#define ALIGNOF_DOUBLE 8\n')
assert header.contains('#define HAVE_STDINT_H 1\n')
assert header.contains('#define CROSS_DEFINE___aarch64__ 1\n')
// remembered in the folder cross.toolchainCache names (it/pom.xml: target/cross-toolchains), one file for this module
def remembered = new File(basedir, 'target/cross-toolchains').listFiles()
assert remembered != null && remembered*.name.size() == 1 && remembered[0].name ==~ /toolchain-[0-9a-f]{32}\.json/
assert !new File(crossDir, 'toolchain-cache.json').exists()

def setup = new JsonSlurper().parse(new File(crossDir, 'setup.json'))
def c = setup.host.compilers.c
// ccache first when it is on PATH (cross.ccache, on by default)
assert c.argv == (setup.compiler_launcher.cache ? [setup.compiler_launcher.cache] : []) + [c.argv[-1]]
assert c.argv[-1].endsWith('/aarch64-linux-gnu-gcc')
assert c.id == 'gcc'
assert c.triple == 'aarch64-linux-gnu'
assert c.origin == 'preset:linux-arm64.ini:14 [binaries] c'
assert c.version ==~ /[0-9]+\.[0-9.]+/
assert setup.host.compilers.cpp == null
assert setup.doctor.ready == true
assert setup.doctor.findings.every { it.blocking == false }
assert setup.checks.sizeof.long == 8
assert setup.checks.headers.'stdint.h' == true
// setup.json is rewritten by the second run
assert setup.toolchain_reused == true
assert setup.compiler_runs == 0

// setup's cross.* project properties, as a later plugin of the same build sees them
Properties seen = new Properties()
new File(basedir, 'target/classes/checks.properties').withReader('UTF-8') { seen.load(it) }
assert seen == [
        'sizeof.long': '8', 'sizeof.void_p': '8', 'alignment.double': '8',
        'header.stdint_h': 'true', 'define.__aarch64__': '1',
] as Properties : "unexpected filtered checks.properties: ${seen}"
true
