import groovy.json.JsonSlurper

// Only src/main/cpp: setup detects the C++ compiler, not the C one, and asks nothing a C compiler would answer.
String log = new File(basedir, 'build.log').text
assert log =~ /C\+\+ compiler: *\/\S*\/aarch64-linux-gnu-g\+\+ \(gcc [0-9.]+, aarch64-linux-gnu\)/
assert !log.contains('[INFO] C compiler:')
assert log.contains('doctor: ready (')
assert !log.contains('checks: ') : 'no checks were configured'

File crossDir = new File(basedir, 'target/cross/linux-aarch_64')
def setup = new JsonSlurper().parse(new File(crossDir, 'setup.json'))
assert setup.host.compilers.keySet() == ['cpp'] as Set
def cpp = setup.host.compilers.cpp
// ccache first when it is on PATH (cross.ccache, on by default)
assert cpp.argv == (setup.compiler_launcher.cache ? [setup.compiler_launcher.cache] : []) + [cpp.argv[-1]]
assert cpp.argv[-1].endsWith('/aarch64-linux-gnu-g++')
assert cpp.id == 'gcc'
assert cpp.triple == 'aarch64-linux-gnu'
assert setup.doctor.ready == true
List<String> ids = setup.doctor.findings*.id
assert ids.contains('compiler.cpp') && ids.contains('libstdc++') && ids.contains('link.cpp')
assert !ids.contains('compiler.c') && !ids.contains('link.c')
assert setup.checks.compiler_runs == 0
// the header exists (compile puts its folder on the include path) but defines nothing
String header = new File(crossDir, 'include/cross_config.h').text
assert !header.contains('#define SIZEOF') && !header.contains('#define HAVE_')
true
