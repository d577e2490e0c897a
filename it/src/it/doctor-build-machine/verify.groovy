// Both invocations write into this one build.log, in order.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Scanning for projects', log.indexOf('BUILD SUCCESS'))
assert second > 0 : 'the first invocation did not succeed, or the second did not run'
String first = log.substring(0, second)
String withCc = log.substring(second)

// First invocation: the host toolchain is complete, the build machine's compiler of native.ini is missing.
List<String> lines = first.readLines()
String nativeFile = new File(basedir, 'native.ini').absolutePath
String missing = lines.find { it.contains('C compiler for the build machine:') }
assert missing != null : 'no finding for the build machine\'s C compiler'
assert missing == "[WARNING] [MISSING] C compiler for the build machine: no-such-cc (${nativeFile}:3 [binaries] c) " +
        "was not found on PATH -> install no-such-cc or correct [binaries] c at ${nativeFile}:3"
assert lines.any { it.startsWith('[INFO] [OK]      C compiler: ') && it.contains('/aarch64-linux-gnu-gcc (gcc ') }
// after the host's findings
assert lines.indexOf(missing) > lines.findIndexOf { it.contains('exe_wrapper: ') }
assert first.contains('[WARNING] Not ready: 1 blocking problem from 1 root cause')
assert first.contains('BUILD SUCCESS')

// Second invocation, no native file: the build machine's own cc.
assert withCc.readLines().any { it.startsWith('[INFO] [OK]      C compiler for the build machine: ') && it.contains('/cc (gcc ') }
assert withCc.contains('[INFO] Ready to build.')
assert withCc.contains('BUILD SUCCESS')

// the doctor writes nothing
assert !new File(basedir, 'target/cross').exists()
true
