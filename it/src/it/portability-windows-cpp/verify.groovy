// MinGW C++ DLLs and the portability gate: the runtime DLLs each link imports, named with the remedy; reported with
// the preset's posix-thread g++, enforced with the win32-thread g++ (where -static-libgcc -static-libstdc++ suffice).
import groovy.json.JsonSlurper

String whole = new File(basedir, 'build.log').text
int second = whole.indexOf('Scanning for projects', whole.indexOf('BUILD SUCCESS'))
assert second > 0 : 'the first invocation did not succeed, or the second did not run'
String posix = whole.substring(0, second)
String win32 = whole.substring(second)
String warn = '[WARNING] portability: '
String runtime = ", a DLL of MinGW's GCC runtime that Windows machines without MinGW do not have\n"

// ---- 1. posix-thread g++ (the preset), reported ------------------------------------------------------------------
assert posix.contains(warn + 'bin/plain.dll: imports libgcc_s_seh-1.dll' + runtime)
assert posix.contains(warn + 'bin/plain.dll: imports libstdc++-6.dll' + runtime)
// the static flags take libstdc++ and libgcc in, but the posix libstdc++ needs winpthread, which stays a DLL
assert posix.contains(warn + 'bin/static-runtime.dll: imports libwinpthread-1.dll' + runtime)
assert !posix.contains(warn + 'bin/static-runtime.dll: imports libstdc++-6.dll')
assert !posix.contains(warn + 'bin/fully-static.dll')
assert posix.contains(warn + 'Remedy (mingw_runtime): libstdc++-6.dll: add -static-libgcc -static-libstdc++ to '
        + '<linkerArgs> (the C++ runtime and libgcc linked in). Or ship libstdc++-6.dll beside the output (from the '
        + 'MinGW installation) and name it in <portability><allowedLibraries>.')
assert posix.contains(warn + 'Remedy (mingw_runtime): libwinpthread-1.dll: the posix-thread MinGW g++ '
        + "(x86_64-w64-mingw32-g++-posix, the windows-x64.ini preset's) links libstdc++ against winpthread, so "
        + '-static-libgcc -static-libstdc++ still leave it; link with -static in <linkerArgs>')
assert posix.contains(warn + '3 problems in 2 of 3 outputs; <portability><enforce>true</enforce> (or '
        + '-Dcross.portability.enforce=true) fails the build on them')

def outputs = new JsonSlurper().parse(new File(basedir, 'target/cross/windows-x86_64/outputs.json')).outputs
def byFile = outputs.collectEntries { [(it.file): it] }
assert byFile['bin/plain.dll'].binary.imports as Set == ['KERNEL32.dll', 'msvcrt.dll', 'libgcc_s_seh-1.dll',
        'libstdc++-6.dll'] as Set
assert byFile['bin/plain.dll'].portability.problems*.subject as Set == ['libgcc_s_seh-1.dll', 'libstdc++-6.dll'] as Set
assert byFile['bin/plain.dll'].portability.problems.every { it.check == 'mingw_runtime' }
assert byFile['bin/static-runtime.dll'].portability.problems*.subject == ['libwinpthread-1.dll']
assert byFile['bin/fully-static.dll'].binary.imports as Set == ['KERNEL32.dll', 'msvcrt.dll'] as Set
assert byFile['bin/fully-static.dll'].portability.problems == []
assert byFile['lib/libplain.dll.a'] == null : 'import libraries are no outputs of their own'

// ---- 2. win32-thread g++, enforced: only plain.dll fails ----------------------------------------------------------
assert win32.contains('BUILD FAILURE')
assert win32 =~ /\[ERROR\] Failed to execute goal dev\.crossbuild:cross-maven-plugin:[^:]+:native-link \(default\) on project portability-windows-cpp: Portability \(<portability><enforce>true<\/enforce>\): 2 problems in 1 output:/
assert win32.contains('[ERROR]   bin/plain.dll: imports libgcc_s_seh-1.dll' + runtime)
assert win32.contains('[ERROR]   bin/plain.dll: imports libstdc++-6.dll' + runtime)
assert win32.contains('[ERROR] Remedy (mingw_runtime): libgcc_s_seh-1.dll: add -static-libgcc -static-libstdc++ to '
        + '<linkerArgs>')
assert !win32.contains('static-runtime.dll: imports') && !win32.contains('fully-static.dll: imports')
assert !win32.contains('\tat dev.crossbuild') && !win32.contains('Caused by')
def win32Outputs = new JsonSlurper().parse(new File(basedir, 'target/cross/windows-win32/outputs.json')).outputs
def win32ByFile = win32Outputs.collectEntries { [(it.file): it] }
assert win32ByFile['bin/static-runtime.dll'].binary.imports as Set == ['KERNEL32.dll', 'msvcrt.dll'] as Set
assert win32ByFile['bin/static-runtime.dll'].portability.problems == []
true
