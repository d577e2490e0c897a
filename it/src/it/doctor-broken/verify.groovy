// Both invocations write into this one build.log, in order.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Scanning for projects', log.indexOf('BUILD SUCCESS'))
assert second > 0 : 'the first invocation did not succeed, or the second did not run'
String first = log.substring(0, second)
String failing = log.substring(second)

// First invocation: the full diagnosis, and the build succeeds.
List<String> lines = first.readLines()
String compiler = lines.find { it.contains('[ERROR]   C compiler:') }
assert compiler != null : 'no [ERROR] finding for the C compiler'
assert compiler.startsWith('[WARNING] ')                        // a problem, logged as a Maven warning
assert compiler.contains('/x86_64-linux-gnu-gcc (')
assert compiler.contains('wrong-machine.ini:3 [binaries] c)')
assert compiler.contains('compiles for x86_64-linux-gnu (linux/x86_64, little endian)')
assert compiler.contains('but the host machine is linux/aarch64 (aarch64, little endian)')
assert compiler.contains(" -> set c in [binaries] at ")
assert compiler.contains("c = 'aarch64-linux-gnu-gcc' (sudo apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross)")

String strip = lines.find { it.contains('[MISSING] strip:') }
assert strip != null : 'no [MISSING] finding for strip'
assert strip.contains('aarch64-linux-gnu-strip-nonexistent (')
assert strip.contains('wrong-machine.ini:4 [binaries] strip) was not found on PATH -> ')
assert strip.contains('-Dcross.strip=false')

// every check ran: the C++ side of the same toolchain is diagnosed although C is broken
assert lines.any { it.startsWith('[INFO] [OK]      C++ compiler: ') && it.contains('aarch64-linux-gnu-g++') }
assert lines.any { it.startsWith('[INFO] [OK]      C++ linker: a test program links') }
// root causes first: the compiler finding comes before the binutils
assert lines.indexOf(compiler) < lines.indexOf(strip)
assert first.contains('[WARNING] Not ready: 2 blocking problems from 2 root causes')
assert first.contains('BUILD SUCCESS')
assert !first.contains('BUILD FAILURE')

// Second invocation, -Dcross.doctor.failOnProblems=true: the same findings fail the build.
assert failing.contains('BUILD FAILURE')
assert failing.contains('on project doctor-broken: The toolchain is not ready:')
assert failing =~ /\[ERROR\] \[ERROR\] +C compiler: \S*\/x86_64-linux-gnu-gcc /
assert failing.contains('[ERROR] Not ready: 2 blocking problems from 2 root causes')
assert failing.contains('MojoFailureException')
assert !log.contains('\tat dev.crossbuild')

// the doctor writes nothing
assert !new File(basedir, 'target/cross').exists()
true
