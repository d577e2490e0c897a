// Surefire ran AdderTest in the aarch64 JVM (through setup's launcher) and it called libadder.so.
File launcher = new File(basedir, 'target/cross/linux-aarch_64/jvm/bin/java')
assert launcher.isFile() && launcher.canExecute() : "setup did not write an executable ${launcher}"
String script = launcher.text
assert script.startsWith('#!/bin/sh\n')
assert script.contains("exec 'qemu-aarch64' '-L' '") : script

File report = new File(basedir, 'target/surefire-reports/TEST-dev.crossbuild.it.adder.AdderTest.xml')
assert report.isFile() : 'surefire did not run AdderTest'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 1
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0
assert suite.@skipped.toInteger() == 0
Map<String, String> properties = suite.properties.property.collectEntries { [(it.@name.text()): it.@value.text()] }
assert properties['os.arch'] == 'aarch64' : "the test JVM was not the aarch64 one: os.arch=${properties['os.arch']}"
assert properties['java.library.path'] == new File(basedir, 'target/cross/linux-aarch_64/lib').canonicalPath
assert properties['it.marker'] == 'kept'

String log = new File(basedir, 'build.log').text
assert log.contains('AdderTest: os.arch=aarch64 add(40, 2)=42 compiledFor=aarch64')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('target JVM runs through: qemu-aarch64 -L ')
true
