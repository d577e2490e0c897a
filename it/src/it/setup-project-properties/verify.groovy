// setup runs in initialize and sets project properties; process-resources filters cross.txt with them.
File filtered = new File(basedir, 'target/classes/cross.txt')
assert filtered.isFile() : "resources were not processed: no ${filtered}"
List<String> lines = filtered.readLines('UTF-8')

assert lines == [
        'family=aarch64',
        'classifier=linux-aarch_64',
        'cross=true',
        // the preset's pkg_config_libdir array, joined with commas
        'sysroot-less=/usr/lib/aarch64-linux-gnu/pkgconfig,/usr/share/pkgconfig',
] : "unexpected filtered cross.txt:\n${filtered.text}"

// unfiltered ${...} would mean setup ran too late or not at all; check the order in the log too
String log = new File(basedir, 'build.log').text
int setupAt = log.indexOf('--- cross-maven-plugin:')
int resourcesAt = log.indexOf('--- maven-resources-plugin:')
assert setupAt >= 0 && log.indexOf(':setup', setupAt) > setupAt : 'setup did not run'
assert resourcesAt > setupAt : 'setup must run before the resources plugin'
true
