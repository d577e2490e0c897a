import groovy.json.JsonSlurper

// has_function is answered by linking for aarch64, never by running: one compile (the preprocessor half), one link
// of both functions the compiler is asked about, failing on the missing one, and one link without it.
// The third function comes from overrides.ini's [properties] and costs nothing.
String log = new File(basedir, 'build.log').text
assert log.contains('checks: has.function.clock_gettime=true, has.function.cross_it_no_such_function=false, '
        + 'has.function.cross_it_answered_by_properties=true (3 compiler runs)')

File crossDir = new File(basedir, 'target/cross/linux-aarch_64')
String header = new File(crossDir, 'include/cross_config.h').text
assert header.contains('#define HAVE_CLOCK_GETTIME 1\n')
assert header.contains('/* #undef HAVE_CROSS_IT_NO_SUCH_FUNCTION */\n')
assert header.contains('#define HAVE_CROSS_IT_ANSWERED_BY_PROPERTIES 1\n')

// the last link program holds only what the compiler was asked about and still links
String linked = new File(crossDir, 'checks/cross-checks-c-link.c').text
assert linked.contains('clock_gettime')
assert !linked.contains('cross_it_answered_by_properties')

def setup = new JsonSlurper().parse(new File(crossDir, 'setup.json'))
assert setup.cross_files.size() == 2
assert setup.cross_files[0] == 'preset:linux-arm64.ini'
assert setup.cross_files[1].endsWith('/overrides.ini')
assert setup.checks.functions == [clock_gettime: true, cross_it_no_such_function: false,
                                  cross_it_answered_by_properties: true]
assert setup.checks.compiler_runs == 3
true
