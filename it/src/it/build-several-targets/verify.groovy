// The shared checks of the build-jni-* ITs (it/src/it/shared), once per execution's host machine.
File checks = new File(basedir, '../../../src/it/shared/build-jni-checks.groovy')
assert checks.isFile() : "the shared checks are not at ${checks.canonicalPath}"
String log = new File(basedir, 'build.log').text
assert log.count('[INFO] compiled 4 of 4 sources (0 up to date)') == 2
assert log.count('[INFO] linked 3 of 3 outputs (0 up to date)') == 2

expected = [classifier: 'linux-aarch_64', cpuFamily: 'aarch64', bits: 64, machine: 'EM_AARCH64', format: 'ELF',
            floatAbi: null, binutils: 'aarch64-linux-gnu-', run: ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'],
            executions: 2]
evaluate(checks)
expected = [classifier: 'linux-arm_32', cpuFamily: 'arm', bits: 32, machine: 'EM_ARM', format: 'ELF',
            floatAbi: 'hard', binutils: 'arm-linux-gnueabihf-', run: ['qemu-arm', '-L', '/usr/arm-linux-gnueabihf'],
            executions: 2]
evaluate(checks)
true
