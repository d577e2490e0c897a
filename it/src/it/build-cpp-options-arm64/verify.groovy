import groovy.json.JsonSlurper

// cpp_eh = 'none' and cpp_rtti = false (no-exceptions.ini): the C++ compile gets -fno-exceptions -fno-rtti after its
// -std (none here), as Meson's gcc does; counter.cpp stops with #error otherwise. The C compile gets neither.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('cpp_eh is ignored') && !log.contains('cpp_rtti is ignored')

File crossDir = new File(basedir, 'target/cross/linux-aarch_64')
def commands = new JsonSlurper().parse(new File(crossDir, 'compile_commands.json'))
def cpp = commands.find { it.file.endsWith('counter.cpp') }
def c = commands.find { it.file.endsWith('answer.c') }
assert cpp.arguments.contains('-fno-exceptions') && cpp.arguments.contains('-fno-rtti') : cpp.arguments
assert !c.arguments.contains('-fno-exceptions') && !c.arguments.contains('-fno-rtti') : c.arguments
assert new File(crossDir, 'lib/libembedded.so').isFile()
