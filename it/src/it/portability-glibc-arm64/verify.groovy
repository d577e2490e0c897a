// The portability gate on linux-arm64 with maxGlibc 2.17: reported (warnings, outputs.json, site report), then
// enforced from the command line, failing with each problem, its output and object, and the remedies.
import groovy.json.JsonSlurper

String whole = new File(basedir, 'build.log').text
int second = whole.indexOf('Scanning for projects', whole.indexOf('BUILD SUCCESS'))
assert second > 0 : 'the first invocation did not succeed, or the second did not run'
String report = whole.substring(0, second)
String enforced = whole.substring(second)

// ---- 1. reported: warnings, one per problem, then each remedy once and a summary; the build succeeds ----------
String warn = '[WARNING] portability: '
assert report.contains(warn + 'bin/tool: pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; '
        + 'referenced by obj/executable/tool/tool.c.o\n')
assert report.contains(warn + 'bin/tool: arc4random@GLIBC_2.36 (libc.so.6) is newer than maxGlibc 2.17; '
        + 'referenced by obj/executable/tool/tool.c.o\n')
// every executable linked against glibc 2.34 or later needs it: the C runtime's startup code calls it, not tool.c
assert report.contains(warn + 'bin/tool: __libc_start_main@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; '
        + "no object of the target references it: it comes from the C runtime's startup files (crt1.o) or a library "
        + 'linked in\n')
assert report.contains(warn + 'lib/libstacky.so: asks for an executable stack (PT_GNU_STACK with PF_X); every object '
        + 'has a non-executable .note.GNU-stack, so the link asked for it (-z execstack)\n')
assert report.contains(warn + 'lib/libloose.so: has text relocations (DT_TEXTREL): the loader must write into its code\n')
assert report.contains(warn + 'Remedy (glibc): Build against an older C library: the sysroot of the oldest '
        + "distribution you support (sys_root in the cross file's [properties]) or an older toolchain; or raise "
        + '<maxGlibc> to the oldest glibc your users run.')
assert report.contains(warn + 'Remedy (executable_stack): Link with -Wl,-z,noexecstack in <linkerArgs>')
assert report.contains(warn + 'Remedy (textrel): Compile every object linked in with -fPIC')
assert report =~ /\[WARNING\] portability: \d+ problems in 3 of 4 outputs \(maxGlibc 2\.17\); <portability><enforce>true<\/enforce> \(or -Dcross\.portability\.enforce=true\) fails the build on them/
// libdemo.so needs nothing above GLIBC_2.17, and tool needs libdemo.so, the module's own library: neither is named
assert !report.contains(warn + 'lib/libdemo.so')
assert !report.contains('needs libdemo.so, which')
assert report.contains('BUILD SUCCESS')

// outputs.json: each shared library and executable with the policy and its problems
def outputs = new JsonSlurper().parse(new File(basedir, 'target/cross/linux-aarch_64/outputs.json')).outputs
def byFile = outputs.collectEntries { [(it.file): it] }
assert byFile.keySet() == ['bin/tool', 'lib/libdemo.so', 'lib/libstacky.so', 'lib/libloose.so'] as Set
byFile.values().each { entry ->
    assert entry.portability.policy == [checks: '1', max_glibc: '2.17', max_glibcxx: null, allowed_libraries: []]
}
assert byFile['lib/libdemo.so'].portability.problems == []
def tool = byFile['bin/tool'].portability.problems
assert tool.every { it.check == 'glibc' }
assert tool.find { it.subject == 'pthread_create@GLIBC_2.34' }.objects == ['obj/executable/tool/tool.c.o']
assert tool.find { it.subject == '__libc_start_main@GLIBC_2.34' }.objects == []
assert byFile['lib/libstacky.so'].portability.problems*.check == ['executable_stack']
assert byFile['lib/libstacky.so'].binary.executable_stack == true
assert byFile['lib/libloose.so'].portability.problems*.check == ['textrel']
assert byFile['lib/libloose.so'].binary.textrel == true

// the site report: a Portability column and each output's problems with the remedies
File page = new File(basedir, 'target/site/cross-report.html')
assert page.isFile() : "site did not write ${page}"
String text = page.getText('UTF-8').replaceAll('<[^>]*>', ' ').replace('&#39;', "'").replace('&amp;', '&')
        .replace('&lt;', '<').replace('&gt;', '>').replaceAll('\\s+', ' ')
assert text =~ /bin\/tool executable [\d,]+ bytes EM_AARCH64 \(aarch64, 64-bit, little\) yes debug\/tool\.debug \d problems/
assert text =~ /lib\/libdemo\.so shared library [\d,]+ bytes EM_AARCH64 \(aarch64, 64-bit, little\) yes debug\/libdemo\.so\.debug no problems/
assert text.contains('Portability limits maxGlibc 2.17 Portability problems')
assert text.contains('pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; referenced by obj/executable/tool/tool.c.o')
assert text.contains('Remedies Build against an older C library')

// ---- 2. enforced: up to date, the recorded problems fail native-link with every one named -------------------------
assert enforced.contains('[INFO] linked 0 of 4 outputs (4 up to date)')
assert enforced.contains('BUILD FAILURE')
assert !enforced.contains(warn) : 'enforced problems are the failure, not warnings'
assert enforced =~ /\[ERROR\] Failed to execute goal dev\.crossbuild:cross-maven-plugin:[^:]+:native-link \(default\) on project portability-glibc-arm64: Portability \(<portability><enforce>true<\/enforce>, maxGlibc 2\.17\): \d+ problems in 3 outputs:/
assert enforced.contains('[ERROR]   bin/tool: pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; '
        + 'referenced by obj/executable/tool/tool.c.o\n')
assert enforced.contains('[ERROR]   bin/tool: __libc_start_main@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17')
assert enforced.contains('[ERROR]   lib/libstacky.so: asks for an executable stack')
assert enforced.contains('[ERROR]   lib/libloose.so: has text relocations (DT_TEXTREL)')
assert enforced.contains('[ERROR] Remedy (glibc): Build against an older C library')
assert !enforced.contains('\tat dev.crossbuild') && !enforced.contains('Caused by') : 'no stack trace for a user problem'
// the outputs are kept (and their jar was attached by the first build)
assert new File(basedir, 'target/cross/linux-aarch_64/bin/tool').isFile()
true
