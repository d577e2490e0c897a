// Runs this IT only when the aarch64 JRE is there (scripts/install-toolchains.sh --with-arm64-jre; CI installs it).
// crossTargetJava comes from it/pom.xml's scriptVariables (property cross.it.targetJava).
// The invoker reports the IT as SKIPPED; the reason is in its build.log (target/it/test-target-jvm/build.log).
// On CI (CI=true) it never skips: scripts/test.sh installs the JRE there, and a silent skip would hide that it didn't.
def skip = { String why ->
    if (System.getenv('CI') == 'true') {
        println "test-target-jvm: CI=true, so running although ${why}"
        return true
    }
    println "[WARNING] test-target-jvm: skipped, ${why}"
    return false
}
File java = new File(crossTargetJava, 'bin/java')
if (!java.isFile()) {
    return skip("no aarch64 JRE at ${crossTargetJava} (run scripts/install-toolchains.sh --with-arm64-jre, or pass -Dcross.it.targetJava=<aarch64 JRE home>)")
}
List<String> path = (System.getenv('PATH') ?: '').split(':') as List
List<String> missing = ['qemu-aarch64', 'aarch64-linux-gnu-gcc'].findAll { tool -> !path.any { new File(it, tool).canExecute() } }
if (missing) {
    return skip("${missing.join(', ')} not on PATH (scripts/install-toolchains.sh)")
}
return true
