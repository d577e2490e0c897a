// A site without any cross build: the build passes and the report page says how to produce the data.
File page = new File(basedir, 'target/site/cross-report.html')
assert page.isFile() : "site did not write ${page}"
String text = page.getText('UTF-8').replaceAll('<[^>]*>', ' ').replaceAll('\\s+', ' ')

assert text.contains('No cross build data yet')
assert text.contains('No build of this module has run cross:setup, so there is nothing under target/cross to show.')
assert text.contains('mvn package site -Dcross.file=linux-arm64.ini')
assert !new File(basedir, 'target/cross').exists()
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
true
