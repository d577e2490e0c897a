import groovy.json.JsonSlurper

// host cpu_family comes from override.ini, so the classifier is riscv64's
File setupJson = new File(basedir, 'target/cross/linux-riscv64/setup.json')
assert setupJson.isFile() : "setup did not write ${setupJson}"
def setup = new JsonSlurper().parse(setupJson)

// [host_machine]: cpu_family and cpu from override.ini, system and endian only in base.ini
assert setup.host.cpu_family == 'riscv64'
assert setup.host.cpu == 'riscv64'
assert setup.host.system == 'linux'
assert setup.host.endian == 'little'
assert setup.is_cross_build == true
// riscv64 cannot run on x86_64 and neither file has an exe_wrapper
assert setup.can_run_host_binaries == false
assert setup.classifier == 'linux-riscv64'
assert setup.warnings == []

// [binaries]: c overridden, strip only in base.ini
assert setup.binaries.c == ['riscv64-linux-gnu-gcc']
assert setup.binaries.strip == ['aarch64-linux-gnu-strip']

// [properties], typed: later file wins, keys of the earlier file survive
assert setup.properties.who == 'override'
assert setup.properties.only_in_base == 'yes'
assert setup.properties.answer == 42
assert setup.properties.verbose == true
assert setup.properties.tags == ['a', 'b']

assert setup.cross_files.size() == 2
assert setup.cross_files[0].endsWith('base.ini')
assert setup.cross_files[1].endsWith('override.ini')

String log = new File(basedir, 'build.log').text
assert log.contains('host   machine: linux/riscv64 (riscv64, little)')
assert log.contains('classifier: linux-riscv64')
true
