String log = new File(basedir, 'build.log').text

// one message naming file, line and key, with the remedy
assert log.contains('broken.ini:3:')
assert log.contains("'c'")
assert log.contains('single quotes')
// a user mistake: MojoFailureException, and no stack trace
assert log.contains('MojoFailureException')
assert !log.contains('\tat dev.crossbuild')
assert !log.contains('Exception in thread')
// nothing a later build could take for a valid setup
List<File> setupFiles = []
File crossDir = new File(basedir, 'target/cross')
if (crossDir.exists()) {
    crossDir.eachFileRecurse { if (it.name == 'setup.json') setupFiles << it }
}
assert setupFiles.isEmpty() : "a failed setup left ${setupFiles}"
true
