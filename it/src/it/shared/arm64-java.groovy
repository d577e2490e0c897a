// The aarch64 JRE (scripts/install-toolchains.sh --with-arm64-jre) under qemu-user, for the ITs that run a jar on
// it. Evaluated by their verify.groovy with crossTargetJava (invoker's script variable) and itName bound. Returns
// the command that starts it: qemu-aarch64 with the JRE's own prefix for the dynamic loader, then its java; or null
// when the JRE is not installed (a warning; a failure when CI=true).
File armJava = new File(crossTargetJava, 'bin/java')
if (!armJava.isFile()) {
    assert System.getenv('CI') != 'true' : "CI=true but no aarch64 JRE at ${crossTargetJava}"
    println "[WARNING] ${itName}: no aarch64 JRE at ${crossTargetJava}; the emulated run is left out"
    return null
}
File prefix = new File(crossTargetJava).canonicalFile
while (prefix != null && !new File(prefix, 'lib/ld-linux-aarch64.so.1').exists()) {
    prefix = prefix.parentFile
}
assert prefix != null : "no lib/ld-linux-aarch64.so.1 above ${crossTargetJava}"
return ['qemu-aarch64', '-L', prefix.path, armJava.path]
