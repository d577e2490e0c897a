// Incremental builds. Invoker ran the first, full build; this script runs the later ones itself, with the IT's
// local repository and settings (invoker's interpolated settings file beside the cloned projects), and checks
// exactly which sources each build compiled and how many outputs it linked.
File root = new File(basedir, 'target/cross/linux-aarch_64')
File settings = new File(basedir, '../interpolated-settings.xml')
assert settings.isFile() : "no interpolated settings at ${settings.canonicalPath}"
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
int builds = 1

// Runs 'mvn package' with the first build's arguments plus extra ones; returns its exit code and log.
def mvn = { List<String> extra ->
    builds++
    File log = new File(basedir, "build-${builds}.log")
    List<String> command = [mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                            '-Dcross.file=linux-arm64.ini', '-Dcross.jobs=2'] + extra + ['package']
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log)
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    int exit = builder.start().waitFor()
    [exit: exit, log: log.text]
}
def compiled = { String log -> (log =~ /\[\d+\/\d+\] CC (\S+)/).collect { it[1] } as Set }
def succeeded = { result ->
    assert result.exit == 0 : "build ${builds} failed:\n${result.log}"
    assert result.log.contains('BUILD SUCCESS')
    result.log
}

// 1. the first build (invoker's): everything
String first = new File(basedir, 'build.log').text
assert compiled(first) == ['src/main/c/a.c', 'src/main/c/b.c', 'src/main/c/c.c', 'src/main/c/jni.c', 'src/main/cli/main.c'] as Set
assert first.contains('compiled 5 of 5 sources (0 up to date)')
assert first.contains('linked 2 of 2 outputs (0 up to date)')
File library = new File(root, 'lib/libcalc.so')
File outputsJson = new File(root, 'outputs.json')
long libraryTime = library.lastModified()
long outputsTime = outputsJson.lastModified()

// 2. nothing changed: nothing compiled or linked, nothing rewritten
String noop = succeeded(mvn([]))
assert compiled(noop).isEmpty()
assert !noop.contains(' LINK ')
assert noop.contains('compiled 0 of 5 sources (5 up to date)')
assert noop.contains('linked 0 of 2 outputs (2 up to date)')
assert library.lastModified() == libraryTime
assert outputsJson.lastModified() == outputsTime

// The logged command lines that compile a source: verbose mode and -X log each exactly once.
def compileCommands = { String log, String source ->
    log.readLines().findAll { it.contains(" -c ${new File(basedir, source).canonicalPath} ") }
}

// 3. a header changed: exactly the sources that include it; the library and the executable linking it relink.
//    With cross.verbose, each says why, and each command is logged once.
File shared = new File(basedir, 'src/main/include/shared.h')
long sharedSize = shared.length()
shared.text = shared.text.replace('#define SHARED_OFFSET 0', '#define SHARED_OFFSET (1 - 1)')
String header = succeeded(mvn(['-Dcross.verbose=true']))
assert compiled(header) == ['src/main/c/a.c', 'src/main/c/b.c'] as Set
assert header.contains('compiled 2 of 5 sources (3 up to date)')
assert header.contains('linked 2 of 2 outputs (0 up to date)')
for (String source : ['src/main/c/a.c', 'src/main/c/b.c']) {
    assert (header =~ /\[INFO\] \[\d\/2\] CC ${source} \(input src\/main\/include\/shared\.h changed \(size ${sharedSize} -> ${shared.length()}\)\)/).find() :
            "no reason for ${source} in build-${builds}.log"
    def commands = compileCommands(header, source)
    assert commands.size() == 1 : "${source} compiled ${commands.size()} times in build-${builds}.log"
    assert commands[0].startsWith('[INFO] ') && commands[0].contains('aarch64-linux-gnu-gc')
}
assert header.contains('[1/2] LINK lib/libcalc.so (input obj/library/calc/')
assert header.contains("[2/2] LINK bin/calc-cli (library 'calc' linked again)")

// 4. a define of the library changed in the POM (through a property): the library's objects only. Under -X, each
//    compiler command is logged once, at DEBUG, and each source says why it is compiled.
String define = succeeded(mvn(['-X', '-Dcalc.flag=2']))
assert compiled(define) == ['src/main/c/a.c', 'src/main/c/b.c', 'src/main/c/c.c', 'src/main/c/jni.c'] as Set
assert define.contains('compiled 4 of 5 sources (1 up to date)')
for (String source : ['src/main/c/a.c', 'src/main/c/b.c', 'src/main/c/c.c', 'src/main/c/jni.c']) {
    def commands = compileCommands(define, source)
    assert commands.size() == 1 : "${source} compiled ${commands.size()} times in build-${builds}.log"
    assert commands[0].startsWith('[DEBUG] ')
    assert define.contains("CC ${source} (command changed)")
}
assert compileCommands(define, 'src/main/cli/main.c').isEmpty()
String flagAgain = succeeded(mvn(['-Dcalc.flag=2']))
assert flagAgain.contains('compiled 0 of 5 sources (5 up to date)')

// 5. a native method added to the Java class: the regenerated JNI header recompiles the one source including it
File calc = new File(basedir, 'src/main/java/dev/crossbuild/it/calc/Calc.java')
calc.text = calc.text.replace('public static native int add(int a, int b);',
        'public static native int add(int a, int b);\n\n    public static native int twice(int a);')
String jni = succeeded(mvn(['-Dcalc.flag=2']))
assert new File(basedir, 'target/generated-sources/cross-jni/dev_crossbuild_it_calc_Calc.h').text
        .contains('Java_dev_crossbuild_it_calc_Calc_twice')
assert compiled(jni) == ['src/main/c/jni.c'] as Set
assert jni.contains('compiled 1 of 5 sources (4 up to date)')

// 5b. a native method's parameters changed in Java but not in C: the regenerated header no longer matches the
//     definition in jni.c, so the mismatch is a compile error instead of an UnsatisfiedLinkError at run time
String declaration = 'public static native int add(int a, int b);'
calc.text = calc.text.replace(declaration, 'public static native int add(long a, long b);')
def mismatch = mvn(['-Dcalc.flag=2'])
assert mismatch.exit != 0
assert (mismatch.log =~ /\/src\/main\/c\/jni\.c:5:1: error: conflicting types for .Java_dev_crossbuild_it_calc_Calc_add./).find() :
        "no conflicting-types error in build-${builds}.log"
assert !new File(root, 'obj/library/calc/jni.c.o').exists()
calc.text = calc.text.replace('public static native int add(long a, long b);', declaration)

// 6. a compile error (CALC_BROKEN=1 enables a line without its semicolon in c.c): the build fails with the
//    compiler's own file:line message, and no object of c.c is left behind, not even the earlier one
File object = new File(root, 'obj/library/calc/c.c.o')
assert object.isFile()
def broken = mvn(['-Dcalc.flag=2', '-Dcalc.broken=1'])
assert broken.exit != 0
assert broken.log.contains('BUILD FAILURE')
assert broken.log.contains('1 source of 4 failed to compile')
// gcc quotes with ‘’ in a UTF-8 locale and with '' in the C locale
assert (broken.log =~ /\/src\/main\/c\/c\.c:6:\d+: error: expected .;. before/).find() : "no file:line error in build-${builds}.log"
assert !broken.log.contains('at dev.crossbuild.') : 'a compile error is no reason for a stack trace'
assert !object.exists() : "${object} survived the failed compile"
def leftovers = []
new File(root, 'obj').eachFileRecurse { if (it.name.endsWith('.tmp')) leftovers << it }
assert leftovers.isEmpty() : "temporary objects left behind: ${leftovers}"

// 7. fixed again: c.c compiles, the build succeeds
String fixed = succeeded(mvn(['-Dcalc.flag=2']))
assert compiled(fixed).contains('src/main/c/c.c')
assert object.isFile()
assert fixed.contains('linked 2 of 2 outputs (0 up to date)')
true
