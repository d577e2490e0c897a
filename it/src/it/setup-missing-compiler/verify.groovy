import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text

// One finding names the compiler, the key c, the file with its line, and the remedy.
String finding = log.readLines().find { it.contains('[MISSING] C compiler:') }
assert finding != null : 'no [MISSING] C compiler finding in build.log'
assert finding.contains('aarch64-linux-gnu-gcc-nonexistent')
assert finding.contains('missing-gcc.ini:4 [binaries] c)')
assert finding.contains('was not found on PATH')
assert finding.contains(' -> ')
assert finding.contains('correct [binaries] c at ')
assert log.contains('The toolchain for linux/aarch64 (aarch64, little) is not ready:')
assert log.contains('Not ready: 1 blocking problem from 1 root cause')
assert log.contains("Run 'mvn cross:doctor' for the full diagnosis.")
assert log.contains('doctor: NOT ready')
// never a silent fall back to the build machine's cc
assert !log.contains('C compiler:  /')
// a user's problem: MojoFailureException, and no stack trace
assert log.contains('MojoFailureException')
assert !log.contains('\tat dev.crossbuild')
assert !log.contains('Exception in thread')

// setup.json is written with the diagnosis (for reports), marked not ready; no checks, no cache of a failure
File crossDir = new File(basedir, 'target/cross/linux-aarch_64')
def setup = new JsonSlurper().parse(new File(crossDir, 'setup.json'))
assert setup.doctor.ready == false
def compiler = setup.doctor.findings.find { it.id == 'compiler.c' }
assert compiler.status == 'MISSING' && compiler.blocking == true
assert !new File(crossDir, 'toolchain-cache.json').exists()
assert !new File(basedir, 'target/cross-toolchains').exists() : 'a toolchain that is not ready is never remembered'
assert !new File(crossDir, 'include/cross_config.h').exists()
true
