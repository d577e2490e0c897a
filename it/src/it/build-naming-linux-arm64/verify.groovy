// Library naming. Invoker ran build 1 (linux-arm64); this script runs build 2 (windows-x64) itself.
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarFile

def run = { List<String> argv ->
    Process process = new ProcessBuilder(argv*.toString()).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${argv.join(' ')}:\n${output}"
    output
}
def outputs = { String classifier ->
    new JsonSlurper().parse(new File(basedir, "target/cross/${classifier}/outputs.json")).outputs
            .collectEntries { [(it.file): it] }
}
def index = { String classifier ->
    File jar = new File(basedir, "target/build-naming-linux-arm64-1.0-SNAPSHOT-${classifier}.jar")
    assert jar.isFile() : "no ${jar}"
    new JarFile(jar).withCloseable { file ->
        [entries: file.entries().collect { it.name } as Set,
         index: file.getInputStream(file.getEntry("META-INF/native/${classifier}/index.tsv")).text]
    }
}

// ---- 1. linux-arm64 ------------------------------------------------------------------------------------------------
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
File root = new File(basedir, 'target/cross/linux-aarch_64')
Path lib = root.toPath().resolve('lib')

// z: the file named by its version, its SONAME by the soversion, the usual links
assert Files.isRegularFile(lib.resolve('libz.so.1.3.1')) && !Files.isSymbolicLink(lib.resolve('libz.so.1.3.1'))
assert Files.readSymbolicLink(lib.resolve('libz.so.1')).toString() == 'libz.so.1.3.1'
assert Files.readSymbolicLink(lib.resolve('libz.so')).toString() == 'libz.so.1'
def linux = outputs('linux-aarch_64')
assert linux['lib/libz.so.1.3.1'].binary.soname == 'libz.so.1'
assert linux['lib/libz.so.1.3.1'].aliases == ['lib/libz.so.1', 'lib/libz.so']
assert log.contains('libz.so.1.3.1: ELF 64-bit little-endian aarch64 shared object, SONAME libz.so.1')

// util: both libraries, from one set of objects, each source compiled once
assert linux['lib/libutil.so'].kind == 'shared_library'
assert linux['lib/libutil.a'].kind == 'static_library'
assert log.count('CC src/util/util.c') == 1 : log
assert new File(root, 'obj/library/util/util.c.o').isFile()

// lua and lua: a library and an executable of one name, each with its own objects
assert new File(root, 'obj/library/lua/lua.c.o').isFile()
assert new File(root, 'obj/executable/lua/main.c.o').isFile()
assert linux['lib/liblua.so'].kind == 'shared_library'
assert linux['bin/lua'].kind == 'executable'
// spam: its own prefix and suffix, linked by its path; lpeg: no prefix ('')
assert linux['lib/py_spam.pyd'].binary.soname == 'py_spam.pyd'
assert linux['lib/lpeg.so'].binary.soname == 'lpeg.so'

// the executable asks for each library by its SONAME and runs, finding libz.so.1 through the link in lib/
assert linux['bin/lua'].binary.needed.containsAll(['liblua.so', 'libz.so.1', 'libutil.so', 'py_spam.pyd'])
assert run(['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu', new File(root, 'bin/lua').path]) == '131 42 42 spam\n'

// the jar carries what the loader needs: the versioned library under its SONAME, no links, no second copy
def jar = index('linux-aarch_64')
String folder = 'META-INF/native/linux-aarch_64/'
assert jar.entries.contains(folder + 'libz.so.1')
assert !jar.entries.contains(folder + 'libz.so.1.3.1') && !jar.entries.contains(folder + 'libz.so')
assert jar.entries.containsAll([folder + 'liblua.so', folder + 'lua', folder + 'libutil.so', folder + 'libutil.a',
                                folder + 'py_spam.pyd'])
assert jar.index.contains('\nlibrary\tz\tlibz.so.1\t') : jar.index
assert jar.index =~ /\nlibrary\tlua\tliblua\.so\t[0-9a-f]{64}\t\n/
assert jar.index =~ /\nfile\tlua\tlua\t[0-9a-f]{64}\t\n/
assert jar.index =~ /\nfile\tutil\tlibutil\.a\t/

// ---- 2. windows-x64: Meson's DLL names ----------------------------------------------------------------------------
File settings = new File(basedir, '../interpolated-settings.xml')
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
File windowsLog = new File(basedir, 'build-2.log')
ProcessBuilder builder = new ProcessBuilder(mvnCommand, '-B', '-o', '-s', settings.path,
        "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-Dcross.file=windows-x64.ini', '-Dcross.jobs=2',
        'package').directory(basedir).redirectErrorStream(true).redirectOutput(windowsLog)
builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
assert builder.start().waitFor() == 0 : windowsLog.text
def windows = outputs('windows-x86_64')
assert windows['bin/z-1.dll'].import_library == 'lib/libz.dll.a'
assert windows['bin/py_spam.pyd'].import_library == 'lib/py_spam.dll.a'
assert windows['bin/lua.dll'].kind == 'shared_library'
assert windows['bin/lua.exe'].kind == 'executable'
assert windows['bin/util.dll'].import_library == 'lib/libutil.dll.a'
assert windows['lib/libutil.a'].kind == 'static_library'
assert windows['bin/lua.exe'].binary.imports.containsAll(['lua.dll', 'z-1.dll', 'util.dll', 'py_spam.pyd'])
assert !new File(basedir, 'target/cross/windows-x86_64/bin/z.dll').exists()
assert windows['bin/lpeg.dll'].import_library == 'lib/lpeg.dll.a'

def windowsJar = index('windows-x86_64')
assert windowsJar.index.contains('\nlibrary\tz\tz-1.dll\t') : windowsJar.index
