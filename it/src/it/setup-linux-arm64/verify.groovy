import groovy.json.JsonSlurper

File setupJson = new File(basedir, 'target/cross/linux-aarch_64/setup.json')
assert setupJson.isFile() : "setup did not write ${setupJson}"
def setup = new JsonSlurper().parse(setupJson)

assert setup.host.system == 'linux'
assert setup.host.cpu_family == 'aarch64'
assert setup.host.endian == 'little'
assert setup.host.is_64_bit == true
assert setup.build.cpu_family == 'x86_64'
assert setup.is_cross_build == true
// the preset has a qemu exe_wrapper, so host binaries can run here
assert setup.can_run_host_binaries == true
assert setup.binaries.c == ['aarch64-linux-gnu-gcc']
assert setup.cross_files == ['preset:linux-arm64.ini']
assert setup.native_files == []
assert setup.classifier == 'linux-aarch_64'
assert setup.warnings == []

String log = new File(basedir, 'build.log').text
assert log.contains('host   machine: linux/aarch64 (aarch64, little)')
assert log.contains('classifier: linux-aarch_64')
true
