import groovy.json.JsonSlurper

// The three invocations write into this one build.log, in order.
String whole = new File(basedir, 'build.log').text
int second = whole.indexOf('Scanning for projects', whole.indexOf('BUILD FAILURE'))
assert second > 0 : 'the first invocation did not fail, or the second did not run'
int third = whole.indexOf('Scanning for projects', whole.indexOf('BUILD SUCCESS', second))
assert third > 0 : 'the second invocation did not succeed, or the third did not run'
String log = whole.substring(0, second)
String doctor = whole.substring(second, third)
String named = whole.substring(third)

// The doctor checked zlib because a host library depends on it, and says how to install it for arm64.
String finding = log.readLines().find { it.contains('[MISSING] zlib for linux/aarch64:') }
assert finding != null : 'no [MISSING] zlib finding in build.log'
assert finding.contains('linking with -lz would fail')
// First remedy: a private sysroot (no multiarch, no root); then multiarch.
int sysroot = log.indexOf('let cross fetch it into a private sysroot: <sysrootPackages><package>zlib1g-dev</package>'
        + '</sysrootPackages> in the cross-maven-plugin\'s configuration (or -Dcross.sysrootPackages=zlib1g-dev')
int multiarch = log.indexOf('sudo dpkg --add-architecture arm64 && sudo apt-get update && sudo apt-get install zlib1g-dev:arm64')
assert sysroot > 0 && multiarch > sysroot : 'the sysroot remedy comes first, then multiarch'
assert log.contains('The toolchain for linux/aarch64 (aarch64, little) is not ready:')
assert log.contains('MojoFailureException')
assert !log.contains('\tat dev.crossbuild')

// The compilers themselves were fine: zlib is the one problem.
def setup = new JsonSlurper().parse(new File(basedir, 'target/cross/linux-aarch_64/setup.json'))
assert setup.doctor.ready == false
def blocking = setup.doctor.findings.findAll { it.blocking && it.status != 'OK' }*.id
assert blocking == ['zlib'] : "blocking findings: ${blocking}"

// Second invocation, cross:doctor: zlib checked for the library's dependency; a warning, and no failure.
assert doctor.readLines().any { it.startsWith('[WARNING] [MISSING] zlib for linux/aarch64: ') }
assert doctor.contains('[INFO] [OK]      C compiler: /usr/bin/aarch64-linux-gnu-gcc')
assert doctor.contains('BUILD SUCCESS')

// Third, -Dcross.doctor.libraries=zlib: named and depended on, checked once.
assert named.readLines().count { it.startsWith('[WARNING] [MISSING] zlib for linux/aarch64: ') } == 1
assert named.contains('BUILD SUCCESS')
true
