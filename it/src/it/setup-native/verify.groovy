import groovy.json.JsonSlurper

File crossDir = new File(basedir, 'target/cross')
// .stamps holds the goals' up-to-date stamps, not a classifier
List<String> written = ((crossDir.list() ?: new String[0]) as List).findAll { !it.startsWith('.') }
assert written == ['linux-x86_64'] : "expected only target/cross/linux-x86_64 on this x86_64 Linux build machine, found ${written}"

def setup = new JsonSlurper().parse(new File(crossDir, 'linux-x86_64/setup.json'))
assert setup.is_cross_build == false
assert setup.can_run_host_binaries == true
assert setup.host == setup.build
assert setup.target == setup.host
assert setup.build.system == 'linux'
assert setup.build.cpu_family == 'x86_64'
assert setup.build.is_64_bit == true
assert setup.cross_files == []
assert setup.classifier == 'linux-x86_64'
assert setup.warnings == []

String log = new File(basedir, 'build.log').text
assert log.contains('host   machine: linux/x86_64 (x86_64, little)')
true
