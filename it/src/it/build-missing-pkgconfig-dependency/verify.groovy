// A missing pkg-config package fails the compile goal with the package, the pkg-config command that was run
// (with the host's PKG_CONFIG_LIBDIR, never the build machine's) and the Debian remedy, and no stack trace.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains("[ERROR] Failed to execute goal dev.crossbuild:cross-maven-plugin:")
assert log.contains(":compile (default) on project build-missing-pkgconfig-dependency: pkg-config found no package "
        + "'nosuchlib' for the host machine (linux aarch64): "
        + 'PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig PKG_CONFIG_PATH= '
        + 'pkg-config --cflags nosuchlib exited with 1:\n')
assert log.contains("Package nosuchlib was not found in the pkg-config search path.")
assert log.contains('[ERROR] Let cross fetch it into a private sysroot: <sysrootPackages><package>libnosuchlib-dev'
        + '</package></sysrootPackages> (-Dcross.sysrootPackages=libnosuchlib-dev); or install it: sudo dpkg '
        + '--add-architecture arm64 && sudo apt-get update && sudo apt-get install libnosuchlib-dev:arm64 (or add the '
        + 'folder holding nosuchlib.pc to pkg_config_libdir in [properties] of the cross file).')
assert !log.contains('\tat ') && !log.contains('Caused by') : 'a missing package is no reason for a stack trace'
assert !(log =~ /\[\d+\/\d+\] CC /) : 'nothing is compiled when a dependency is missing'
assert !new File(basedir, 'target/cross/linux-aarch_64/obj').exists()
true
