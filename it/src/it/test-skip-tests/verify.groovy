// Invocation 1, -DskipTests: the test programs are built but not run, so the failing one cannot fail the build, and
// no report is written. Invocation 2, clean and -Dmaven.test.skip: nothing is built. Both append to build.log.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Scanning for projects...', log.indexOf('Scanning for projects...') + 1)
assert second > 0 : 'two invocations'
String skipTests = log.substring(0, second)
String testSkip = log.substring(second)
assert skipTests.contains('BUILD SUCCESS')
assert skipTests =~ /\[INFO\] \[\d\/4\] CC src\/test\/c\/test_bad\.c/
assert skipTests.contains('[INFO] Native tests are built, not run (skipTests)')
assert !skipTests.contains('Running ') && !skipTests.contains('Tests run: 3')
assert testSkip.contains('BUILD SUCCESS')
assert testSkip.contains('[INFO] Native tests are skipped (maven.test.skip)')
assert !testSkip.contains('test_bad')
assert !new File(basedir, 'target/cross/linux-aarch_64/test').exists() : 'maven.test.skip builds no test program'
assert !new File(basedir, 'target/surefire-reports').exists()
true
