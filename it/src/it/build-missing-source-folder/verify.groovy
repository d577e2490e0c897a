// A <sourceDirectory> that does not exist is the user's mistake: BUILD FAILURE with the library, the folder and the
// remedy, reported as a MojoFailureException. Before the CrossException root it was an IOException, which the compile
// goal reported as an internal error of the plugin (MojoExecutionException).
String log = new File(basedir, 'build.log').text
String folder = new File(basedir, 'src/main/cc').canonicalPath
assert log.contains('BUILD FAILURE')
assert log.contains(":compile (default) on project build-missing-source-folder: library 'demo': source folder "
        + folder + " does not exist; create it, or fix the <sourceDirectory> of this target")
assert log.contains('/MojoFailureException') : 'a user mistake, not an internal error'
assert !log.contains('/MojoExecutionException') && !log.contains('PluginExecutionException')
assert !log.contains('\tat ') && !log.contains('Caused by') : 'no stack trace for a user mistake'
true
