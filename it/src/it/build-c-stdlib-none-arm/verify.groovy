import groovy.json.JsonSlurper

// build-c-stdlib-none-arm: a bare-metal ARM program whose C library is the module's own tinyc (c_stdlib).
String whole = new File(basedir, 'build.log').text
int second = whole.indexOf('Scanning for projects', whole.indexOf('Scanning for projects') + 1)
assert second > 0 : 'expected two invocations'
String built = whole.substring(0, second)
String unwrapped = whole.substring(second)
assert built.contains('BUILD SUCCESS')
assert unwrapped.contains('BUILD SUCCESS')

File cross = new File(basedir, 'target/cross/none-arm_32')
def setup = new JsonSlurper().parse(new File(cross, 'setup.json'))
assert setup.classifier == 'none-arm_32'
assert setup.host.system == 'none' && setup.host.cpu_family == 'arm'
assert setup.properties.c_stdlib == ['tinyc', 'tinyc_dep']

// The doctor asks for no start files, C library or libgcc of the toolchain (it has no libc: newlib is not installed)
// and test-links as the build does, -nostdlib.
Map findings = setup.doctor.findings.collectEntries { [(it.id): it] }
assert setup.doctor.ready
assert !findings.containsKey('crt-objects')
assert findings.libc.status == 'OK' && findings.libc.detail.startsWith("the module's <library> tinyc (") : findings.libc
assert findings.libgcc.status == 'OK'
assert findings['link.c'].status == 'OK' && findings['link.c'].detail.contains('-nostdinc -nostdlib') : findings['link.c']
assert findings['compiler.c'].status == 'OK' : findings['compiler.c']

// Every host source compiles with -nostdinc first, and with tinyc's headers.
String tinycInclude = '-I' + new File(basedir, 'tinyc/include').canonicalPath
def commands = new JsonSlurper().parse(new File(cross, 'compile_commands.json'))
assert commands.size() == 7 : commands*.file
commands.each { command ->
    List<String> args = command.arguments
    assert args[0].endsWith('arm-none-eabi-gcc') && args[1] == '-nostdinc' : args
    assert args.contains(tinycInclude) : args
}

// Links: -nostdlib, the program's objects, greet, then tinyc last; the library itself is not linked into itself.
// (links run in the module, as compiles, naming its files relative to it)
def link = { String name -> (built =~ /\[INFO\] SOURCE_DATE_EPOCH=\d+ \S*arm-none-eabi-gcc .* -o target\/cross\/\S+\/tmp\/${name}\/${name}\n/) }
[link('hello'), link('test_string')].each { matcher ->
    assert matcher.find() : 'no link command logged'
    String command = matcher.group()
    assert command.contains(' -nostdlib ') : command
    assert command.indexOf('libgreet.a ') < command.indexOf('libtinyc.a ') : command
    assert !command.contains(' -lc') : command
}

// The program: a static ARM executable (EM_ARM), no dynamic loader, no shared library, no toolchain libc.
File hello = new File(cross, 'bin/hello')
byte[] bytes = hello.bytes
assert bytes[0..3] == [0x7f, 0x45, 0x4c, 0x46] as byte[] : 'not ELF'
assert bytes[4] == 1 : 'not ELFCLASS32'
assert (bytes[18] & 0xff) == 40 : 'e_machine is not EM_ARM'
String headers = ['arm-none-eabi-readelf', '-l', '-d', hello.path].execute().text
assert !headers.contains('INTERP') && headers.contains('There is no dynamic section') : headers
String symbols = ['arm-none-eabi-nm', new File(cross, 'debug/hello.debug').path].execute().text
['_start', 'puts', 'strlen', 'memcpy', 'semihosting_call', 'greet'].each { symbol ->
    assert symbols =~ /(?m) T ${symbol}$/ : "${symbol} is not in hello"
}

// Both ran under qemu-arm, talking through semihosting.
assert built =~ /\[INFO\] Running 2 native tests through \S*qemu-arm/
assert built =~ /\[INFO\] PASS test_string \(\d+\.\d\d s\)/
assert built =~ /\[INFO\] PASS hello \(\d+\.\d\d s\)/
// qemu-arm writes what the program sends to the semihosting console on its standard error.
def console = { String test -> new groovy.xml.XmlSlurper().parse(
        new File(basedir, "target/surefire-reports/TEST-cross.none-arm_32.${test}.xml")).testcase.'system-err'.text() }
assert console('hello') == 'hello from bare metal\n'
assert console('test_string') == 'string functions ok\n'

// The jar for the classifier none-arm_32 holds the program and the two static libraries.
def entries = new java.util.zip.ZipFile(new File(basedir, 'target/build-c-stdlib-none-arm-1.0-SNAPSHOT-none-arm_32.jar'))
        .entries().collect { it.name }
['hello', 'libtinyc.a', 'libgreet.a'].each { assert entries.contains("META-INF/native/none-arm_32/${it}".toString()) : entries }

// Without an exe_wrapper: built, not run, and the build passes.
assert unwrapped =~ /\[WARNING\] Not running 2 native tests: none\/arm programs cannot run on this \S+ machine, and the cross file sets no \[binaries\] exe_wrapper/
assert !unwrapped.contains('PASS ')
assert new groovy.xml.XmlSlurper().parse(new File(basedir,
        'target/surefire-reports/TEST-cross.none-arm_32-no-wrapper.test_string.xml')).@skipped.text() == '1'
true
