// Maven ran in the parent folder; lib's compiles run in lib/, and so must its checks: -Iinc (lib/relative.ini) is
// lib/inc for both. Before, the checks ran in Maven's folder and answered "no such header" for a header the compile
// then found.
String log = new File(basedir, 'build.log').text
assert log.contains('checks: has.header.probe_config_h=true') : 'the check did not find lib/inc/probe_config.h'

File crossDir = new File(basedir, 'lib/target/cross/linux-aarch_64')
String header = new File(crossDir, 'include/cross_config.h').text
assert header.contains('#define HAVE_PROBE_CONFIG_H 1\n')
// probe.c stops with #error unless the check found the header its own compile includes.
assert new File(crossDir, 'lib/libprobe.so').isFile()
assert log.contains('linked 1 of 1 outputs')
