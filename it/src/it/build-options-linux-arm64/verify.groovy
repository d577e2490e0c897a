// Meson's built-in options. Invoker ran build 1 (three targets, one per buildtype); this script runs builds 2 and 3
// itself, with the IT's local repository and settings, and checks the flags in compile_commands.json, what they did
// to the binaries, the warning for an option cross does not apply, and b_lundef.
import groovy.json.JsonSlurper

File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
int builds = 1
def mvn = { List<String> arguments ->
    builds++
    File log = new File(basedir, "build-${builds}.log")
    List<String> command = [mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                            '-Dcross.jobs=2'] + arguments + ['package']
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log)
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    [exit: builder.start().waitFor(), log: log.text]
}
def run = { List<String> argv ->
    Process process = new ProcessBuilder(argv*.toString()).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${argv.join(' ')}:\n${output}"
    output
}
def arguments = { String classifier, String source ->
    def database = new JsonSlurper().parse(new File(basedir, "target/cross/${classifier}/compile_commands.json"))
    def entry = database.find { it.file.endsWith(source) }
    assert entry != null : "${source} not in ${classifier}'s compile_commands.json"
    entry.arguments
}
// The flags the options give, between the compiler and the first include folder or define of the target.
def sections = { String classifier, String file -> run(['aarch64-linux-gnu-readelf', '-S', '-W',
        new File(basedir, "target/cross/${classifier}/${file}").path]) }
def cli = { String classifier -> run(['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu',
        new File(basedir, "target/cross/${classifier}/bin/calc-cli").path]) }

// ---- 1. three buildtypes side by side -----------------------------------------------------------------------------
String first = new File(basedir, 'build.log').text
assert first.contains('BUILD SUCCESS')
// the summary says which buildtype each target uses and where it was set
String releaseIni = new File(basedir, 'release.ini').canonicalPath
String plainIni = new File(basedir, 'plain.ini').canonicalPath
assert first.contains('[INFO] [debugoptimized] options: buildtype debugoptimized (default): optimization 2, debug true')
assert first.contains("[INFO] [release] options: buildtype release (${releaseIni}:3): optimization 3, debug false; " +
        "b_ndebug=if-release (${releaseIni}:4), b_lundef=false (<noUndefined>)")
assert first.contains("[INFO] [plain] options: buildtype plain (${plainIni}:2): optimization plain, debug false")
// an option cross does not apply: a warning naming the file, line and key, once (release.ini is one target's)
String ignored = "[WARNING] [release] ${releaseIni}:5: [built-in options] default_library is ignored: cross does not " +
        'apply the Meson option default_library'
assert first.count(ignored) == 1 : first

def debugoptimized = arguments('debugoptimized', 'src/calc/calc.c')
def release = arguments('release', 'src/calc/calc.c')
def plain = arguments('plain', 'src/calc/calc.c')
assert debugoptimized.subList(1, 6) == ['-Wall', '-Winvalid-pch', '-O2', '-g', '-fPIC'] : debugoptimized
assert release.subList(1, 6) == ['-DNDEBUG', '-Wall', '-Winvalid-pch', '-O3', '-fPIC'] : release
assert plain.subList(1, 4) == ['-Wall', '-Winvalid-pch', '-fPIC'] : plain
assert !plain.any { it.startsWith('-O') || it == '-g' } : plain
assert arguments('release', 'src/cli/main.c').subList(1, 5) == ['-DNDEBUG', '-Wall', '-Winvalid-pch', '-O3']

// ... and in the binaries: debug information only with debug=true (the stripped output keeps none either way)
assert sections('debugoptimized', 'debug/libcalc.so.debug').contains('.debug_info')
assert !sections('release', 'debug/libcalc.so.debug').contains('.debug_info')
assert !sections('plain', 'debug/libcalc.so.debug').contains('.debug_info')
assert !sections('debugoptimized', 'lib/libcalc.so').contains('.debug_info')
assert cli('debugoptimized') == 'calc 42, asserts on\n'
assert cli('release') == 'calc 42, asserts off\n'
assert cli('plain') == 'calc 42, asserts on\n'
// the under-linked trig linked (noUndefined=false): cos is left for the loader to find
['debugoptimized', 'release', 'plain'].each { classifier ->
    String symbols = run(['aarch64-linux-gnu-readelf', '--dyn-syms', '-W',
            new File(basedir, "target/cross/${classifier}/lib/libtrig.so").path])
    assert symbols =~ /UND cos/ : symbols
}

// ---- 2. b_lundef at its default: the under-linked library fails its link, saying why and what to do ---------------
def second = mvn(['-Dcross.file=linux-arm64.ini'])
assert second.exit != 0 : second.log
assert second.log.contains("undefined reference to `cos'") : second.log
assert second.log.contains('Shared libraries link with -Wl,--no-undefined (Meson\'s b_lundef, on by default), so ' +
        'this shows now rather than when the library is loaded: link the library that defines them (cos, sqrt ...: ' +
        '<linkerArgs><arg>-lm</arg></linkerArgs>') : second.log
assert second.log.contains('<noUndefined>false</noUndefined> (-Dcross.noUndefined=false, or b_lundef = false in ' +
        "the cross file's [built-in options])")
assert !new File(basedir, 'target/cross/linux-aarch_64/lib/libtrig.so').exists()
assert arguments('linux-aarch_64', 'src/calc/calc.c').subList(1, 5) == ['-Wall', '-Winvalid-pch', '-O2', '-g']

// ---- 3. the POM's buildtype wins over the cross file's; changed flags compile everything again ---------------------
def third = mvn(['-Dcross.file=linux-arm64.ini,plain.ini', '-Dcross.buildtype=release', '-Dcross.noUndefined=false',
                 '-Dcross.verbose=true'])
assert third.exit == 0 : third.log
assert third.log.contains("options: buildtype release (<buildType>): optimization 3, debug false; " +
        'b_lundef=false (<noUndefined>)') : third.log
assert third.log.contains('compiled 3 of 3 sources (0 up to date)') : third.log
assert third.log =~ /CC src\/calc\/calc\.c \(command changed/ : third.log
assert arguments('linux-aarch_64', 'src/calc/calc.c').subList(1, 5) == ['-Wall', '-Winvalid-pch', '-O3', '-fPIC']
// the link flags of release: b_asneeded's (on by default), b_lundef's, then -Wl,-O1
assert third.log =~ /aarch64-linux-gnu-gcc -Wl,--as-needed -Wl,--allow-shlib-undefined -Wl,-O1 -shared -Wl,-soname,libtrig\.so / : third.log
