// Invoker ran the first build, with no C sources; this script runs the later ones itself until every goal is
// skipped, then adds src/main/c (the conventional folder, no configuration) and checks the library is built.
File settings = new File(basedir, '../interpolated-settings.xml')
String mvnCommand = new File(System.getProperty('maven.home'), 'bin/mvn').path
List<String> goals = ['setup', 'compile', 'native-link']
int builds = 1
def mvn = { ->
    builds++
    File log = new File(basedir, "build-${builds}.log")
    List<String> command = [mvnCommand, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                            '-Dcross.file=linux-arm64.ini', '-Dcross.jobs=2', 'package']
    ProcessBuilder builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log)
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    int exit = builder.start().waitFor()
    String text = log.text
    assert exit == 0 : "build ${builds} failed:\n${text}"
    text
}
def skipped = { String log, String goal -> log.contains("Nothing changed since the last cross:${goal} of this module") }

String first = new File(basedir, 'build.log').text
assert first.contains('nothing to compile') : first

// Nothing changed: within four builds, 2.5 s apart, setup is skipped (compile and native-link have nothing to do
// and leave no stamp: they always look).
String steady = null
for (int i = 0; i < 4 && steady == null; i++) {
    sleep(2500)
    String log = mvn()
    if (skipped(log, 'setup')) {
        steady = log
    }
}
assert steady != null : "setup was never skipped; the last build:\n${new File(basedir, "build-${builds}.log").text}"

// src/main/c appears: every goal runs, and the conventional JNI library is compiled, linked and attached.
File sources = new File(basedir, 'src/main/c')
sources.mkdirs()
new File(sources, 'later.c').text = '''#include "dev_crossbuild_it_later_Later.h"

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_later_Later_answer(JNIEnv *env, jclass cls)
{
    (void) env;
    (void) cls;
    return 42;
}
'''
String added = mvn()
goals.each { assert !skipped(added, it) : added }
assert added.contains('CC src/main/c/later.c') : added
File library = new File(basedir, 'target/cross/linux-aarch_64/lib/libbuild-up-to-date-new-sources.so')
assert library.isFile() : "no ${library}:\n${added}"
assert added.contains('attached build-up-to-date-new-sources-1.0-SNAPSHOT-linux-aarch_64.jar')
