// The site report of a real linux-arm64 build: machines, compiler, checks, and each output with its verified machine.
import groovy.json.JsonSlurper

File page = new File(basedir, 'target/site/cross-report.html')
assert page.isFile() : "site did not write ${page}"
String html = page.getText('UTF-8')
// what a reader sees: tags removed, entities of quotes undone, whitespace collapsed
String text = html.replaceAll('<[^>]*>', ' ').replace('&#39;', "'").replace('&amp;', '&').replaceAll('\\s+', ' ')
def shows = { String expected -> assert text.contains(expected) : "cross-report.html does not show: ${expected}" }
def matches = { String pattern -> assert text =~ pattern : "cross-report.html has nothing matching: ${pattern}" }

// rendered into the skin, with the report's name in the menu
assert html.contains('maven-fluido') : 'the page is not rendered into the fluido skin'
shows('Cross build report')
shows('Classifier linux-aarch_64')

// the aarch64 host, and how its binaries run here
shows('host (runs the outputs) linux aarch64 aarch64 little 64-bit')
shows('build (runs the compilers) linux x86_64 x86_64 little 64-bit')
shows('yes, through the exe_wrapper qemu-aarch64 -L /usr/aarch64-linux-gnu')

// the cross file in layered order, with what it sets
shows('1. preset:linux-arm64.ini Bundled preset of cross-core.')
matches(/\[binaries\] c aarch64-linux-gnu-gcc \d+/)

// the toolchain: the compiler with its id, version and triple
// (ccache in front of it when this machine has one: cross.ccache is on by default)
matches(/c (\/usr\/bin\/ccache )?\/usr\/bin\/aarch64-linux-gnu-gcc gcc \d+\.\d+(\.\d+)? aarch64-linux-gnu preset:linux-arm64\.ini:\d+ \[binaries\] c/)
shows('OK Ready: every piece the build needs is there.')

// the size checks, under the names cross_config.h and the project properties use
shows('sizeof long 8 SIZEOF_LONG cross.sizeof.long')
shows('sizeof void* 8 SIZEOF_VOID_P cross.sizeof.void_p')
shows('header stdint.h yes HAVE_STDINT_H cross.has.header.stdint_h')

// each output with its verified machine, as outputs.json describes it
def outputs = new JsonSlurper().parse(new File(basedir, 'target/cross/linux-aarch_64/outputs.json')).outputs
assert outputs*.file.sort() == ['bin/hello-cli', 'lib/libhello.so']
outputs.each { output ->
    assert output.binary.machine == 'EM_AARCH64'
    matches(/${java.util.regex.Pattern.quote(output.file)} (shared library|executable) [\d,]+ bytes EM_AARCH64 \(aarch64, 64-bit, little\) yes/)
    // the portability gate checked it with its defaults: system libraries only, no version limit
    assert output.portability.problems == [] : "${output.file}: ${output.portability.problems}"
    matches(/${java.util.regex.Pattern.quote(output.file)} (shared library|executable) [\d,]+ bytes .* yes \S+ no problems/)
    shows("SHA-256 ${output.sha256}")
}
matches(/SONAME libhello.so DT_NEEDED libc.so.6 Highest GLIBC version 2\.\d+/)
shows('Verified against verified: linux/aarch64')
shows('Portability no problems Portability limits none (no maxGlibc, no maxGlibcxx) Verified against')

// no native tests in this project
shows('No native test reports (TEST-cross.linux-aarch_64.*.xml) in target/surefire-reports.')
true
