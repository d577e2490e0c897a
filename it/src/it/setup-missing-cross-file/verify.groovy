String log = new File(basedir, 'build.log').text

assert log.contains('no-such.ini')
assert log.contains('looked in')
assert log.contains('MojoFailureException')
assert !log.contains('\tat dev.crossbuild')
List<File> setupFiles = []
File crossDir = new File(basedir, 'target/cross')
if (crossDir.exists()) {
    crossDir.eachFileRecurse { if (it.name == 'setup.json') setupFiles << it }
}
assert setupFiles.isEmpty() : "a failed setup left ${setupFiles}"
true
