import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log =~ /C compiler: +\/\S*\/arm-linux-gnueabihf-gcc \(gcc [0-9.]+, arm-linux-gnueabihf\)/
assert log.contains('doctor: ready (')
// 32-bit: long and pointers are 4 bytes; the EABI aligns double to 8. One compile answers them all.
assert log.contains('checks: sizeof.long=4, sizeof.void_p=4, alignment.double=8, has.header.stdint_h=true, '
        + 'has.define.__ARM_ARCH=true, define.__ARM_ARCH=7 (1 compiler run)')

File crossDir = new File(basedir, 'target/cross/linux-arm_32')
assert crossDir.isDirectory() : "expected the classifier linux-arm_32, found ${new File(basedir, 'target/cross').list()}"
String header = new File(crossDir, 'include/cross_config.h').text
assert header.contains('for arm-linux-gnueabihf')
assert header.contains('#define SIZEOF_LONG 4\n')
assert header.contains('#define SIZEOF_VOID_P 4\n')
assert header.contains('#define ALIGNOF_DOUBLE 8\n')
assert header.contains('#define HAVE_STDINT_H 1\n')
assert header.contains('#define CROSS_DEFINE___ARM_ARCH 7\n')

def setup = new JsonSlurper().parse(new File(crossDir, 'setup.json'))
def c = setup.host.compilers.c
// ccache first when it is on PATH (cross.ccache, on by default)
assert c.argv == (setup.compiler_launcher.cache ? [setup.compiler_launcher.cache] : []) + [c.argv[-1]]
assert c.argv[-1].endsWith('/arm-linux-gnueabihf-gcc')
assert c.id == 'gcc'
assert c.triple == 'arm-linux-gnueabihf'
assert setup.doctor.ready == true
assert setup.checks.sizeof.long == 4
assert setup.checks.compiler_runs == 1
assert setup.toolchain_reused == false
true
